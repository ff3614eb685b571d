import sharp from 'sharp';
import { syntheticSnapshot } from './synthetic-snapshot';

jest.setTimeout(30_000);

describe('syntheticSnapshot', () => {
  it('is deterministic: one seed, the same bytes and boxes', async () => {
    const a = await syntheticSnapshot(42);
    const b = await syntheticSnapshot(42);
    expect(a.jpeg.equals(b.jpeg)).toBe(true);
    expect(a.regions).toEqual(b.regions);
    expect(a.plates).toEqual(b.plates);
    const c = await syntheticSnapshot(43);
    expect(c.jpeg.equals(a.jpeg)).toBe(false);
    expect(c.regions).not.toEqual(a.regions);
  });

  it('draws a 1920×1080 JPEG with a face and a person per person, a plate per vehicle', async () => {
    const snap = await syntheticSnapshot(7, { people: 3, vehicles: 2 });
    const meta = await sharp(snap.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1920, 1080]);
    const count = (kind: string) => snap.regions.filter((r) => r.kind === kind).length;
    expect([count('face'), count('person'), count('plate')]).toEqual([3, 3, 2]);
    expect(snap.plates).toHaveLength(2);
    for (const plate of snap.plates) {
      expect(plate).toMatch(/^[A-Z]{3}-[0-9]{3}$/);
    }
    for (const { box } of snap.regions) {
      expect(box.w).toBeGreaterThan(0);
      expect(box.h).toBeGreaterThan(0);
      expect(box.x + box.w).toBeLessThanOrEqual(1);
      expect(box.y + box.h).toBeLessThanOrEqual(1);
    }
  });

  it('puts detail where the boxes are: a plate is bright with dark glyphs', async () => {
    const snap = await syntheticSnapshot(9, { people: 0, vehicles: 1 });
    const [plate] = snap.regions;
    const { data, info } = await sharp(snap.jpeg)
      .extract({
        left: Math.round(plate.box.x * 1920) + 4,
        top: Math.round(plate.box.y * 1080) + 4,
        width: Math.round(plate.box.w * 1920) - 8,
        height: Math.round(plate.box.h * 1080) - 8,
      })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const values = [...data];
    const bright = values.filter((v) => v > 200).length / values.length;
    const dark = values.filter((v) => v < 80).length / values.length;
    expect(info.channels).toBe(1);
    expect(bright).toBeGreaterThan(0.4);
    expect(dark).toBeGreaterThan(0.1);
  });
});
