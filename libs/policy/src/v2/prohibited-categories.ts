import { isProhibitedKey } from '@lib/redaction';

/** A category no purpose can lift (legal.md §2), with the norm a DPO or auditor is shown. */
export interface ProhibitedCategory {
  id: string;
  es: string;
  en: string;
  citation: string;
}

const SENSITIVE_INFERENCE =
  'Reglamento (UE) 2024/1689 art. 5(1)(g); DS 115-2025-PCM art. 23; Ley 29733 art. 2.5';

const CATEGORIES: ReadonlyArray<ProhibitedCategory & { keys: readonly string[] }> = [
  {
    id: 'sensitive-trait',
    es: 'rasgo sensible inferido (origen racial o étnico, tono de piel, religión, opinión política, afiliación sindical, orientación sexual)',
    en: 'inferred sensitive trait (racial or ethnic origin, skin tone, religion, political opinion, trade-union membership, sexual orientation)',
    citation: SENSITIVE_INFERENCE,
    keys: [
      'race',
      'ethnicity',
      'ethnic origin',
      'skin tone',
      'skin color',
      'skin colour',
      'complexion',
      'religion',
      'religious belief',
      'religious attire',
      'religious symbol',
      'hijab',
      'headscarf',
      'turban',
      'kippah',
      'political opinion',
      'political affiliation',
      'trade union',
      'union membership',
      'sexual orientation',
      'sex life',
    ],
  },
  {
    id: 'emotion',
    es: 'emoción o afecto',
    en: 'emotion or affect',
    citation: 'Reglamento (UE) 2024/1689 art. 5(1)(f) y anexo III 1(c); DS 115-2025-PCM art. 24',
    keys: ['emotion', 'emotions', 'affect', 'mood', 'face expression', 'expression', 'smile'],
  },
  {
    id: 'health',
    es: 'señal de salud',
    en: 'health signal',
    citation: 'Ley 29733 art. 2.5; Reglamento (UE) 2016/679 art. 9(1)',
    keys: [
      'health',
      'health status',
      'health condition',
      'medical condition',
      'disability',
      'disabled',
      'wheelchair',
      'mobility aid',
      'intoxication',
      'intoxicated',
      'drunk',
      'pregnancy',
      'pregnant',
      'illness',
      'fever',
      'body temperature',
    ],
  },
  {
    id: 'biometric-template',
    es: 'plantilla biométrica o vector de apariencia',
    en: 'biometric template or appearance vector',
    citation: 'Reglamento (UE) 2024/1689 art. 5(1)(e); Ley 29733 art. 2.5',
    keys: [
      'embedding',
      'embeddings',
      'face embedding',
      'face template',
      'template',
      'signature',
      'feature vector',
      'appearance vector',
      'reid vector',
      'gait',
      'voiceprint',
    ],
  },
  {
    id: 'risk-score',
    es: 'puntuación de riesgo de una persona',
    en: 'person risk score',
    citation: 'Reglamento (UE) 2024/1689 art. 5(1)(d); DS 115-2025-PCM art. 23',
    keys: ['risk score', 'suspicious person'],
  },
];

// Vendors write a key in camelCase, snake_case, kebab-case or run together: compare without case
// or separators. Broader than matching each spelling, which is the safe direction here.
function normalise(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

const BY_KEY: ReadonlyMap<string, ProhibitedCategory> = new Map(
  CATEGORIES.flatMap(({ keys, ...category }) =>
    keys.map((key) => [normalise(key), Object.freeze(category)] as const),
  ),
);

// Keys repeat across events (the same vendor, the same attribute names); a bounded memo saves
// the lower-casing and the lookup on the hot path.
const MEMO_LIMIT = 4096;
const memo = new Map<string, ProhibitedCategory | null>();

/**
 * The prohibited category an attribute key names, or undefined. Covers every key
 * `isProhibitedKey` (@lib/redaction) refuses, and more (health signals, religion proxies,
 * gait and re-identification vectors).
 */
export function prohibitedCategory(key: string): ProhibitedCategory | undefined {
  const known = memo.get(key);
  if (known !== undefined) {
    return known ?? undefined;
  }
  let category = BY_KEY.get(normalise(key)) ?? null;
  if (category === null && isProhibitedKey(key)) {
    category = FALLBACK;
  }
  if (memo.size >= MEMO_LIMIT) {
    memo.clear();
  }
  memo.set(key, category);
  return category ?? undefined;
}

// isProhibitedKey and this table are kept in step by a spec; this only guards a future drift.
const FALLBACK: ProhibitedCategory = Object.freeze({
  id: 'sensitive-trait',
  es: 'atributo prohibido',
  en: 'prohibited attribute',
  citation: SENSITIVE_INFERENCE,
});

/** Every key the table names, for specs and documentation. */
export function prohibitedCategoryKeys(): string[] {
  return CATEGORIES.flatMap((category) => category.keys);
}
