import { DROP, type CompiledTransform } from './transform-spec';

// Metres per degree of latitude (and of longitude at the equator) on the WGS 84 mean radius;
// the usual approximation, good to 0.5 % at any latitude, far below any grid a DPO would pick.
export const METERS_PER_DEGREE = 111_320;
// Outputs rounded to 1e-6° (≈ 0.11 m), well inside the smallest cell (10 m), so readable
// numbers cost no accuracy and rounding can never move a point into the next cell.
const COORD_SCALE = 1e6;
// Tolerance for float error when a box edge already lies on a grid line (1/N is inexact).
const EDGE_EPSILON = 1e-9;

const clamp = (value: number, min: number, max: number): number =>
  value < min ? min : value > max ? max : value;
// `+ 0` turns -0 into 0, so equal points serialise and compare equal
const roundCoord = (value: number): number => Math.round(value * COORD_SCALE) / COORD_SCALE + 0;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * `{ lat, lon }` → the centre of its grid cell, N metres on a side. Rows are bands of latitude
 * N/111,320° high counted from the equator; within a row, columns are N/(111,320·cos φ)° wide,
 * φ being the latitude of the row's centre, counted from Greenwich, so every point of a row shares
 * one column grid and cells stay about N metres wide at any latitude. Centres are clamped to
 * ±90/±180; where a row is narrower than one cell (at the poles) its centre has longitude 0. Only
 * lat and lon come out; other keys, or an invalid point, are dropped.
 */
export function compileGeoGrid(meters: number): CompiledTransform {
  const latStep = meters / METERS_PER_DEGREE;
  return Object.freeze({
    name: 'generalize.meters',
    apply: (value: unknown): unknown => {
      const point = asRecord(value);
      const lat = point?.lat;
      const lon = point?.lon;
      // written so NaN fails too
      if (typeof lat !== 'number' || typeof lon !== 'number' || !(Math.abs(lat) <= 90)) {
        return DROP;
      }
      if (!(Math.abs(lon) <= 180)) {
        return DROP;
      }
      const rowLat = (Math.floor(lat / latStep) + 0.5) * latStep;
      const cos = Math.cos((rowLat * Math.PI) / 180);
      const lonStep = meters / (METERS_PER_DEGREE * cos);
      const cellLon =
        cos > 0 && lonStep < 360
          ? clamp((Math.floor(lon / lonStep) + 0.5) * lonStep, -180, 180)
          : 0;
      return { lat: roundCoord(clamp(rowLat, -90, 90)), lon: roundCoord(cellLon) };
    },
  });
}

/**
 * Normalised `{ x, y, w, h }` → the smallest box on a 1/N grid that contains it: left and top
 * edges snap down, right and bottom edges snap up, all clamped to 0..1, and never less than one
 * cell wide or high. Snapping edges (not w and h) is what keeps the original box inside the
 * coarse one. Only the four numbers come out; negative sizes or non-numbers are dropped.
 */
export function compileBoxGrid(cells: number): CompiledTransform {
  const first = (start: number): number =>
    clamp(Math.floor(start * cells + EDGE_EPSILON), 0, cells - 1);
  const last = (end: number, from: number): number =>
    clamp(Math.ceil(end * cells - EDGE_EPSILON), from + 1, cells);
  return Object.freeze({
    name: 'generalize.boxGrid',
    apply: (value: unknown): unknown => {
      const box = asRecord(value);
      const x = box?.x;
      const y = box?.y;
      const w = box?.w;
      const h = box?.h;
      if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(w) || !isFiniteNumber(h)) {
        return DROP;
      }
      if (w < 0 || h < 0) {
        return DROP;
      }
      const left = first(x);
      const top = first(y);
      const right = last(x + w, left);
      const bottom = last(y + h, top);
      return {
        x: left / cells,
        y: top / cells,
        w: (right - left) / cells,
        h: (bottom - top) / cells,
      };
    },
  });
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
