import sharp from 'sharp';
import { syntheticSnapshot, type SyntheticSnapshot } from '@lib/simulator';
import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { decodeLuma, outsideDifference, regionDetail, type LumaPlane } from './pixel-check';
import {
  redactSnapshot,
  redactionGrid,
  type PixelRect,
  type SnapshotRegion,
} from './redact-snapshot';

// Real sharp work on 1080p images: a few seconds per test on a shared 2-core machine.
jest.setTimeout(60_000);

/*
 * What "no detail survives" means here, per redacted area and on its block grid:
 * - fine detail (pixel minus its 5×5 mean) of the output does not correlate with the original's;
 * - within each block, the variation of the output (4×4 cell means, so grain does not count)
 *   does not correlate with the original's variation: nothing smaller than a block survives.
 * Pixelation measures |r| ≤ 0.05 on the first and ≤ 0.2 on the second (the noise is random: small
 * boxes have few cells); a gaussian blur of σ 3..15 keeps 0.3..0.98 of the within-block
 * variation, so it fails (see the negative control below). The tests fix the noise seed so that a
 * run is reproducible; the metric itself does not depend on it.
 */
const MAX_DETAIL_CORRELATION = 0.1;
const MAX_WITHIN_BLOCK_CORRELATION = 0.25;
const noiseSeed = Buffer.from('tamiz-pixel-test');
// Re-encoding at quality 80 moves an unchanged pixel's luma by about 0.7 on average.
const MAX_OUTSIDE_MEAN_ABS = 2.5;

interface Verdict {
  kind: string;
  detailCorrelation: number;
  withinBlockCorrelation: number;
  hidden: boolean;
}

function areas(snap: { width: number; height: number }, regions: readonly SnapshotRegion[]) {
  return regions.map((r) => redactionGrid(r.box, snap.width, snap.height));
}

function verdicts(
  original: LumaPlane,
  redacted: LumaPlane,
  regions: readonly SnapshotRegion[],
): Verdict[] {
  return regions.map((r) => {
    const { rect, block } = redactionGrid(r.box, original.width, original.height);
    const d = regionDetail(original, redacted, rect, block);
    return {
      kind: r.kind,
      detailCorrelation: d.detailCorrelation,
      withinBlockCorrelation: d.withinBlockCorrelation,
      hidden:
        Math.abs(d.detailCorrelation) <= MAX_DETAIL_CORRELATION &&
        Math.abs(d.withinBlockCorrelation) <= MAX_WITHIN_BLOCK_CORRELATION,
    };
  });
}

/** What a naive redactor would do: a gaussian blur of each area, composited back. */
async function blurAreas(jpeg: Buffer, rects: readonly PixelRect[], sigma: number) {
  const overlays = await Promise.all(
    rects.map(async (r) => ({
      input: await sharp(jpeg)
        .extract({ left: r.x0, top: r.y0, width: r.x1 - r.x0, height: r.y1 - r.y0 })
        .blur(sigma)
        .toBuffer(),
      left: r.x0,
      top: r.y0,
    })),
  );
  return sharp(jpeg).composite(overlays).jpeg({ quality: 80 }).toBuffer();
}

async function expectNoMetadata(jpeg: Buffer): Promise<void> {
  const meta = await sharp(jpeg).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.comments).toBeUndefined();
}

describe('redactSnapshot on synthetic street scenes', () => {
  const seeds = [1, 2, 3, 4];
  const scenes = new Map<number, SyntheticSnapshot>();

  beforeAll(async () => {
    for (const seed of seeds) {
      scenes.set(seed, await syntheticSnapshot(seed));
    }
  });

  it.each(seeds)(
    'seed %i: every face, plate and person is hidden, the rest unchanged',
    async (seed) => {
      const snap = scenes.get(seed)!;
      expect(snap.regions.map((r) => r.kind).sort()).toEqual([
        'face',
        'face',
        'person',
        'person',
        'plate',
        'plate',
      ]);
      const out = await redactSnapshot(snap.jpeg, snap.regions, { noiseSeed });
      const original = await decodeLuma(snap.jpeg);
      const redacted = await decodeLuma(out);
      expect([redacted.width, redacted.height]).toEqual([1920, 1080]);

      const result = verdicts(original, redacted, snap.regions);
      expect(result.filter((v) => !v.hidden)).toEqual([]);
      const outside = outsideDifference(
        original,
        redacted,
        areas(snap, snap.regions).map((a) => a.rect),
      );
      expect(outside.pixels).toBeGreaterThan(1920 * 1080 * 0.5);
      expect(outside.meanAbs).toBeLessThan(MAX_OUTSIDE_MEAN_ABS);
      await expectNoMetadata(out);
    },
  );

  it('only the named kinds are redacted: plates alone leave faces intact', async () => {
    const snap = scenes.get(1)!;
    const plates = snap.regions.filter((r) => r.kind === 'plate');
    const faces = snap.regions.filter((r) => r.kind === 'face');
    const original = await decodeLuma(snap.jpeg);
    const redacted = await decodeLuma(await redactSnapshot(snap.jpeg, plates, { noiseSeed }));
    expect(verdicts(original, redacted, plates).every((v) => v.hidden)).toBe(true);
    // a face no plate area overlaps is untouched, so its detail survives: the check can fail
    const clear = faces.filter((f) => {
      const fr = redactionGrid(f.box, 1920, 1080).rect;
      return areas(snap, plates).every(
        ({ rect: p }) => p.x1 <= fr.x0 || fr.x1 <= p.x0 || p.y1 <= fr.y0 || fr.y1 <= p.y0,
      );
    });
    expect(clear.length).toBeGreaterThan(0);
    for (const v of verdicts(original, redacted, clear)) {
      expect(v.hidden).toBe(false);
      expect(v.withinBlockCorrelation).toBeGreaterThan(0.9);
    }
  });

  // Correlation says nothing of a constant area (decoding bleeds a little chroma from outside
  // its edges): here "nothing survives" is "every pixel is the fill colour".
  it('a solid fill hides every area, with no variance inside', async () => {
    const snap = scenes.get(2)!;
    const out = await redactSnapshot(snap.jpeg, snap.regions, {
      method: 'fill',
      fillColor: [20, 20, 20],
    });
    const redacted = await decodeLuma(out);
    for (const { rect } of areas(snap, snap.regions)) {
      for (let y = rect.y0; y < rect.y1; y += 3) {
        for (let x = rect.x0; x < rect.x1; x += 3) {
          expect(Math.abs(redacted.luma[y * 1920 + x] - 20)).toBeLessThan(3);
        }
      }
    }
  });

  it.each([3, 8, 15])(
    'negative control: a gaussian blur of σ %i fails the same check',
    async (sigma) => {
      const snap = scenes.get(3)!;
      const blurred = await blurAreas(
        snap.jpeg,
        areas(snap, snap.regions).map((a) => a.rect),
        sigma,
      );
      const original = await decodeLuma(snap.jpeg);
      const result = verdicts(original, await decodeLuma(blurred), snap.regions);
      // every single area is caught, not just some
      expect(result.filter((v) => v.hidden)).toEqual([]);
    },
  );

  it('the noise is fresh on each call, and reproducible only with an explicit seed', async () => {
    const snap = scenes.get(4)!;
    const a = await redactSnapshot(snap.jpeg, snap.regions);
    const b = await redactSnapshot(snap.jpeg, snap.regions);
    expect(a.equals(b)).toBe(false);
    const noiseSeed = Buffer.alloc(16, 7);
    const c = await redactSnapshot(snap.jpeg, snap.regions, { noiseSeed });
    const d = await redactSnapshot(snap.jpeg, snap.regions, { noiseSeed });
    expect(c.equals(d)).toBe(true);
  });
});

describe('redactSnapshot on other JPEG layouts', () => {
  it('redacts a greyscale JPEG (one channel) and keeps it the same size', async () => {
    const snap = await syntheticSnapshot(13, { width: 960, height: 540 });
    const grey = await sharp(snap.jpeg).toColourspace('b-w').jpeg({ quality: 90 }).toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const out = await redactSnapshot(grey, snap.regions, { noiseSeed });
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([960, 540]);
    const original = await decodeLuma(grey);
    const redacted = await decodeLuma(out);
    expect(verdicts(original, redacted, snap.regions).filter((v) => !v.hidden)).toEqual([]);
    const rects = areas(snap, snap.regions).map((a) => a.rect);
    expect(outsideDifference(original, redacted, rects).meanAbs).toBeLessThan(MAX_OUTSIDE_MEAN_ABS);
  });
});

describe('redactSnapshot metadata', () => {
  it('strips EXIF with GPS, XMP and ICC, and still redacts', async () => {
    const snap = await syntheticSnapshot(11);
    const tagged = await sharp(snap.jpeg)
      .withExif({
        IFD0: { Make: 'CamaraMuni', Model: 'PTZ-9000', Artist: 'Operador Juan Perez' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '12/1 2/1 3/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '77/1 1/1 42/1',
        },
      })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Juan Perez"/></rdf:RDF></x:xmpmeta>',
      )
      .withIccProfile('p3')
      .jpeg({ quality: 90 })
      .toBuffer();
    const before = await sharp(tagged).metadata();
    // the fixture really carries what must be stripped
    expect(before.exif?.includes(Buffer.from('CamaraMuni'))).toBe(true);
    expect(before.exif?.includes(Buffer.from('PTZ-9000'))).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    expect(before.exif?.length).toBeGreaterThan(100);

    const out = await redactSnapshot(tagged, snap.regions, { noiseSeed });
    await expectNoMetadata(out);
    expect(out.includes(Buffer.from('CamaraMuni'))).toBe(false);
    expect(out.includes(Buffer.from('Juan Perez'))).toBe(false);
    expect(out.includes(Buffer.from('Exif\0\0'))).toBe(false);

    const original = await decodeLuma(tagged);
    const redacted = await decodeLuma(out);
    expect(verdicts(original, redacted, snap.regions).filter((v) => !v.hidden)).toEqual([]);
  });

  it('with no regions it re-encodes the image unchanged within JPEG tolerance, without EXIF', async () => {
    const snap = await syntheticSnapshot(12);
    const tagged = await sharp(snap.jpeg)
      .withExif({ IFD0: { Make: 'X' } })
      .toBuffer();
    const out = await redactSnapshot(tagged, []);
    await expectNoMetadata(out);
    const diff = outsideDifference(await decodeLuma(tagged), await decodeLuma(out), []);
    expect(diff.pixels).toBe(1920 * 1080);
    expect(diff.meanAbs).toBeLessThan(MAX_OUTSIDE_MEAN_ABS);
  });
});

describe('redactSnapshot input validation', () => {
  let jpeg: Buffer;
  const face: SnapshotRegion = { kind: 'face', box: { x: 0.1, y: 0.1, w: 0.1, h: 0.1 } };

  beforeAll(async () => {
    jpeg = (await syntheticSnapshot(5, { width: 320, height: 180 })).jpeg;
  });

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(RedactionError);
      return (error as RedactionError).code;
    }
    return 'no error';
  }

  it('refuses bytes that are not a JPEG', async () => {
    const png = await sharp(jpeg).png().toBuffer();
    expect(await codeOf(redactSnapshot(png, [face]))).toBe(RedactionErrorCode.InvalidImage);
    expect(await codeOf(redactSnapshot(Buffer.alloc(0), [face]))).toBe(
      RedactionErrorCode.InvalidImage,
    );
    expect(await codeOf(redactSnapshot('x' as unknown as Buffer, [face]))).toBe(
      RedactionErrorCode.InvalidImage,
    );
    // a JPEG cut short: the SOI is there, the scan is not
    expect(await codeOf(redactSnapshot(jpeg.subarray(0, 600), [face]))).toBe(
      RedactionErrorCode.InvalidImage,
    );
  });

  it('refuses images over the byte or pixel limit', async () => {
    expect(await codeOf(redactSnapshot(jpeg, [face], { maxInputBytes: 1000 }))).toBe(
      RedactionErrorCode.ImageTooLarge,
    );
    expect(await codeOf(redactSnapshot(jpeg, [face], { maxPixels: 320 * 180 - 1 }))).toBe(
      RedactionErrorCode.ImageTooLarge,
    );
    expect(await codeOf(redactSnapshot(jpeg, [face], { maxPixels: 320 * 180 }))).toBe('no error');
  });

  it.each([
    ['x below 0', { kind: 'face', box: { x: -0.1, y: 0, w: 0.1, h: 0.1 } }],
    ['zero width', { kind: 'face', box: { x: 0, y: 0, w: 0, h: 0.1 } }],
    ['beyond the right edge', { kind: 'plate', box: { x: 0.95, y: 0, w: 0.1, h: 0.1 } }],
    ['NaN', { kind: 'plate', box: { x: Number.NaN, y: 0, w: 0.1, h: 0.1 } }],
    ['pixels, not normalised', { kind: 'person', box: { x: 10, y: 10, w: 50, h: 50 } }],
    ['an unknown kind', { kind: 'tattoo', box: { x: 0, y: 0, w: 0.1, h: 0.1 } }],
    ['no box', { kind: 'face' }],
  ])('refuses a region with %s', async (_name, region) => {
    expect(await codeOf(redactSnapshot(jpeg, [face, region as SnapshotRegion]))).toBe(
      RedactionErrorCode.InvalidRegion,
    );
  });

  it('accepts a box that overshoots 1 by rounding only', async () => {
    const edge: SnapshotRegion = { kind: 'plate', box: { x: 0.9, y: 0.9, w: 0.1000001, h: 0.1 } };
    expect(await codeOf(redactSnapshot(jpeg, [edge]))).toBe('no error');
  });

  it.each([
    [{ quality: 0 }],
    [{ quality: 80.5 }],
    [{ method: 'blur' }],
    [{ minBlockPx: 2 }],
    [{ padding: 2 }],
    [{ noiseSeed: Buffer.alloc(4) }],
    [{ fillColor: [0, 0, 300] }],
  ])('refuses options %j', async (options) => {
    expect(
      await codeOf(redactSnapshot(jpeg, [face], options as Parameters<typeof redactSnapshot>[2])),
    ).toBe(RedactionErrorCode.InvalidOptions);
  });
});
