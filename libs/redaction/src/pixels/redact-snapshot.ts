import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { REDACT_REGIONS, type RedactRegion } from '../transforms/transform-spec';

/** A box in normalised image coordinates: origin top-left, every value 0..1. */
export interface NormalisedBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SnapshotRegion {
  kind: RedactRegion;
  box: NormalisedBox;
}

/**
 * `pixelate`: blocks of at least `minBlockPx` (and at most `blocksAcross` per side of the box),
 * each the block mean quantised, shifted by a random per-block offset, plus per-pixel noise.
 * `fill`: one solid colour. Neither is reversible: the pixels of the box are overwritten.
 */
export type RedactionMethod = 'pixelate' | 'fill';

export interface RedactSnapshotOptions {
  method?: RedactionMethod;
  /** JPEG quality of the output, 1..100; default 80. */
  quality?: number;
  /** Inputs above this many bytes are refused; default 16 MiB. */
  maxInputBytes?: number;
  /** Inputs above this many pixels are refused before decoding; default 40 million. */
  maxPixels?: number;
  /** Smallest block edge in pixels; default 16. */
  minBlockPx?: number;
  /** Blocks along the longer side of a box at most; default 6. */
  blocksAcross?: number;
  /** Each box grows by this fraction of its size on every side (clipped to the image); default 0. */
  padding?: number;
  /** Fill colour (RGB) for `fill`; default mid-grey. */
  fillColor?: readonly [number, number, number];
  /**
   * 16 bytes seeding the noise; only for reproducible tests. Without it each call draws a fresh
   * seed from the system CSPRNG, so the noise cannot be predicted and subtracted.
   */
  noiseSeed?: Uint8Array;
}

/** A region in pixels of the decoded image, half-open: [x0, x1) × [y0, y1). */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const DEFAULTS = {
  method: 'pixelate' as RedactionMethod,
  quality: 80,
  maxInputBytes: 16 * 1024 * 1024,
  maxPixels: 40_000_000,
  minBlockPx: 16,
  blocksAcross: 6,
  padding: 0,
  fillColor: [128, 128, 128] as const,
};
// Block means are quantised to this step before the offset: fine shading never survives.
const QUANT = 24;
// Per-block offset in −BLOCK_NOISE..+BLOCK_NOISE per channel, per-pixel noise ±PIXEL_NOISE.
const BLOCK_NOISE = 40;
const PIXEL_NOISE = 24;
// Boxes may overshoot 1 by rounding in the vendor's arithmetic.
const EPSILON = 1e-6;
const SOI = [0xff, 0xd8, 0xff];

function fail(code: RedactionErrorCode, path: string, detail: string, cause?: unknown): never {
  throw new RedactionError({ code, path, detail, cause });
}

function checkOptions(options: RedactSnapshotOptions): Required<
  Omit<RedactSnapshotOptions, 'noiseSeed'>
> & {
  noiseSeed?: Uint8Array;
} {
  const o = { ...DEFAULTS, ...options };
  const int = (name: keyof typeof DEFAULTS, min: number, max: number): void => {
    const v = o[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      fail(RedactionErrorCode.InvalidOptions, name, `must be an integer ${min}..${max}`);
    }
  };
  if (o.method !== 'pixelate' && o.method !== 'fill') {
    fail(RedactionErrorCode.InvalidOptions, 'method', 'must be pixelate or fill');
  }
  int('quality', 1, 100);
  int('maxInputBytes', 1, 256 * 1024 * 1024);
  int('maxPixels', 1, 268_402_689);
  int('minBlockPx', 4, 1024);
  int('blocksAcross', 1, 64);
  if (!(o.padding >= 0 && o.padding <= 1)) {
    fail(RedactionErrorCode.InvalidOptions, 'padding', 'must be a number 0..1');
  }
  if (
    !Array.isArray(o.fillColor) ||
    o.fillColor.length !== 3 ||
    !o.fillColor.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)
  ) {
    fail(RedactionErrorCode.InvalidOptions, 'fillColor', 'must be three integers 0..255');
  }
  if (
    o.noiseSeed !== undefined &&
    !(o.noiseSeed instanceof Uint8Array && o.noiseSeed.length >= 16)
  ) {
    fail(RedactionErrorCode.InvalidOptions, 'noiseSeed', 'must be at least 16 bytes');
  }
  return o;
}

function checkRegions(regions: readonly SnapshotRegion[]): void {
  if (!Array.isArray(regions)) {
    fail(RedactionErrorCode.InvalidRegion, 'regions', 'must be an array');
  }
  // callers may hand over parsed JSON: check every field as if it were unknown
  (regions as readonly unknown[]).forEach((value, i) => {
    const region = value as Partial<SnapshotRegion> | null;
    const path = `regions[${i}]`;
    if (typeof region !== 'object' || region === null) {
      fail(RedactionErrorCode.InvalidRegion, path, 'must be an object');
    }
    if (!(REDACT_REGIONS as readonly unknown[]).includes(region.kind)) {
      fail(RedactionErrorCode.InvalidRegion, `${path}.kind`, 'must be face, plate or person');
    }
    const box: Partial<NormalisedBox> | null =
      typeof region.box === 'object' && region.box !== null ? region.box : null;
    if (box === null) {
      fail(RedactionErrorCode.InvalidRegion, `${path}.box`, 'must be an object');
    }
    for (const key of ['x', 'y', 'w', 'h'] as const) {
      const v = box[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1 + EPSILON) {
        fail(RedactionErrorCode.InvalidRegion, `${path}.box.${key}`, 'must be a number 0..1');
      }
    }
    const { x, y, w, h } = box as NormalisedBox;
    if (w <= 0 || h <= 0) {
      fail(
        RedactionErrorCode.InvalidRegion,
        `${path}.box`,
        'must have a positive width and height',
      );
    }
    if (x + w > 1 + EPSILON || y + h > 1 + EPSILON) {
      fail(
        RedactionErrorCode.InvalidRegion,
        `${path}.box`,
        'must lie inside the image (x+w, y+h ≤ 1)',
      );
    }
  });
}

/**
 * The pixels a normalised box covers: edges rounded outwards, so a box never leaves a sliver of
 * its subject unredacted; grown by `padding` and clipped to the image.
 */
export function boxToPixels(
  box: NormalisedBox,
  width: number,
  height: number,
  padding = 0,
): PixelRect {
  const px = box.w * padding;
  const py = box.h * padding;
  const x0 = Math.max(0, Math.floor((box.x - px) * width));
  const y0 = Math.max(0, Math.floor((box.y - py) * height));
  const x1 = Math.min(width, Math.ceil((box.x + box.w + px) * width));
  const y1 = Math.min(height, Math.ceil((box.y + box.h + py) * height));
  return { x0, y0, x1: Math.max(x1, x0 + 1), y1: Math.max(y1, y0 + 1) };
}

/** xoshiro128**: fast, and unpredictable without its 128-bit seed. */
function noiseSource(seed: Uint8Array): () => number {
  const view = new DataView(seed.buffer, seed.byteOffset, 16);
  let a = view.getUint32(0) | 0;
  let b = view.getUint32(4) | 0;
  let c = view.getUint32(8) | 0;
  let d = view.getUint32(12) | 0;
  if ((a | b | c | d) === 0) {
    a = 1;
  }
  return () => {
    const r = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return r;
  };
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

function pixelateRect(
  data: Buffer,
  width: number,
  channels: number,
  rect: PixelRect,
  block: number,
  next: () => number,
): void {
  const stride = width * channels;
  const sums = new Float64Array(channels);
  const offsets = new Int32Array(channels);
  for (let by = rect.y0; by < rect.y1; by += block) {
    const ey = Math.min(by + block, rect.y1);
    for (let bx = rect.x0; bx < rect.x1; bx += block) {
      const ex = Math.min(bx + block, rect.x1);
      sums.fill(0);
      for (let y = by; y < ey; y++) {
        let i = y * stride + bx * channels;
        for (let x = bx; x < ex; x++) {
          for (let ch = 0; ch < channels; ch++) {
            sums[ch] += data[i++];
          }
        }
      }
      const n = (ey - by) * (ex - bx);
      for (let ch = 0; ch < channels; ch++) {
        const mean = Math.round(sums[ch] / n / QUANT) * QUANT;
        offsets[ch] = mean + ((next() % (2 * BLOCK_NOISE + 1)) - BLOCK_NOISE);
      }
      for (let y = by; y < ey; y++) {
        let i = y * stride + bx * channels;
        for (let x = bx; x < ex; x++) {
          // one draw gives the noise of one pixel, the same on every channel (luma noise)
          const noise = (next() % (2 * PIXEL_NOISE + 1)) - PIXEL_NOISE;
          for (let ch = 0; ch < channels; ch++) {
            data[i++] = clampByte(offsets[ch] + noise);
          }
        }
      }
    }
  }
}

function fillRect(
  data: Buffer,
  width: number,
  channels: number,
  rect: PixelRect,
  color: readonly [number, number, number],
): void {
  const stride = width * channels;
  // a grey input has one channel: its luma of the fill colour
  const values =
    channels >= 3 ? color : [Math.round(0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2])];
  for (let y = rect.y0; y < rect.y1; y++) {
    let i = y * stride + rect.x0 * channels;
    for (let x = rect.x0; x < rect.x1; x++) {
      for (let ch = 0; ch < channels; ch++) {
        data[i++] = ch < values.length ? values[ch] : 255;
      }
    }
  }
}

// JPEG codes 16×16 macroblocks (8×8 DCT blocks, 4:2:0 chroma). Redacted areas and blocks are
// snapped to this grid, so no macroblock mixes two blocks, or a block and the original: the
// encoder's ringing then carries nothing of the original into a box.
const MCU = 16;

/**
 * The area a region's redaction rewrites and its block edge: the box in pixels (rounded
 * outwards, grown by `padding`) snapped outwards to the 16-pixel macroblock grid, and blocks
 * large enough that at most `blocksAcross` span the longer side, a multiple of 16.
 */
export function redactionGrid(
  box: NormalisedBox,
  width: number,
  height: number,
  options: Pick<RedactSnapshotOptions, 'padding' | 'minBlockPx' | 'blocksAcross'> = {},
): { rect: PixelRect; block: number } {
  const r = boxToPixels(box, width, height, options.padding ?? DEFAULTS.padding);
  const rect = {
    x0: Math.floor(r.x0 / MCU) * MCU,
    y0: Math.floor(r.y0 / MCU) * MCU,
    x1: Math.min(width, Math.ceil(r.x1 / MCU) * MCU),
    y1: Math.min(height, Math.ceil(r.y1 / MCU) * MCU),
  };
  const longer = Math.max(r.x1 - r.x0, r.y1 - r.y0);
  const wanted = Math.max(
    options.minBlockPx ?? DEFAULTS.minBlockPx,
    Math.ceil(longer / (options.blocksAcross ?? DEFAULTS.blocksAcross)),
  );
  return { rect, block: Math.ceil(wanted / MCU) * MCU };
}

/**
 * Makes every region of a JPEG snapshot irrecoverable and returns a new JPEG without any
 * metadata (EXIF, GPS, XMP, IPTC, ICC are not carried: the output is encoded from raw pixels).
 * One decode to raw pixels, the boxes rewritten in place (snapped outwards to JPEG's 16-pixel
 * macroblock grid, see redactionGrid), one encode. Pixel coordinates are those
 * of the stored image (EXIF orientation is not applied, as detectors see the stored frame).
 */
export async function redactSnapshot(
  jpeg: Buffer,
  regions: readonly SnapshotRegion[],
  options: RedactSnapshotOptions = {},
): Promise<Buffer> {
  const o = checkOptions(options);
  if (!Buffer.isBuffer(jpeg)) {
    fail(RedactionErrorCode.InvalidImage, 'jpeg', 'must be a Buffer');
  }
  if (jpeg.length > o.maxInputBytes) {
    fail(RedactionErrorCode.ImageTooLarge, 'jpeg', `is larger than ${o.maxInputBytes} bytes`);
  }
  if (jpeg.length < 4 || SOI.some((b, i) => jpeg[i] !== b)) {
    fail(RedactionErrorCode.InvalidImage, 'jpeg', 'is not a JPEG (no SOI marker)');
  }
  checkRegions(regions);

  let decoded: { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };
  try {
    decoded = await sharp(jpeg, {
      limitInputPixels: o.maxPixels,
      sequentialRead: true,
      failOn: 'error',
    })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    const tooLarge = cause instanceof Error && /pixel limit/i.test(cause.message);
    fail(
      tooLarge ? RedactionErrorCode.ImageTooLarge : RedactionErrorCode.InvalidImage,
      'jpeg',
      tooLarge ? `has more than ${o.maxPixels} pixels` : 'cannot be decoded as a JPEG',
      cause,
    );
  }
  const { data, info } = decoded;
  const { width, height, channels } = info;
  const next = regions.length > 0 ? noiseSource(o.noiseSeed ?? randomBytes(16)) : () => 0;
  for (const region of regions) {
    const { rect, block } = redactionGrid(region.box, width, height, o);
    if (o.method === 'fill') {
      fillRect(data, width, channels, rect, o.fillColor);
    } else {
      pixelateRect(data, width, channels, rect, block, next);
    }
  }
  return sharp(data, { raw: { width, height, channels } })
    .jpeg({ quality: o.quality, mozjpeg: false, chromaSubsampling: '4:2:0', optimiseCoding: false })
    .toBuffer();
}
