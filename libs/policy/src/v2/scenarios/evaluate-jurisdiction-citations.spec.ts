// eslint-disable-next-line no-restricted-imports -- the spec reads the committed templates; the lib does no IO
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraRecord, DetectionData, Reason } from '@lib/contracts';
import { TEST_KEYRING } from '../../../test/v2/pe-policy.fixture';
import { compilePolicy } from '../../compile-policy';
import { parsePolicyText } from '../../parse-policy-text';
import { serializeDecision } from '../../serialize-records';
import { engineCitations } from '../engine-citations';
import { prohibitedCategory, prohibitedCategoryKeys } from '../prohibited-categories';

// Reasons and findings the engine words itself (no purpose, camera, selectors, confidence,
// authorisations, vendor violations) cite the law of the policy's metadata.jurisdiction.
const POLICIES = join(__dirname, '../../../../../policies');
const PERUVIAN = /Ley 29733|DS \d|Directiva|DL 1218|Ley 31814/;

function template(name: string) {
  const doc = parsePolicyText(readFileSync(join(POLICIES, `${name}.policy.yaml`), 'utf8'), 'yaml');
  return compilePolicy(doc, { keyring: TEST_KEYRING });
}

const camera = (overrides: Partial<CameraRecord>): CameraRecord => ({
  cameraId: 'cam-x',
  name: 'Cámara X',
  district: 'Centro',
  siteId: 'site-x',
  zoneType: 'public-street',
  allowedPurposes: [],
  ...overrides,
});

const event = (overrides: Partial<DetectionData>): DetectionData => ({
  eventId: 'det-1',
  occurredAt: '2026-05-05T11:00:00.000Z',
  cameraId: 'cam-x',
  siteId: 'site-x',
  zone: 'z',
  analyticType: 'person-attributes',
  objectClass: 'person',
  confidence: 0.9,
  attributes: { person: { ethnicity: 'x', clothing: { upper: { color: 'red' } } } },
  ...overrides,
});

/** Reasons of events that exercise every engine-worded reason the template can give. */
function engineWorded(policy: ReturnType<typeof template>, face: DetectionData, cam: CameraRecord) {
  const reasons: Reason[] = [];
  const citations: string[] = [];
  const run = (e: DetectionData, c: CameraRecord | null) => {
    const { decision } = policy.evaluate({ event: e, camera: c });
    reasons.push(...decision.reasons.filter((r) => r.code !== 'purpose.matched'));
    citations.push(...decision.findings.map((f) => f.citation));
  };
  run(event({}), null); // camera unknown
  run(event({}), camera({ cameraId: 'cam-other' })); // camera mismatch
  run(event({ analyticType: 'no-such-analytic' }), camera({})); // no purpose
  run(face, cam); // face match refused: camera not enabled, zone, authorisation…
  run({ ...face, confidence: 0.1 }, cam); // confidence below minimum
  return { reasons, citations };
}

describe('evaluate v2: citations follow the policy jurisdiction', () => {
  const faceEvent = event({
    analyticType: 'face-match',
    objectClass: 'face',
    confidence: 0.99,
    attributes: undefined,
    identifiers: {
      plate: null,
      faceMatch: { subjectRef: 's-1', watchlist: 'unknown-list', similarity: 0.97 },
    },
  });

  it('should cite only EU law under the EU template, never Ley 29733', () => {
    const policy = template('eu-gdpr-aia');
    const { reasons, citations } = engineWorded(
      policy,
      faceEvent,
      camera({ zoneType: 'transport-hub', allowedPurposes: ['authorised-face-identification'] }),
    );
    const codes = reasons.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'camera.unknown',
        'camera.mismatch',
        'purpose.none',
        'confidence.below_min',
        'authorization.out_of_scope',
      ]),
    );
    for (const reason of reasons) {
      expect(reason.citation).toMatch(/Reglamento \(UE\) 20(16\/679|24\/1689)/);
      expect(reason.citation).not.toMatch(PERUVIAN);
    }
    expect(reasons.find((r) => r.code === 'purpose.none')?.citation).toContain(
      'Reglamento (UE) 2016/679 art. 5(1)(b)',
    );
    expect(citations.length).toBeGreaterThan(0);
    citations.forEach((c) => expect(c).not.toMatch(PERUVIAN));
  });

  it('should keep citing Peruvian law under the Peruvian template', () => {
    const policy = template('pe-municipal');
    const { reasons, citations } = engineWorded(
      policy,
      faceEvent,
      camera({ zoneType: 'via-publica', allowedPurposes: [] }),
    );
    const byCode = new Map(reasons.map((r) => [r.code, r.citation]));
    expect(byCode.get('purpose.none')).toBe('Ley 29733 art. 6 (finalidad)');
    expect(byCode.get('camera.unknown')).toContain('DS 007-2020-IN art. 4');
    expect(byCode.get('confidence.below_min')).toBe('Ley 29733 art. 8 (calidad)');
    expect(citations.length).toBeGreaterThan(0);
    citations.forEach((c) => expect(c).toContain('Ley 29733 art. 2.5'));
  });

  it('should give the same event different bytes only through the citations', () => {
    const e = event({ analyticType: 'no-such-analytic' });
    const cam = camera({});
    const eu = template('eu-gdpr-aia').evaluate({ event: e, camera: cam }).decision;
    const pe = template('pe-municipal').evaluate({ event: e, camera: cam }).decision;
    expect(serializeDecision(eu)).not.toBe(serializeDecision(pe));
    expect(eu.reasons.map((r) => [r.code, r.es, r.en])).toEqual(
      pe.reasons.map((r) => [r.code, r.es, r.en]),
    );
  });

  it.each(['PE', 'EU'] as const)('should have a %s citation for every prohibited category', (j) => {
    const categories = new Set(prohibitedCategoryKeys().map((key) => prohibitedCategory(key)?.id));
    // every category the table knows has its own entry (no fallback to another law)
    expect(new Set(Object.keys(engineCitations(j).prohibited))).toEqual(categories);
  });

  it('should name no Peruvian norm anywhere in the EU citations', () => {
    Object.values(engineCitations('EU')).forEach((value) =>
      expect(JSON.stringify(value)).not.toMatch(PERUVIAN),
    );
  });
});
