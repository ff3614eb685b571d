import { AdapterFormat, normalise } from '@lib/adapters';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';
import { itMatchesGoldenFixtures } from '../test/golden-fixtures.spec-helper';

const FORMAT = AdapterFormat.Onvif;
const options = fixtureOptions(FORMAT);

describe('normalise (onvif)', () => {
  itMatchesGoldenFixtures(FORMAT);

  it('should take an inline image out of the event and return its bytes', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter(
      (c) => c.name === 'mj-transformation-inline-image',
    );
    const inline = (
      JSON.parse(kase.input.payload.toString()) as {
        MetadataStream: {
          VideoAnalytics: { Frame: { Object: { Appearance: { Image: string } } } };
        };
      }
    ).MetadataStream.VideoAnalytics.Frame.Object.Appearance.Image;
    const result = normalise(FORMAT, kase.input, options);
    expect(result.ok && result.items[0].image?.bytes).toEqual(Buffer.from(inline, 'base64'));
    expect(JSON.stringify(result.ok && result.items[0].event)).not.toContain(inline.slice(0, 16));
  });

  it('should never copy Complexion or Hijab', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'mj-frame-person-plate');
    const result = normalise(FORMAT, kase.input, options);
    const text = JSON.stringify(result.ok && result.items.map((item) => item.event));
    expect(result.ok).toBe(true);
    expect(text).not.toMatch(/complexion|hijab|"Other"/i);
  });

  it('should convert y-up centre coordinates to a top-left box', () => {
    const payload = Buffer.from(
      JSON.stringify({
        UtcTime: '2025-03-14T08:00:00Z',
        Data: {
          Likelihood: 0.5,
          BoundingBox: { '@left': -1, '@top': 1, '@right': 0, '@bottom': 0 },
        },
      }),
    );
    const channel = 'depot-cam11/onvif-ej/RuleEngine/ObjectDetection/Object/&vs1';
    const result = normalise(FORMAT, { channel, payload }, options);
    expect(result.ok && result.items[0].event.data.boundingBox).toEqual({
      x: 0,
      y: 0,
      w: 0.5,
      h: 0.5,
      space: 'norm-tl',
    });
  });
});
