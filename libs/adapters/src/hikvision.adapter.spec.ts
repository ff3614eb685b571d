import { AdapterFormat, normalise } from '@lib/adapters';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';
import { itMatchesGoldenFixtures } from '../test/golden-fixtures.spec-helper';

const FORMAT = AdapterFormat.Hikvision;
const options = fixtureOptions(FORMAT);

describe('normalise (hikvision)', () => {
  itMatchesGoldenFixtures(FORMAT);

  it('should return the scene picture, not the plate crop, with the ANPR event', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'anpr-xml');
    const result = normalise(FORMAT, kase.input, options);
    const scene = kase.input.parts?.find((part) => part.filename === 'detectionPicture.jpg');
    expect(result.ok && result.items[0].image?.bytes).toBe(scene?.bytes);
    expect(JSON.stringify(result)).not.toContain(scene?.bytes.toString('base64'));
  });

  it('should map NVR channels with the configured offset', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'vmd-no-target');
    const payload = Buffer.from(
      kase.input.payload.toString().replace('<channelID>1<', '<channelID>33<'),
    );
    const result = normalise(
      FORMAT,
      { ...kase.input, payload },
      { ...options, hikvisionChannelOffset: 32 },
    );
    expect(result.ok && result.items[0].event.data.cameraId).toBe('cam-parque-kennedy-03');
  });

  it('should give distinct ids to repeated active alerts without a UUID', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'vmd-no-target');
    const next = Buffer.from(
      kase.input.payload.toString().replace('<activePostCount>3<', '<activePostCount>4<'),
    );
    const ids = [kase.input.payload, kase.input.payload, next].map((payload) => {
      const result = normalise(FORMAT, { ...kase.input, payload }, options);
      return result.ok ? result.items[0].event.id : 'failed';
    });
    expect(new Set(ids)).toEqual(new Set([ids[0], ids[2]]));
    expect(ids[0]).not.toBe(ids[2]);
    expect(ids).not.toContain('failed');
  });

  it('should flag a dateTime without a zone and read it as UTC', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'vmd-no-target');
    const payload = Buffer.from(
      kase.input.payload.toString().replace('2025-03-14T03:22:00-05:00', '2025-03-14T03:22:00'),
    );
    const result = normalise(FORMAT, { ...kase.input, payload }, options);
    expect(result.ok && result.items[0].event.time).toBe('2025-03-14T03:22:00.000Z');
    expect(result.ok && result.items[0].notes).toContain('time-without-zone');
  });
});
