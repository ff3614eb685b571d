/**
 * A recognised name as a canonical subject reference (visible ASCII, at most 128 characters):
 * spaces become underscores and other characters are percent-encoded, so `José Pérez` reads
 * `Jos%C3%A9_P%C3%A9rez`. The reference still identifies the person; policies decide on it.
 */
export function subjectRef(name: string): string {
  const encoded = encodeURIComponent(name.trim().replace(/\s+/g, '_'));
  const cut = encoded.slice(0, 128);
  // never split a %XX escape
  return cut.replace(/%[0-9A-F]?$/, '');
}
