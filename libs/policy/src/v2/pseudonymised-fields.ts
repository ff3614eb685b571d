import { isPlainObject } from '@lib/redaction';

/**
 * JSON Pointers of every field a v2 document pseudonymises (`/purposes/2/fields/trackId`), read
 * from raw data so it works on any input; [] for anything else.
 */
export function pseudonymisedFields(doc: unknown): string[] {
  const purposes = isPlainObject(doc) ? doc.purposes : undefined;
  if (!Array.isArray(purposes)) {
    return [];
  }
  const pointers: string[] = [];
  purposes.forEach((purpose: unknown, index) => {
    const fields = isPlainObject(purpose) ? purpose.fields : undefined;
    if (!isPlainObject(fields)) {
      return;
    }
    for (const [path, spec] of Object.entries(fields)) {
      if (isPlainObject(spec) && Object.hasOwn(spec, 'pseudonymize')) {
        pointers.push(`/purposes/${index}/fields/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  });
  return pointers;
}
