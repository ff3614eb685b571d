import { PolicyIssueCode, type PolicyIssue } from './policy.error';

/** Every validation message, Spanish first, in one place so the DPO-facing wording stays consistent. */
export const policyIssues = {
  invalidType: (path: string, expected: { es: string; en: string }): PolicyIssue => ({
    path,
    code: PolicyIssueCode.InvalidType,
    es: `Se esperaba ${expected.es}.`,
    en: `Expected ${expected.en}.`,
  }),
  unknownKey: (path: string, allowed: readonly string[]): PolicyIssue => ({
    path,
    code: PolicyIssueCode.UnknownKey,
    es: `Clave desconocida; se admiten: ${allowed.join(', ')}.`,
    en: `Unknown key; allowed: ${allowed.join(', ')}.`,
  }),
  required: (path: string, why?: { es: string; en: string }): PolicyIssue => ({
    path,
    code: PolicyIssueCode.Required,
    es: why ? `Falta un campo obligatorio: ${why.es}` : 'Falta un campo obligatorio.',
    en: why ? `Missing required field: ${why.en}` : 'Missing required field.',
  }),
  invalidValue: (path: string, allowed: readonly string[]): PolicyIssue => ({
    path,
    code: PolicyIssueCode.InvalidValue,
    es: `Valor no admitido; use uno de: ${allowed.join(', ')}.`,
    en: `Value not allowed; use one of: ${allowed.join(', ')}.`,
  }),
  invalidFormat: (path: string, format: { es: string; en: string }): PolicyIssue => ({
    path,
    code: PolicyIssueCode.InvalidFormat,
    es: `Formato inválido: se esperaba ${format.es}.`,
    en: `Invalid format: expected ${format.en}.`,
  }),
  outOfRange: (path: string, range: { min: number; max: number }): PolicyIssue => ({
    path,
    code: PolicyIssueCode.OutOfRange,
    es: `Fuera de rango: debe estar entre ${range.min} y ${range.max}.`,
    en: `Out of range: must be between ${range.min} and ${range.max}.`,
  }),
  empty: (path: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.Empty,
    es: 'La lista no puede estar vacía.',
    en: 'The list must not be empty.',
  }),
  duplicateId: (path: string, id: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.DuplicateId,
    es: `La finalidad «${id}» ya está declarada.`,
    en: `Purpose "${id}" is already declared.`,
  }),
  duplicateValue: (path: string, value: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.DuplicateValue,
    es: `«${value}» aparece más de una vez.`,
    en: `"${value}" appears more than once.`,
  }),
  unknownFieldPath: (path: string, field: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.UnknownFieldPath,
    es: `«${field}» no es un campo del evento canónico.`,
    en: `"${field}" is not a canonical event field.`,
  }),
  fieldPathTooBroad: (path: string, field: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.FieldPathTooBroad,
    es: `«${field}» abarca categorías de datos distintas; liste solo la que la finalidad necesita (p. ej. ${field === 'attributes' ? 'attributes.vehicle' : 'identifiers.plate'}) (Ley 29733 art. 7).`,
    en: `"${field}" spans separate data categories; list only the one the purpose needs (e.g. ${field === 'attributes' ? 'attributes.vehicle' : 'identifiers.plate'}) (Ley 29733 art. 7).`,
  }),
  prohibitedField: (path: string, field: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.ProhibitedField,
    es: `«${field}» es un atributo prohibido (inferencia de rasgos sensibles, emociones o plantillas biométricas); ninguna finalidad puede recibirlo (Reglamento (UE) 2024/1689 art. 5; DS 115-2025-PCM art. 23).`,
    en: `"${field}" is a prohibited attribute (inferred sensitive traits, emotion or biometric templates); no purpose may receive it (Regulation (EU) 2024/1689 art. 5; DS 115-2025-PCM art. 23).`,
  }),
  requiresAuthorization: (path: string, field: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.RequiresAuthorization,
    es: `«${field}» (identificación biométrica) solo puede listarse en una finalidad con base legal judicial-authorization (Reglamento (UE) 2024/1689 art. 5(1)(h) y 5(3)).`,
    en: `"${field}" (biometric identification) may only be listed by a purpose whose legal basis is judicial-authorization (Regulation (EU) 2024/1689 art. 5(1)(h) and 5(3)).`,
  }),
  hardDeniedPurpose: (path: string, id: string): PolicyIssue => ({
    path,
    code: PolicyIssueCode.HardDeniedPurpose,
    es: `La finalidad «${id}» está prohibida: las imágenes de videovigilancia municipal no pueden usarse con fines comerciales ni publicitarios (Directiva 01-2020-JUS/DGTAIPD; Ley 29733 art. 6).`,
    en: `Purpose "${id}" is forbidden: municipal CCTV footage may not be used for commercial or advertising ends (Directiva 01-2020-JUS/DGTAIPD; Ley 29733 art. 6).`,
  }),
};

export const EXPECTED = {
  object: { es: 'un objeto', en: 'an object' },
  string: { es: 'un texto', en: 'a string' },
  list: { es: 'una lista', en: 'a list' },
  number: { es: 'un número', en: 'a number' },
  slug: {
    es: 'minúsculas, dígitos y guiones (p. ej. delito-en-flagrancia)',
    en: 'lower-case letters, digits and dashes (e.g. delito-en-flagrancia)',
  },
  duration: {
    es: 'una duración ISO 8601 (p. ej. PT72H, P30D)',
    en: 'an ISO 8601 duration (e.g. PT72H, P30D)',
  },
  country: {
    es: 'un código de país ISO 3166-1 (p. ej. PE)',
    en: 'an ISO 3166-1 country code (e.g. PE)',
  },
  date: { es: 'una fecha AAAA-MM-DD', en: 'a YYYY-MM-DD date' },
} as const;
