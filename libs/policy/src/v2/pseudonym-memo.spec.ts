import { compileTransform } from '@lib/redaction';
import { TEST_KEYRING } from '../../test/v2/pe-policy.fixture';
import { parseInstant } from './event-time';
import { memoisePseudonym } from './pseudonym-memo';

describe('memoisePseudonym', () => {
  const plain = compileTransform({ pseudonymize: { rotate: 'PT12H' } });
  const ctx = (occurredAt: string, purposeId = 'p') => ({
    purposeId,
    occurredAt,
    keyring: TEST_KEYRING,
    atMs: parseInstant(occurredAt),
  });

  it('should give exactly the pseudonyms of the transform it wraps, in any order of events', () => {
    const memo = memoisePseudonym({ transform: plain, rotationMs: 12 * 3_600_000 });
    const times = [
      '2026-03-14T01:00:00Z',
      '2026-03-14T11:59:59Z',
      '2026-03-14T12:00:00Z',
      '2026-03-14T05:00:00Z', // late delivery from the previous period
      '2026-03-15T00:00:00Z',
      '2026-03-15T00:00:00Z',
    ];
    for (const occurredAt of times) {
      for (const value of ['trk-1', 'trk-2', 'trk-1', 42, null]) {
        expect(memo.apply(value, ctx(occurredAt))).toEqual(plain.apply(value, ctx(occurredAt)));
      }
    }
    expect(memo.name).toBe('pseudonymize');
  });

  it('should work without the engine instant, as the transform alone does', () => {
    const memo = memoisePseudonym({ transform: plain, rotationMs: 12 * 3_600_000 });
    const bare = { purposeId: 'p', occurredAt: '2026-03-14T01:00:00Z', keyring: TEST_KEYRING };
    expect(memo.apply('trk-1', bare)).toBe(plain.apply('trk-1', bare));
  });
});
