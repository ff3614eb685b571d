/**
 * Attribute keys no purpose may ever receive, whatever a policy lists (DESIGN invariant 2):
 * traits the law forbids to infer from biometrics (AIA art. 5(1)(g); DS 115-2025-PCM art. 23),
 * emotion (AIA art. 5(1)(f); legal.md rule 11), face embeddings and templates (AIA art. 5(1)(e);
 * rule 14) and person risk scores (AIA art. 5(1)(d); rule 15). Each entry lists the words of one
 * key; vendors spell them as camelCase, snake_case, kebab-case or run together, so every spelling
 * is matched case-insensitively.
 */
export const PROHIBITED_ATTRIBUTE_KEYS: readonly (readonly string[])[] = [
  ['race'],
  ['ethnicity'],
  ['ethnic', 'origin'],
  ['skin', 'tone'],
  ['skin', 'color'],
  ['skin', 'colour'],
  ['complexion'],
  ['religion'],
  ['religious', 'belief'],
  ['hijab'],
  ['political', 'opinion'],
  ['political', 'affiliation'],
  ['trade', 'union'],
  ['union', 'membership'],
  ['sexual', 'orientation'],
  ['sex', 'life'],
  ['emotion'],
  ['emotions'],
  ['affect'],
  ['mood'],
  ['face', 'expression'],
  ['expression'],
  ['smile'],
  ['embedding'],
  ['embeddings'],
  ['face', 'embedding'],
  ['face', 'template'],
  ['template'],
  ['signature'],
  ['feature', 'vector'],
  ['risk', 'score'],
  ['suspicious', 'person'],
];

const SPELLINGS: ReadonlySet<string> = new Set(
  PROHIBITED_ATTRIBUTE_KEYS.flatMap((words) => ['', '_', '-'].map((glue) => words.join(glue))),
);

/** True when `key` names a prohibited attribute in any of its usual spellings. */
export function isProhibitedKey(key: string): boolean {
  return SPELLINGS.has(key.toLowerCase());
}
