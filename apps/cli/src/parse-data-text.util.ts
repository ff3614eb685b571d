import { parseDocument } from 'yaml';

export type DataTextFormat = 'yaml' | 'json';

export type DataTextParse = { ok: true; value: unknown } | { ok: false; problem: string };

/** `.json` files are JSON; everything else is read as YAML, of which JSON is a subset. */
export function dataTextFormat(file: string): DataTextFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/**
 * Parses fixture text into plain JSON data. YAML uses the 1.2 core schema, so `2026-03-14T08:00Z`
 * stays the string the event contract wants instead of becoming a Date; duplicate keys are errors,
 * since the value a reader sees first would not be the one tested.
 */
export function parseDataText(text: string, format: DataTextFormat): DataTextParse {
  if (format === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, problem: (error as Error).message };
    }
  }
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ok: false, problem: doc.errors[0].message.split('\n')[0] };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}
