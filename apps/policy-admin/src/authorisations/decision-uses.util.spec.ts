import { decisionUses } from './decision-uses.util';

const ID = '0b6f3c1e-8d7a-4f7e-9a51-2d4c6e8f0a11';

function bytes(patch: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      schema: 'tamiz.decision.v1',
      decisionId: 'dec:evt-1',
      eventId: 'evt-1',
      cameraId: 'cam-si-001',
      occurredAt: '2026-03-14T10:00:00.000-05:00',
      analyticType: 'face-match',
      verdict: 'forward',
      purposes: ['identificacion-facial-autorizada'],
      ruleIds: ['purpose:identificacion-facial-autorizada', `authorization:${ID}`],
      ...patch,
    }),
  );
}

describe(decisionUses.name, () => {
  it('should read one use per authorisation rule of a forwarded decision, in UTC', () => {
    expect(decisionUses(bytes())).toEqual([
      {
        authorisationId: ID,
        eventId: 'evt-1',
        cameraId: 'cam-si-001',
        usedAt: '2026-03-14T15:00:00.000Z',
      },
    ]);
  });

  it('should read every authorisation a decision names, each once', () => {
    const ruleIds = [
      'purpose:a',
      'authorization:A-1',
      'purpose:b',
      'authorization:A-2',
      'authorization:A-1',
    ];
    expect(decisionUses(bytes({ ruleIds })).map((u) => u.authorisationId)).toEqual(['A-1', 'A-2']);
  });

  it.each([
    ['a suppressed decision', bytes({ verdict: 'suppress', ruleIds: ['fail-closed'] })],
    [
      'a decision relying on no authorisation',
      bytes({ ruleIds: ['purpose:delito-en-flagrancia'] }),
    ],
    ['a tombstone', null],
    ['bytes that are not JSON', Buffer.from('{"authorization:x')],
    ['a decision without event id', bytes({ eventId: 7 })],
    ['a decision with an unreadable time', bytes({ occurredAt: 'ayer' })],
  ])('should read none from %s', (_label, value) => {
    expect(decisionUses(value)).toEqual([]);
  });
});
