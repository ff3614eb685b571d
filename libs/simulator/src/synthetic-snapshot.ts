import sharp from 'sharp';
import { GLYPH_HEIGHT, GLYPH_WIDTH, PLATE_DIGITS, PLATE_LETTERS, glyphInk } from './plate-font';
import { seededRng, type Rng } from './prng';

export type SyntheticRegionKind = 'face' | 'plate' | 'person';

/** Structurally a `SnapshotRegion` of @lib/redaction: normalised, origin top-left, 0..1. */
export interface SyntheticRegion {
  kind: SyntheticRegionKind;
  box: { x: number; y: number; w: number; h: number };
}

export interface SyntheticSnapshot {
  jpeg: Buffer;
  width: number;
  height: number;
  /** Every face, plate and person drawn, in drawing order. */
  regions: SyntheticRegion[];
  /** The plate texts drawn, e.g. `ABC-123` (synthetic: no real vehicle). */
  plates: string[];
}

export interface SyntheticSnapshotOptions {
  width?: number;
  height?: number;
  /** People drawn, each with a face; default 2. */
  people?: number;
  /** Vehicles drawn, each with a plate; default 2. */
  vehicles?: number;
  /** JPEG quality; default 85. */
  quality?: number;
}

type Rgb = [number, number, number];

/** A varied range of skin tones: the generator draws no single one by default. */
const SKIN_TONES: readonly Rgb[] = [
  [241, 204, 177],
  [224, 172, 135],
  [198, 142, 102],
  [160, 108, 72],
  [120, 80, 52],
  [88, 58, 40],
];
const HAIR: readonly Rgb[] = [
  [20, 16, 14],
  [60, 40, 26],
  [110, 80, 50],
  [150, 150, 150],
];
const CLOTHES: readonly Rgb[] = [
  [30, 40, 90],
  [150, 30, 30],
  [40, 110, 60],
  [200, 200, 200],
  [40, 40, 40],
  [190, 150, 40],
];
const CAR_PAINT: readonly Rgb[] = [
  [180, 20, 20],
  [230, 230, 230],
  [20, 20, 20],
  [40, 70, 150],
  [120, 120, 125],
  [200, 170, 40],
];

// Texture comes from one tile of noise per image: far cheaper than a PRNG draw per pixel.
const TILE = 256;

class Canvas {
  readonly data: Buffer;
  private readonly noise = new Float32Array(TILE * TILE);
  constructor(
    readonly width: number,
    readonly height: number,
    rng: Rng,
  ) {
    this.data = Buffer.alloc(width * height * 3);
    for (let i = 0; i < this.noise.length; i++) {
      this.noise[i] = rng.next() * 2 - 1;
    }
  }

  /** Noise in −1..1 at (x, y), a tile repeated; `shift` moves the tile per object. */
  private grain(x: number, y: number, shift: number): number {
    return this.noise[(((y + shift) & (TILE - 1)) << 8) | ((x + 7 * shift) & (TILE - 1))];
  }

  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb, texture = 0): void {
    const xa = Math.max(0, Math.round(x0));
    const xb = Math.min(this.width, Math.round(x1));
    const ya = Math.max(0, Math.round(y0));
    const yb = Math.min(this.height, Math.round(y1));
    for (let y = ya; y < yb; y++) {
      let i = (y * this.width + xa) * 3;
      if (texture === 0 && y > ya) {
        // a flat colour: the first row, copied natively
        const first = (ya * this.width + xa) * 3;
        this.data.copyWithin(i, first, first + (xb - xa) * 3);
        continue;
      }
      for (let x = xa; x < xb; x++) {
        const n = texture > 0 ? this.grain(x, y, xa) * texture : 0;
        this.data[i++] = clamp(c[0] + n);
        this.data[i++] = clamp(c[1] + n);
        this.data[i++] = clamp(c[2] + n);
      }
    }
  }

  /**
   * Full-width rows y0..y1 in one colour with grain: one tile drawn per pixel, the rest copied
   * natively (row doubling, then whole rows), so a road costs little more than a memcpy.
   */
  band(y0: number, y1: number, c: Rgb, texture: number): void {
    const rowBytes = this.width * 3;
    const tileBytes = Math.min(TILE, this.width) * 3;
    for (let y = y0; y < y1; y++) {
      const row = y * rowBytes;
      if (y - y0 >= TILE) {
        this.data.copyWithin(row, row - TILE * rowBytes, row - (TILE - 1) * rowBytes);
        continue;
      }
      let i = row;
      for (let x = 0; x < tileBytes / 3; x++) {
        const n = this.grain(x, y, 0) * texture;
        this.data[i++] = clamp(c[0] + n);
        this.data[i++] = clamp(c[1] + n);
        this.data[i++] = clamp(c[2] + n);
      }
      for (let len = tileBytes; len < rowBytes; len *= 2) {
        this.data.copyWithin(row + len, row, row + Math.min(len, rowBytes - len));
      }
    }
  }

  /** Ellipse centred at (cx, cy), optionally shaded darker towards its rim. */
  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb, texture = 0): void {
    const ya = Math.max(0, Math.floor(cy - ry));
    const yb = Math.min(this.height, Math.ceil(cy + ry));
    for (let y = ya; y < yb; y++) {
      const dy = (y + 0.5 - cy) / ry;
      const span = dy * dy < 1 ? rx * Math.sqrt(1 - dy * dy) : -1;
      if (span < 0) {
        continue;
      }
      const xa = Math.max(0, Math.round(cx - span));
      const xb = Math.min(this.width, Math.round(cx + span));
      let i = (y * this.width + xa) * 3;
      for (let x = xa; x < xb; x++) {
        const dx = (x + 0.5 - cx) / rx;
        const shade = 1 - 0.18 * (dx * dx + dy * dy);
        const n = texture > 0 ? this.grain(x, y, xa) * texture : 0;
        this.data[i++] = clamp(c[0] * shade + n);
        this.data[i++] = clamp(c[1] * shade + n);
        this.data[i++] = clamp(c[2] * shade + n);
      }
    }
  }
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v | 0;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function scene(canvas: Canvas, rng: Rng): void {
  const { width: w, height: h, data } = canvas;
  const horizon = Math.round(h * (0.42 + rng.next() * 0.08));
  const skyTop: Rgb = [110 + rng.int(40), 150 + rng.int(40), 200 + rng.int(40)];
  const skyLow: Rgb = [200, 210, 220];
  // sky: a vertical gradient, one row at a time (fill copies the first pixel along the row)
  for (let y = 0; y < horizon; y++) {
    const c = mix(skyTop, skyLow, y / horizon);
    const row = y * w * 3;
    data[row] = c[0];
    data[row + 1] = c[1];
    data[row + 2] = c[2];
    data.copyWithin(row + 3, row, row + 3);
    for (let len = 6; len < w * 3; len *= 2) {
      data.copyWithin(row + len, row, row + Math.min(len, w * 3 - len));
    }
  }
  // buildings with windows along the horizon
  let x = 0;
  while (x < w) {
    const bw = 120 + rng.int(260);
    const bh = 150 + rng.int(Math.round(horizon * 0.8));
    const wall: Rgb = [120 + rng.int(110), 100 + rng.int(100), 80 + rng.int(90)];
    canvas.rect(x, horizon - bh, x + bw - 6, horizon, wall);
    for (let wy = horizon - bh + 20; wy < horizon - 40; wy += 48) {
      for (let wx = x + 16; wx < x + bw - 40; wx += 40) {
        canvas.rect(wx, wy, wx + 20, wy + 26, rng.next() < 0.3 ? [240, 220, 150] : [50, 60, 70]);
      }
    }
    x += bw;
  }
  // pavement and road, with a faint texture so the JPEG is photo-like, and lane markings
  canvas.band(horizon, horizon + 60, [170, 165, 155], 6);
  canvas.band(horizon + 60, h, [85, 85, 90], 8);
  for (let lx = 40; lx < w; lx += 260) {
    canvas.rect(lx, h * 0.8, lx + 140, h * 0.8 + 14, [235, 235, 235]);
  }
}

function person(canvas: Canvas, rng: Rng, region: SyntheticRegion[]): void {
  const { width: w, height: h } = canvas;
  const scale = (0.7 + rng.next() * 0.6) * (h / 1080);
  const bodyH = Math.round(420 * scale);
  const headR = Math.round(38 * scale);
  const cx = 60 + rng.int(w - 120);
  const feet = Math.round(h * 0.55 + rng.next() * h * 0.4);
  const top = feet - bodyH - 2 * headR;
  const skin = rng.pick(SKIN_TONES);
  const shirt = rng.pick(CLOTHES);
  const trousers = rng.pick(CLOTHES);
  const half = Math.round(48 * scale);
  // legs, torso, arms
  canvas.rect(cx - half + 6, feet - bodyH * 0.48, cx - 4, feet, trousers, 10);
  canvas.rect(cx + 4, feet - bodyH * 0.48, cx + half - 6, feet, trousers, 10);
  canvas.rect(cx - half, top + 2 * headR + 6, cx + half, feet - bodyH * 0.45, shirt, 12);
  canvas.rect(cx - half - 16 * scale, top + 2 * headR + 12, cx - half, feet - bodyH * 0.5, shirt);
  canvas.rect(cx + half, top + 2 * headR + 12, cx + half + 16 * scale, feet - bodyH * 0.5, shirt);
  // head: hair, face oval with texture, eyes, brows, nose, mouth
  const cy = top + headR * 1.1;
  const rx = headR * 0.82;
  const ry = headR * 1.1;
  const hair = rng.pick(HAIR);
  canvas.ellipse(cx, cy - ry * 0.25, rx * 1.08, ry * 0.9, hair, 10);
  canvas.ellipse(cx, cy + ry * 0.05, rx, ry * 0.95, skin, 9);
  const eyeY = cy - ry * 0.12;
  for (const side of [-1, 1]) {
    const ex = cx + side * rx * 0.38;
    canvas.ellipse(ex, eyeY, rx * 0.2, ry * 0.09, [245, 245, 245]);
    canvas.ellipse(ex, eyeY, rx * 0.09, ry * 0.08, [40, 30, 25]);
    canvas.rect(ex - rx * 0.22, eyeY - ry * 0.26, ex + rx * 0.22, eyeY - ry * 0.19, hair);
  }
  canvas.rect(
    cx - rx * 0.06,
    eyeY + ry * 0.08,
    cx + rx * 0.06,
    cy + ry * 0.3,
    mix(skin, [0, 0, 0], 0.25),
  );
  canvas.ellipse(cx, cy + ry * 0.5, rx * 0.34, ry * 0.07, [150, 50, 55]);
  const faceX = cx - rx * 1.08;
  const faceY = cy - ry * 1.15;
  add(region, 'face', norm(faceX, faceY, rx * 2.16, ry * 2.15, w, h));
  add(
    region,
    'person',
    norm(cx - half - 16 * scale, top, 2 * (half + 16 * scale), feet - top, w, h),
  );
}

function plateText(rng: Rng): string {
  let text = '';
  for (let i = 0; i < 3; i++) {
    text += PLATE_LETTERS[rng.int(PLATE_LETTERS.length)];
  }
  text += '-';
  for (let i = 0; i < 3; i++) {
    text += PLATE_DIGITS[rng.int(PLATE_DIGITS.length)];
  }
  return text;
}

function vehicle(canvas: Canvas, rng: Rng, regions: SyntheticRegion[], plates: string[]): void {
  const { width: w, height: h } = canvas;
  const scale = (0.8 + rng.next() * 0.5) * (h / 1080);
  const cw = Math.round(420 * scale);
  const ch = Math.round(260 * scale);
  const x0 = rng.int(w - cw);
  const y1 = Math.round(h * 0.6 + rng.next() * (h * 0.38));
  const y0 = y1 - ch;
  const paint = rng.pick(CAR_PAINT);
  // body, windscreen, lights, wheels (seen from the rear)
  canvas.rect(x0, y0 + ch * 0.35, x0 + cw, y1 - ch * 0.1, paint, 5);
  canvas.rect(x0 + cw * 0.12, y0, x0 + cw * 0.88, y0 + ch * 0.36, mix(paint, [0, 0, 0], 0.3));
  canvas.rect(x0 + cw * 0.18, y0 + ch * 0.05, x0 + cw * 0.82, y0 + ch * 0.33, [70, 90, 110]);
  canvas.rect(x0 + 10, y0 + ch * 0.42, x0 + cw * 0.18, y0 + ch * 0.55, [220, 40, 30]);
  canvas.rect(x0 + cw * 0.82, y0 + ch * 0.42, x0 + cw - 10, y0 + ch * 0.55, [220, 40, 30]);
  canvas.rect(x0 + cw * 0.06, y1 - ch * 0.12, x0 + cw * 0.24, y1, [15, 15, 15]);
  canvas.rect(x0 + cw * 0.76, y1 - ch * 0.12, x0 + cw * 0.94, y1, [15, 15, 15]);
  // plate: white with a dark border and seven 5×7 glyphs
  const text = plateText(rng);
  const cell = Math.max(2, Math.round(3 * scale));
  const pw = text.length * (GLYPH_WIDTH + 1) * cell + 3 * cell;
  const ph = (GLYPH_HEIGHT + 4) * cell;
  const px = Math.round(x0 + cw / 2 - pw / 2);
  const py = Math.round(y0 + ch * 0.6);
  canvas.rect(px - 2, py - 2, px + pw + 2, py + ph + 2, [30, 30, 30]);
  canvas.rect(px, py, px + pw, py + ph, [245, 245, 240]);
  for (let k = 0; k < text.length; k++) {
    const gx = px + 2 * cell + k * (GLYPH_WIDTH + 1) * cell;
    const gy = py + 2 * cell;
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (glyphInk(text[k], col, row)) {
          const cx = gx + col * cell;
          const cy = gy + row * cell;
          canvas.rect(cx, cy, cx + cell, cy + cell, [25, 25, 35]);
        }
      }
    }
  }
  plates.push(text);
  add(regions, 'plate', norm(px - 2, py - 2, pw + 4, ph + 4, w, h));
}

/** Keeps a region only if some of it is in the frame. */
function add(regions: SyntheticRegion[], kind: SyntheticRegionKind, box: SyntheticRegion['box']) {
  if (box.w > 0 && box.h > 0) {
    regions.push({ kind, box });
  }
}

function norm(
  x: number,
  y: number,
  bw: number,
  bh: number,
  w: number,
  h: number,
): SyntheticRegion['box'] {
  const x0 = Math.max(0, Math.min(w, x));
  const y0 = Math.max(0, Math.min(h, y));
  const x1 = Math.max(0, Math.min(w, x + bw));
  const y1 = Math.max(0, Math.min(h, y + bh));
  const r = (v: number): number => Math.round(v * 1e6) / 1e6;
  return { x: r(x0 / w), y: r(y0 / h), w: r((x1 - x0) / w), h: r((y1 - y0) / h) };
}

/**
 * A deterministic synthetic street scene (same seed and options, same bytes): sky, buildings,
 * road, people with faces and vehicles with plates, and the normalised box of each face, plate and
 * person. Drawn into a raw buffer and encoded once, in a few tens of milliseconds at 1080p.
 * The faces and plates are invented; they show no real person or vehicle.
 */
export async function syntheticSnapshot(
  seed: number,
  options: SyntheticSnapshotOptions = {},
): Promise<SyntheticSnapshot> {
  const width = options.width ?? 1920;
  const height = options.height ?? 1080;
  const rng = seededRng(seed);
  const canvas = new Canvas(width, height, rng);
  scene(canvas, rng);
  const regions: SyntheticRegion[] = [];
  const plates: string[] = [];
  for (let i = 0; i < (options.vehicles ?? 2); i++) {
    vehicle(canvas, rng, regions, plates);
  }
  for (let i = 0; i < (options.people ?? 2); i++) {
    person(canvas, rng, regions);
  }
  const jpeg = await sharp(canvas.data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: options.quality ?? 85, mozjpeg: false, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return { jpeg, width, height, regions, plates };
}
