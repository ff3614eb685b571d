import type { DetectionData } from '@lib/contracts';
import { isProhibitedKey, PROHIBITED_ATTRIBUTE_KEYS } from '@lib/redaction';
import { engineCitations } from './engine-citations';
import { droppedPaths, topLevelPaths, vendorFindings } from './event-paths';
import { prohibitedCategory, prohibitedCategoryKeys } from './prohibited-categories';

const event = (value: Record<string, unknown>): DetectionData => value as unknown as DetectionData;

describe('droppedPaths', () => {
  const source = event({
    eventId: 'e',
    zone: 'z',
    geo: { lat: 1, lon: 2 },
    attributes: { person: { gender: 'x', clothing: { upper: { color: 'red' }, hat: false } } },
    identifiers: { plate: null },
  });

  it.each<[string, Array<Record<string, unknown>>, string[]]>([
    [
      'each top-level field when nothing was carried',
      [],
      ['attributes', 'geo', 'identifiers', 'zone'],
    ],
    ['nothing when everything was carried', [{ ...source }], []],
    [
      'the maximal subtrees no copy holds, across copies',
      [{ geo: { lat: 1 } }, { attributes: { person: { clothing: { hat: false } } } }],
      [
        'attributes.person.clothing.upper',
        'attributes.person.gender',
        'geo.lon',
        'identifiers',
        'zone',
      ],
    ],
    [
      'nothing for a value carried transformed',
      [{ geo: 'grid-cell', zone: 'z', attributes: 'x', identifiers: 1 }],
      [],
    ],
    [
      'a carried null as carried',
      [{ identifiers: { plate: null } }],
      ['attributes', 'geo', 'zone'],
    ],
  ])('should list %s', (_what, copies, expected) => {
    expect(droppedPaths({ event: source, datas: copies })).toEqual(expected);
  });

  it('should sort by UTF-16 code unit of the whole path, and intern equal lists', () => {
    const vendor = event({ attributes: { 'acme-2': { y: 1 }, acme: { x: 1 } } });
    const first = droppedPaths({ event: vendor, datas: [{ attributes: {} }] });
    expect(first).toEqual(['attributes.acme', 'attributes.acme-2']);
    expect(droppedPaths({ event: vendor, datas: [{ attributes: {} }] })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('should give a suppressed event its sorted top-level fields, whatever their order', () => {
    expect(
      topLevelPaths(event({ zone: 'z', eventId: 'e', cameraId: 'c', geo: undefined })),
    ).toEqual(['cameraId', 'zone']);
    expect(topLevelPaths(event({ cameraId: 'c', zone: 'z' }))).toEqual(['cameraId', 'zone']);
  });
});

describe('vendorFindings', () => {
  const PE = engineCitations('PE');
  const EU = engineCitations('EU');

  it('should find prohibited keys at any depth of the attributes, by path, sorted', () => {
    const findings = vendorFindings(
      event({
        attributes: {
          person: { Ethnicity: 'x', clothing: { upper: { skinTone: 'y' } } },
          acme: { boxes: [{ emotion: 'angry' }], faceEmbedding: [0.1] },
        },
      }),
      PE,
    );
    expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual([
      'vendor_violation attributes.acme.boxes.emotion',
      'vendor_violation attributes.acme.faceEmbedding',
      'vendor_violation attributes.person.Ethnicity',
      'vendor_violation attributes.person.clothing.upper.skinTone',
    ]);
    expect(findings[0].citation).toContain('2024/1689 art. 5(1)(f)');
    expect(JSON.stringify(findings)).not.toMatch(/angry|0\.1/);
  });

  it('should find nothing in ordinary attributes, or without attributes', () => {
    expect(vendorFindings(event({ attributes: { person: { gender: 'x', age: 3 } } }), PE)).toEqual(
      [],
    );
    expect(vendorFindings(event({ zone: 'z' }), PE)).toEqual([]);
  });

  it("should cite the law of the policy's jurisdiction", () => {
    const sent = event({ attributes: { person: { ethnicity: 'x', health: 'y' } } });
    const pe = vendorFindings(sent, PE);
    const eu = vendorFindings(sent, EU);
    expect(pe.map((f) => f.path)).toEqual(eu.map((f) => f.path));
    expect(pe.map((f) => f.citation)).toEqual([
      expect.stringContaining('Ley 29733 art. 2.5'),
      expect.stringContaining('Ley 29733 art. 2.5'),
    ]);
    expect(eu.map((f) => f.citation)).toEqual([
      expect.stringContaining('Reglamento (UE) 2016/679 art. 9(1)'),
      expect.stringContaining('Reglamento (UE) 2016/679 art. 9(1)'),
    ]);
    expect(eu[0].citation).toContain('2024/1689 art. 5(1)(g)');
    eu.forEach((f) => expect(f.citation).not.toMatch(/Ley 29733|DS \d|Directiva/));
  });
});

describe('prohibitedCategory', () => {
  it('should cover every key @lib/redaction refuses, in every spelling', () => {
    for (const words of PROHIBITED_ATTRIBUTE_KEYS) {
      for (const glue of ['', '_', '-']) {
        expect(prohibitedCategory(words.join(glue))?.id).toBeDefined();
      }
      const camel = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
      expect(prohibitedCategory(camel)?.id).toBeDefined();
    }
  });

  it.each([
    ['health', 'wheelchair'],
    ['health', 'Intoxicated'],
    ['sensitive-trait', 'hijab'],
    ['sensitive-trait', 'political_opinion'],
    ['biometric-template', 'gait'],
    ['emotion', 'face-expression'],
    ['risk-score', 'riskScore'],
  ])('should put %s first for %p', (category, key) => {
    expect(prohibitedCategory(key)?.id).toBe(category);
  });

  it.each(['gender', 'age', 'ageBand', 'clothing', 'color', 'plate', 'mask', 'glasses', 'hat'])(
    'should allow %p',
    (key) => {
      expect(prohibitedCategory(key)).toBeUndefined();
      expect(isProhibitedKey(key)).toBe(false);
    },
  );

  it('should list its keys for the documentation', () => {
    expect(prohibitedCategoryKeys()).toEqual(expect.arrayContaining(['ethnicity', 'wheelchair']));
  });
});
