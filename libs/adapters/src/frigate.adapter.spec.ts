import { AdapterFormat, normalise } from '@lib/adapters';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';
import { itMatchesGoldenFixtures } from '../test/golden-fixtures.spec-helper';

const FORMAT = AdapterFormat.Frigate;
const options = fixtureOptions(FORMAT);

describe('normalise (frigate)', () => {
  itMatchesGoldenFixtures(FORMAT);

  it('should give the same event id for the same message and another for the next update', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'events-new-car-plate');
    const first = normalise(FORMAT, kase.input, options);
    const again = normalise(
      FORMAT,
      { ...kase.input, payload: Buffer.from(kase.input.payload) },
      options,
    );
    const message = JSON.parse(kase.input.payload.toString()) as { after: { frame_time: number } };
    message.after.frame_time += 1;
    const later = normalise(
      FORMAT,
      { ...kase.input, payload: Buffer.from(JSON.stringify(message)) },
      options,
    );
    const ids = [first, again, later].map((r) => (r.ok ? r.items[0].event.id : 'failed'));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids).not.toContain('failed');
  });

  it('should leave the box out and say so when the frame size is unknown', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'events-unmapped-camera');
    const result = normalise(FORMAT, kase.input, { siteId: 'lima-centro' });
    expect(result.ok && result.items[0].event.data.boundingBox).toBe(undefined);
    expect(result.ok && result.items[0].notes).toEqual(['box-without-frame-size']);
  });

  it('should reject a camera name that cannot be a camera id', () => {
    const payload = Buffer.from(
      JSON.stringify({
        type: 'new',
        after: { id: 'a', camera: 'patio central', label: 'person', frame_time: 1, score: 0.5 },
      }),
    );
    const result = normalise(FORMAT, { channel: 'frigate/events', payload }, {});
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '/after/camera', code: 'schema' })],
    });
  });
});
