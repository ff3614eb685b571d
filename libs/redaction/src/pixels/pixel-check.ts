import sharp from 'sharp';
import type { PixelRect } from './redact-snapshot';

/**
 * Measures used by the pixel tests and the benchmark to show that a redaction hid what it
 * should and left the rest alone. Luma planes of decoded images, compared rectangle by rectangle.
 */
export interface LumaPlane {
  width: number;
  height: number;
  luma: Float32Array;
}

export async function decodeLuma(jpeg: Buffer): Promise<LumaPlane> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const luma = new Float32Array(width * height);
  for (let p = 0, i = 0; p < luma.length; p++, i += channels) {
    luma[p] = channels >= 3 ? 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] : data[i];
  }
  return { width, height, luma };
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  // a (numerically) constant plane carries no detail at all: no correlation
  const flat = 1e-9 * n;
  return saa <= flat || sbb <= flat ? 0 : sab / Math.sqrt(saa * sbb);
}

function crop(plane: LumaPlane, r: PixelRect): Float64Array {
  const w = r.x1 - r.x0;
  const out = new Float64Array(w * (r.y1 - r.y0));
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      out[(y - r.y0) * w + (x - r.x0)] = plane.luma[y * plane.width + x];
    }
  }
  return out;
}

/** Detail: each pixel minus the mean of its (2k+1)² neighbourhood inside the rectangle. */
function highPass(values: Float64Array, w: number, h: number, k: number): Float64Array {
  // summed-area table, one row and column of zeros in front
  const sat = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += values[y * w + x];
      sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
    }
  }
  const out = new Float64Array(values.length);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - k);
    const yb = Math.min(h, y + k + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - k);
      const xb = Math.min(w, x + k + 1);
      const sum =
        sat[yb * (w + 1) + xb] -
        sat[ya * (w + 1) + xb] -
        sat[yb * (w + 1) + xa] +
        sat[ya * (w + 1) + xa];
      out[y * w + x] = values[y * w + x] - sum / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}

/**
 * Pearson over the pixels at least `k` from every block edge: there a k-neighbourhood lies inside
 * one block, so the step between two blocks (by design, the block means) does not count as detail.
 */
function interiorCorrelation(
  a: Float64Array,
  b: Float64Array,
  w: number,
  h: number,
  block: number,
  k: number,
): number {
  const keptA: number[] = [];
  const keptB: number[] = [];
  for (let y = 0; y < h; y++) {
    const oy = y % block;
    if (oy < k || oy >= block - k || y >= h - k) {
      continue;
    }
    for (let x = 0; x < w; x++) {
      const ox = x % block;
      if (ox < k || ox >= block - k || x >= w - k) {
        continue;
      }
      keptA.push(a[y * w + x]);
      keptB.push(b[y * w + x]);
    }
  }
  return pearson(Float64Array.from(keptA), Float64Array.from(keptB));
}

/** Mean of each b×b cell: what survives of the shapes at a coarse scale. */
function cellMeans(values: Float64Array, w: number, h: number, b: number): Float64Array {
  const cw = Math.ceil(w / b);
  const ch = Math.ceil(h / b);
  const sums = new Float64Array(cw * ch);
  const counts = new Float64Array(cw * ch);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = Math.floor(y / b) * cw + Math.floor(x / b);
      sums[c] += values[y * w + x];
      counts[c] += 1;
    }
  }
  return sums.map((s, i) => s / counts[i]);
}

/**
 * Correlation of what varies inside each b×b block (on 4×4 cell means, so sensor grain does not
 * count as detail): pixelation keeps nothing below its block size, a blur keeps the shapes.
 */
function withinBlockCorrelation(
  a: Float64Array,
  b: Float64Array,
  w: number,
  h: number,
  block: number,
): number {
  const cell = 4;
  const ca = cellMeans(a, w, h, cell);
  const cb = cellMeans(b, w, h, cell);
  const cw = Math.ceil(w / cell);
  const ch = Math.ceil(h / cell);
  const bw = Math.ceil(w / block);
  const blockOf = (i: number): number =>
    Math.floor(((Math.floor(i / cw) * cell) / block) | 0) * bw + ((((i % cw) * cell) / block) | 0);
  const nBlocks = bw * Math.ceil(h / block);
  const sa = new Float64Array(nBlocks);
  const sb = new Float64Array(nBlocks);
  const n = new Float64Array(nBlocks);
  for (let i = 0; i < cw * ch; i++) {
    const k = blockOf(i);
    sa[k] += ca[i];
    sb[k] += cb[i];
    n[k] += 1;
  }
  const ra = new Float64Array(cw * ch);
  const rb = new Float64Array(cw * ch);
  for (let i = 0; i < cw * ch; i++) {
    const k = blockOf(i);
    ra[i] = ca[i] - sa[k] / n[k];
    rb[i] = cb[i] - sb[k] / n[k];
  }
  return pearson(ra, rb);
}

export interface RegionDetail {
  /** Pearson correlation of the luma, original against redacted, over the whole box. */
  correlation: number;
  /**
   * Pearson correlation of the fine detail (pixel minus its 5×5 neighbourhood mean), away from
   * the block edges of the redaction grid (`block`).
   */
  detailCorrelation: number;
  /** Pearson correlation of 8×8 cell means: the coarse shapes (eyes, characters). */
  shapeCorrelation: number;
  /** Correlation of the variation inside each block of the redaction grid (`block` pixels). */
  withinBlockCorrelation: number;
}

export function regionDetail(
  original: LumaPlane,
  redacted: LumaPlane,
  r: PixelRect,
  block: number,
): RegionDetail {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  const a = crop(original, r);
  const b = crop(redacted, r);
  return {
    correlation: pearson(a, b),
    detailCorrelation: interiorCorrelation(
      highPass(a, w, h, 2),
      highPass(b, w, h, 2),
      w,
      h,
      block,
      2,
    ),
    shapeCorrelation: pearson(cellMeans(a, w, h, 8), cellMeans(b, w, h, 8)),
    withinBlockCorrelation: withinBlockCorrelation(a, b, w, h, block),
  };
}

/**
 * Mean absolute luma difference over the pixels outside every rectangle grown by `margin`
 * (JPEG works in 16×16 macroblocks with 4:2:0 chroma, so an edit bleeds a little around a box).
 */
export function outsideDifference(
  original: LumaPlane,
  redacted: LumaPlane,
  rects: readonly PixelRect[],
  margin = 16,
): { meanAbs: number; pixels: number } {
  const inside = new Uint8Array(original.width * original.height);
  for (const r of rects) {
    for (let y = Math.max(0, r.y0 - margin); y < Math.min(original.height, r.y1 + margin); y++) {
      const row = y * original.width;
      inside.fill(
        1,
        row + Math.max(0, r.x0 - margin),
        row + Math.min(original.width, r.x1 + margin),
      );
    }
  }
  let sum = 0;
  let n = 0;
  for (let p = 0; p < inside.length; p++) {
    if (inside[p] === 0) {
      sum += Math.abs(original.luma[p] - redacted.luma[p]);
      n++;
    }
  }
  return { meanAbs: n === 0 ? 0 : sum / n, pixels: n };
}
