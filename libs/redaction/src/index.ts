export { isPlainObject, leafPaths, uncarriedSubtrees } from './leaf-paths';
export { PROHIBITED_ATTRIBUTE_KEYS, isProhibitedKey } from './prohibited-keys';
export { compileProjection } from './project-fields';
export type { Projection } from './project-fields';
export { RedactionError, RedactionErrorCode } from './redaction.error';
export { tryCanonicalJson } from './transforms/canonical-json';
export { compileTransform, redactionInstruction } from './transforms/compile-transform';
export { hkdfKeyring } from './transforms/hkdf-keyring';
export { parseInstant } from './transforms/instant';
export { DROP, REDACT_REGIONS, TransformIssueCode } from './transforms/transform-spec';
export type {
  BucketSpec,
  CompiledTransform,
  Dropped,
  GeneralizeSpec,
  MaskSpec,
  PseudonymizeSpec,
  PseudonymKeyring,
  RedactionInstruction,
  RedactRegion,
  TransformContext,
  TransformIssue,
  TransformSpec,
} from './transforms/transform-spec';
export { validateTransformSpec } from './transforms/validate-transform-spec';
export { boxToPixels, redactionGrid, redactSnapshot } from './pixels/redact-snapshot';
export type {
  NormalisedBox,
  PixelRect,
  RedactionMethod,
  RedactSnapshotOptions,
  SnapshotRegion,
} from './pixels/redact-snapshot';
