import { CONTRACT_SCHEMAS } from './index';

export interface SchemaFile {
  /** `<name>.schema.json`, under `libs/contracts/schemas/`. */
  fileName: string;
  json: string;
}

/** The published form of every contract schema; `npm run schemas` writes these files. */
export function schemaFiles(): SchemaFile[] {
  return Object.entries(CONTRACT_SCHEMAS).map(([name, schema]) => ({
    fileName: `${name}.schema.json`,
    json: `${JSON.stringify(schema, null, 2)}\n`,
  }));
}
