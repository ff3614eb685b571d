import type { AdapterImage, AdapterPart } from './adapter.types';
import type { Fields } from './fields.util';

const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/**
 * The JPEG parts of a Hikvision multipart body, checked: a part that says image/jpeg but is not
 * one is reported rather than forwarded to the evidence store.
 */
export function jpegParts(
  parts: readonly AdapterPart[] | undefined,
  fields: Fields,
): AdapterPart[] {
  const jpegs: AdapterPart[] = [];
  (parts ?? []).forEach((part, index) => {
    if (!/^image\/jpe?g\b/i.test(part.contentType)) {
      return;
    }
    if (part.bytes.length < 3 || JPEG_MAGIC.some((byte, i) => part.bytes[i] !== byte)) {
      fields.fail(`/parts/${index}`, 'is declared image/jpeg but is not a JPEG');
      return;
    }
    jpegs.push(part);
  });
  return jpegs;
}

/** The part a reference names (ANPR: file name; faceCapture: contentID or pId). */
export function pickImage(
  jpegs: readonly AdapterPart[],
  references: ReadonlyArray<string | undefined>,
): AdapterImage | undefined {
  for (const reference of references) {
    if (reference === undefined) {
      continue;
    }
    const part = jpegs.find((p) => p.filename === reference || p.name === reference);
    if (part !== undefined) {
      return { bytes: part.bytes, contentType: 'image/jpeg' };
    }
  }
  // devices that send a single picture do not always name it
  return jpegs.length === 1 ? { bytes: jpegs[0].bytes, contentType: 'image/jpeg' } : undefined;
}
