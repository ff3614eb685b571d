import type { Authorisation } from '@lib/persistence';
import { authorisationStatus } from './authorisation-status';

const a: Authorisation = {
  authorisationId: 'a1',
  issuer: 'Juzgado',
  caseRef: 'EXP-1',
  purposes: ['busqueda'],
  scope: { cameras: ['cam-1'] },
  validFrom: '2026-03-01T00:00:00-05:00',
  validUntil: '2026-03-31T23:59:59-05:00',
  registeredBy: 'dpo',
  registeredAt: '2026-02-28T00:00:00.000Z',
  revokedAt: null,
  revokedBy: null,
};

describe(authorisationStatus.name, () => {
  it.each([
    ['2026-03-01T04:59:59.999Z', 'pending'],
    ['2026-03-01T05:00:00.000Z', 'active'],
    ['2026-04-01T04:59:59.000Z', 'active'],
    ['2026-04-01T05:00:00.000Z', 'expired'],
  ])('should be %s → %s, comparing instants across offsets', (now, status) => {
    expect(authorisationStatus(a, new Date(now))).toBe(status);
  });

  it('should be revoked whatever the time once revoked', () => {
    const revoked = { ...a, revokedAt: '2026-03-02T00:00:00.000Z', revokedBy: 'dpo-2' };

    expect(authorisationStatus(revoked, new Date('2026-03-10T00:00:00Z'))).toBe('revoked');
  });
});
