import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { compileBucketEdges, compileBucketSize } from './bucket';
import { compileAgeBand, compileTimeFloor } from './generalize';
import { compileBoxGrid, compileGeoGrid } from './generalize-space';
import { compileMask } from './mask';
import { compilePseudonym } from './pseudonymize';
import { parseRotation } from './rotation';
import {
  DROP,
  REDACT_REGIONS,
  type CompiledTransform,
  type GeneralizeSpec,
  type RedactionInstruction,
  type TransformSpec,
} from './transform-spec';
import { validateTransformSpec } from './validate-transform-spec';

// `keep` hands back the same reference: the projection that feeds transforms already deep-copies.
const KEEP: CompiledTransform = Object.freeze({ name: 'keep', apply: (value: unknown) => value });
const DROP_ALL: CompiledTransform = Object.freeze({ name: 'drop', apply: () => DROP });
// The value (a snapshot) passes as is; the pixel redactor acts on the redactionInstruction.
const REDACT: CompiledTransform = Object.freeze({
  name: 'redact',
  apply: (value: unknown) => value,
});

/**
 * Turns one field's spec into a function run on every event, with every parameter worked out
 * here. Validates first and throws RedactionError `redaction_invalid_transform` naming each
 * issue's path and code: a policy reaching this point unvalidated is a bug.
 */
export function compileTransform(spec: TransformSpec): CompiledTransform {
  assertValid(spec);
  if (spec === 'keep') {
    return KEEP;
  }
  if (spec === 'drop') {
    return DROP_ALL;
  }
  if ('mask' in spec) {
    return compileMask(spec.mask);
  }
  if ('pseudonymize' in spec) {
    const rotation = parseRotation(spec.pseudonymize.rotate);
    // assertValid has refused every other case
    return compilePseudonym(rotation.ok ? rotation.ms : NaN);
  }
  if ('generalize' in spec) {
    return compileGeneralize(spec.generalize);
  }
  if ('bucket' in spec) {
    const bucket = spec.bucket;
    return 'size' in bucket ? compileBucketSize(bucket.size) : compileBucketEdges(bucket.edges);
  }
  return REDACT;
}

function compileGeneralize(spec: GeneralizeSpec): CompiledTransform {
  if ('ageBand' in spec) {
    return compileAgeBand(spec.ageBand);
  }
  if ('minutes' in spec) {
    return compileTimeFloor(spec.minutes);
  }
  return 'meters' in spec ? compileGeoGrid(spec.meters) : compileBoxGrid(spec.boxGrid);
}

/**
 * The snapshot regions a `redact` spec asks the pixel redactor to blur, in the fixed order face,
 * plate, person; null for any other spec. The engine attaches it to the alert.
 */
export function redactionInstruction(spec: TransformSpec): RedactionInstruction | null {
  assertValid(spec);
  if (typeof spec !== 'object' || !('redact' in spec)) {
    return null;
  }
  const wanted = spec.redact;
  return Object.freeze({
    regions: Object.freeze(REDACT_REGIONS.filter((region) => wanted.includes(region))),
  });
}

function assertValid(spec: TransformSpec): void {
  const issues = validateTransformSpec(spec, '');
  if (issues.length > 0) {
    throw new RedactionError({
      code: RedactionErrorCode.InvalidTransform,
      path: issues[0].path || '/',
      detail: `invalid transform spec (${issues.map((i) => `${i.path || '/'} ${i.code}`).join(', ')})`,
    });
  }
}
