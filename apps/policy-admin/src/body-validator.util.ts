import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { AdminError, AdminErrorCode, type AdminIssue } from './admin.error';

export type JsonSchema = Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** Every problem of `value` against `schema`, each at its JSON pointer in Spanish and English. */
export function schemaIssues(schema: JsonSchema, value: unknown): AdminIssue[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map(toIssue);
}

/** Returns the body typed when it matches the schema; throws 400 naming every problem. */
export function validateBody<T>(schema: JsonSchema, body: unknown): T {
  const issues = schemaIssues(schema, body ?? {});
  if (issues.length > 0) {
    throw invalidBody(issues);
  }
  return body as T;
}

/** The 400 for a body with these problems. */
export function invalidBody(issues: AdminIssue[]): AdminError {
  return new AdminError({
    code: AdminErrorCode.InvalidBody,
    es: 'Cuerpo de la solicitud inválido.',
    en: 'Invalid request body.',
    issues,
  });
}

function toIssue(error: ErrorObject): AdminIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        path: `${error.instancePath}/${String(params.additionalProperty)}`,
        code: 'unknown_field',
        es: `Campo desconocido: ${String(params.additionalProperty)}.`,
        en: `Unknown field: ${String(params.additionalProperty)}.`,
      };
    case 'required':
      return {
        path: `${error.instancePath}/${String(params.missingProperty)}`,
        code: 'required',
        es: `Campo obligatorio: ${String(params.missingProperty)}.`,
        en: `Required field: ${String(params.missingProperty)}.`,
      };
    case 'type':
      return {
        path: error.instancePath,
        code: 'invalid_type',
        es: `Tipo inválido: se esperaba ${String(params.type)}.`,
        en: `Invalid type: expected ${String(params.type)}.`,
      };
    case 'enum':
      return {
        path: error.instancePath,
        code: 'invalid_value',
        es: `Valor no permitido; opciones: ${(params.allowedValues as unknown[]).join(', ')}.`,
        en: `Value not allowed; options: ${(params.allowedValues as unknown[]).join(', ')}.`,
      };
    default:
      return {
        path: error.instancePath,
        code: 'invalid_value',
        es: `Valor inválido (${error.keyword}).`,
        en: `Invalid value: ${error.message ?? error.keyword}.`,
      };
  }
}
