import { DETECTION_DATA_JSON_SCHEMA, type JsonSchema } from '@lib/contracts';
import type { TransformSpec } from '@lib/redaction';

/**
 * The schema node of a canonical field path, or null for a path below an open attribute group
 * (a vendor's own key), whose type nobody declared.
 */
export function fieldSchema(path: string): JsonSchema | null {
  let node: JsonSchema | undefined = DETECTION_DATA_JSON_SCHEMA;
  for (const segment of path.split('.')) {
    node = node?.properties?.[segment];
    if (node === undefined) {
      return null;
    }
  }
  return node;
}

/** `keep`, `mask`, `generalize.minutes`, `bucket.edges`…: a validated spec's kind. */
export function transformKind(spec: TransformSpec): string {
  if (typeof spec === 'string') {
    return spec;
  }
  const [name, params] = Object.entries(spec)[0] as [string, unknown];
  if (name === 'generalize' || name === 'bucket') {
    return `${name}.${Object.keys(params as object)[0]}`;
  }
  return name;
}

type Wording = { es: string; en: string };

interface Applicability {
  /** True when the transform may be applied to the field whose schema is given. */
  fits: (args: { path: string; schema: JsonSchema | null }) => boolean;
  expected: Wording;
}

const types = (schema: JsonSchema | null): readonly string[] =>
  schema === null ? [] : [schema.type ?? []].flat();
const isString = (schema: JsonSchema | null): boolean => types(schema).includes('string');
const isNumber = (schema: JsonSchema | null): boolean =>
  types(schema).includes('number') || types(schema).includes('integer');
const AGE = 'attributes.person.age';

// Transforms keep the field's JSON type, so an alert still matches the alert schema; the one
// exception, an age leaving as its band label, is declared in that schema. A vendor's own keys
// (schema null) have no declared type, so every transform but `redact` may apply to them.
const RULES: Readonly<Record<string, Applicability>> = {
  mask: {
    fits: ({ schema }) => schema === null || isString(schema),
    expected: { es: 'campos de texto', en: 'text fields' },
  },
  pseudonymize: {
    fits: ({ schema }) => schema === null || isString(schema),
    expected: { es: 'campos de texto (p. ej. trackId)', en: 'text fields (e.g. trackId)' },
  },
  'generalize.minutes': {
    fits: ({ schema }) => schema === null || schema.format === 'date-time',
    expected: { es: 'fechas y horas (occurredAt)', en: 'date-times (occurredAt)' },
  },
  'generalize.meters': {
    fits: ({ path, schema }) => schema === null || path === 'geo',
    expected: { es: 'la posición geo', en: 'the geo position' },
  },
  'generalize.boxGrid': {
    fits: ({ path, schema }) => schema === null || path === 'boundingBox',
    expected: { es: 'el recuadro boundingBox', en: 'the boundingBox' },
  },
  'generalize.ageBand': {
    fits: ({ path, schema }) => schema === null || path === AGE,
    expected: { es: `la edad (${AGE})`, en: `the age (${AGE})` },
  },
  'bucket.size': {
    fits: ({ schema }) => schema === null || isNumber(schema),
    expected: { es: 'campos numéricos', en: 'numeric fields' },
  },
  'bucket.edges': {
    fits: ({ path, schema }) => schema === null || path === AGE,
    expected: {
      es: `la edad (${AGE}) y atributos propios del proveedor`,
      en: `the age (${AGE}) and vendor-defined attributes`,
    },
  },
  redact: {
    fits: ({ path }) => path === 'snapshot',
    expected: { es: 'la imagen snapshot', en: 'the snapshot image' },
  },
};

/** What the transform is for, when it does not fit the field; undefined when it fits. */
export function misfit(args: { path: string; spec: TransformSpec }): Wording | undefined {
  const rule = RULES[transformKind(args.spec)];
  if (rule === undefined || rule.fits({ path: args.path, schema: fieldSchema(args.path) })) {
    return undefined;
  }
  return rule.expected;
}
