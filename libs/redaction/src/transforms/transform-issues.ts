import { TransformIssueCode, type TransformIssue } from './transform-spec';

export interface Wording {
  es: string;
  en: string;
}

export const TRANSFORM_NAMES = [
  'keep',
  'drop',
  'mask',
  'pseudonymize',
  'generalize',
  'bucket',
  'redact',
] as const;

// Names come from the DPO's document: cut, so a pasted paragraph cannot flood the message.
const MAX_QUOTED = 64;
const quoted = (value: string): string =>
  value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;

/** RFC 6901 token for a key taken from the document. */
export function pointerToken(key: string): string {
  return quoted(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every transform validation message, Spanish first, in one place so the wording stays consistent. */
export const transformIssues = {
  invalidType: (path: string, expected: Wording): TransformIssue => ({
    path,
    code: TransformIssueCode.InvalidType,
    es: `Se esperaba ${expected.es}.`,
    en: `Expected ${expected.en}.`,
  }),
  unknownTransform: (path: string, name: string): TransformIssue => ({
    path,
    code: TransformIssueCode.UnknownTransform,
    es: `Transformación desconocida «${quoted(name)}»; se admiten: ${TRANSFORM_NAMES.join(', ')}.`,
    en: `Unknown transform "${quoted(name)}"; allowed: ${TRANSFORM_NAMES.join(', ')}.`,
  }),
  oneTransformPerField: (path: string, count: number): TransformIssue => ({
    path,
    code: TransformIssueCode.OneTransformPerField,
    es: `Indique exactamente una transformación por campo (hay ${count}).`,
    en: `Give exactly one transform per field (found ${count}).`,
  }),
  unknownParameter: (path: string, allowed: readonly string[]): TransformIssue => ({
    path,
    code: TransformIssueCode.UnknownParameter,
    es: `Parámetro desconocido; se admiten: ${allowed.join(', ')}.`,
    en: `Unknown parameter; allowed: ${allowed.join(', ')}.`,
  }),
  missingParameter: (path: string, needed: Wording): TransformIssue => ({
    path,
    code: TransformIssueCode.MissingParameter,
    es: `Falta un parámetro: ${needed.es}.`,
    en: `Missing parameter: ${needed.en}.`,
  }),
  conflictingParameters: (path: string, keys: readonly string[]): TransformIssue => ({
    path,
    code: TransformIssueCode.ConflictingParameters,
    es: `Use solo uno de estos parámetros: ${keys.join(', ')}.`,
    en: `Use only one of these parameters: ${keys.join(', ')}.`,
  }),
  invalidParameter: (path: string, expected: Wording): TransformIssue => ({
    path,
    code: TransformIssueCode.InvalidParameter,
    es: `Parámetro inválido: se esperaba ${expected.es}.`,
    en: `Invalid parameter: expected ${expected.en}.`,
  }),
  invalidDuration: (path: string, why: Wording): TransformIssue => ({
    path,
    code: TransformIssueCode.InvalidDuration,
    es: `Duración inválida: ${why.es}.`,
    en: `Invalid duration: ${why.en}.`,
  }),
  rotationTooLong: (path: string): TransformIssue => ({
    path,
    code: TransformIssueCode.RotationTooLong,
    es: 'La rotación no puede superar 24 horas (P1D): los seudónimos y los identificadores de seguimiento deben rotar al menos cada 24 h (RLPDP, datos de localización).',
    en: 'The rotation may not exceed 24 hours (P1D): pseudonyms and track ids must rotate at least every 24 h (RLPDP, location data).',
  }),
  rotationMisaligned: (path: string): TransformIssue => ({
    path,
    code: TransformIssueCode.RotationMisaligned,
    es: 'La rotación debe dividir un día exacto (p. ej. PT1H, PT6H, PT8H, PT12H, P1D) para que cada medianoche UTC inicie un periodo nuevo.',
    en: 'The rotation must divide a day exactly (e.g. PT1H, PT6H, PT8H, PT12H, P1D) so that every UTC midnight starts a new period.',
  }),
  edgesNotIncreasing: (path: string): TransformIssue => ({
    path,
    code: TransformIssueCode.EdgesNotIncreasing,
    es: 'Los límites deben ser estrictamente crecientes.',
    en: 'Edges must be strictly increasing.',
  }),
  empty: (path: string): TransformIssue => ({
    path,
    code: TransformIssueCode.Empty,
    es: 'La lista no puede estar vacía.',
    en: 'The list must not be empty.',
  }),
  duplicateValue: (path: string, value: string): TransformIssue => ({
    path,
    code: TransformIssueCode.DuplicateValue,
    es: `«${quoted(value)}» aparece más de una vez.`,
    en: `"${quoted(value)}" appears more than once.`,
  }),
};

export const EXPECTED = {
  spec: {
    es: 'keep, drop o un objeto con una transformación (p. ej. { mask: { keepLast: 3 } })',
    en: 'keep, drop or an object holding one transform (e.g. { mask: { keepLast: 3 } })',
  },
  object: { es: 'un objeto de parámetros', en: 'an object of parameters' },
  list: { es: 'una lista', en: 'a list' },
  number: { es: 'un número finito', en: 'a finite number' },
  positive: { es: 'un número positivo', en: 'a positive number' },
  maskChar: { es: 'un único carácter imprimible', en: 'a single printable character' },
  region: { es: 'face, plate o person', en: 'face, plate or person' },
  minutes: {
    es: 'un número entero de minutos que divida 1440 (p. ej. 5, 15, 60, 1440)',
    en: 'a whole number of minutes that divides 1440 (e.g. 5, 15, 60, 1440)',
  },
  rotate: { es: 'rotate (p. ej. P1D)', en: 'rotate (e.g. P1D)' },
  integer: (min: number, max: number): Wording => ({
    es: `un entero entre ${min} y ${max}`,
    en: `an integer from ${min} to ${max}`,
  }),
  atMost: (max: number): Wording => ({
    es: `como máximo ${max} elementos`,
    en: `at most ${max} items`,
  }),
  oneOf: (keys: readonly string[]): Wording => ({
    es: `uno de ${keys.join(', ')}`,
    en: `one of ${keys.join(', ')}`,
  }),
  parametersFor: (name: string): Wording => ({
    es: `«${name}» necesita parámetros (p. ej. { ${name}: … })`,
    en: `"${name}" needs parameters (e.g. { ${name}: … })`,
  }),
};

export const DURATION_PROBLEMS = {
  syntax: {
    es: 'se esperaba una duración ISO 8601 (p. ej. PT12H, P1D)',
    en: 'expected an ISO 8601 duration (e.g. PT12H, P1D)',
  },
  calendar: {
    es: 'años y meses no tienen una duración fija; use horas o días',
    en: 'years and months have no fixed length; use hours or days',
  },
  zero: { es: 'debe ser mayor que cero', en: 'must be longer than zero' },
} as const;
