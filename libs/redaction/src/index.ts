export { isPlainObject, leafPaths, uncarriedLeafPaths } from './leaf-paths';
export { PROHIBITED_ATTRIBUTE_KEYS, isProhibitedKey } from './prohibited-keys';
export { compileProjection } from './project-fields';
export type { Projection } from './project-fields';
export { RedactionError, RedactionErrorCode } from './redaction.error';
