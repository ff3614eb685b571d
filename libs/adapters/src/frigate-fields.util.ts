import type { BoundingBox, DetectionIdentifiers, SnapshotInfo } from '@lib/contracts';
import { boxFromPixels, toLabel, type CameraContext } from './canonical.util';
import { Fields, isRecord, pointer, type Rec } from './fields.util';
import { subjectRef } from './subject-ref.util';

export const VEHICLE_LABELS: ReadonlySet<string> = new Set(['car', 'truck', 'bus', 'motorcycle']);
const ATTRIBUTE_KINDS: Readonly<Record<string, 'face' | 'plate'>> = {
  face: 'face',
  license_plate: 'plate',
};

export function readSubLabel(
  fields: Fields,
  value: unknown,
): { name: string; ref: string; score?: number } | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  // older Frigate versions publish the bare name
  const [name, score] = Array.isArray(value) ? (value as unknown[]) : [value, undefined];
  if (typeof name !== 'string' || (score !== undefined && typeof score !== 'number')) {
    return fields.fail('/after/sub_label', 'must be null or [name, score]');
  }
  if (name.trim() === '') {
    return undefined;
  }
  const similarity = typeof score === 'number' && score >= 0 && score <= 1 ? score : undefined;
  return { name: toLabel(name) ?? name, ref: subjectRef(name), score: similarity };
}

export function pixelBox(
  fields: Fields,
  value: unknown,
  path: string,
  camera: CameraContext | undefined,
): BoundingBox | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 4 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return fields.fail(path, 'must be [x1, y1, x2, y2] in pixels');
  }
  if (camera?.frameSize === undefined) {
    return undefined;
  }
  const outcome = boxFromPixels(value as [number, number, number, number], camera.frameSize);
  return 'box' in outcome ? outcome.box : fields.fail(path, outcome.error);
}

export function snapshotOf(
  after: Rec,
  id: string,
  box: BoundingBox | undefined,
  label: string,
  camera: CameraContext,
): SnapshotInfo | undefined {
  const boxes: NonNullable<SnapshotInfo['boxes']> = [];
  if (box !== undefined) {
    const kind = label === 'person' ? 'person' : VEHICLE_LABELS.has(label) ? 'vehicle' : 'object';
    boxes.push({ ...box, kind });
  }
  const current = Array.isArray(after.current_attributes) ? after.current_attributes : [];
  current.forEach((attribute: unknown, index) => {
    if (!isRecord(attribute) || typeof attribute.label !== 'string') {
      return;
    }
    const kind = ATTRIBUTE_KINDS[attribute.label];
    const scratch = new Fields();
    const attrBox = pixelBox(
      scratch,
      attribute.box,
      pointer('/after/current_attributes', index),
      camera,
    );
    if (kind !== undefined && attrBox !== undefined) {
      boxes.push({ ...attrBox, kind });
    }
  });
  const ref =
    after.has_snapshot === true ? `/api/events/${encodeURIComponent(id)}/snapshot.jpg` : undefined;
  return ref === undefined && boxes.length === 0
    ? undefined
    : { ref, boxes: boxes.length > 0 ? boxes : undefined };
}

export function plateFrom(
  value: string | undefined,
  score: number | undefined,
): DetectionIdentifiers['plate'] {
  const plate = toLabel(value, 32);
  return plate === undefined ? undefined : { value: plate, confidence: score };
}
