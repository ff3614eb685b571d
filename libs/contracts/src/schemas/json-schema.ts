/**
 * The subset of JSON Schema 2020-12 that the contract schemas use. Typed narrowly (rather than
 * Ajv's `SchemaObject`, which is `any`-indexed) so the schemas can be walked, e.g. to derive the
 * field paths a policy may name.
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: JsonType | readonly JsonType[];
  const?: string | number | boolean;
  enum?: readonly (string | number | boolean | null)[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'date-time' | 'uri' | 'uri-reference';
  minimum?: number;
  maximum?: number;
  /** A tagged union without oneOf's noise: the branch is chosen by `if`, errors come from it. */
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
}

/** The declared keys of T, without its index signature (`[key: string]: unknown`). */
type DeclaredKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};

/**
 * A schema `properties` map with exactly one entry per declared key of T. Used with `satisfies`,
 * it makes the compiler report any drift between a contract interface and its schema.
 */
export type PropertiesOf<T> = Record<DeclaredKeys<T>, JsonSchema>;
