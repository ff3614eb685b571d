import { set, unset } from '../../test/policy-doc.factory';
import { pePolicyDoc } from '../../test/v2/pe-policy.fixture';
import { PolicyIssueCode as C } from '../policy.error';
import { validatePolicy } from '../validate-policy';

type Edit = (doc: unknown) => void;

function issuesAfter(...edits: Edit[]): string[] {
  const doc = pePolicyDoc();
  edits.forEach((edit) => edit(doc));
  return validatePolicy(doc).map((issue) => `${issue.path} ${issue.code}`);
}

const field = (path: string, spec: unknown): Edit => set(`/purposes/0/fields/${path}`, spec);
const both =
  (...edits: Edit[]): Edit =>
  (doc) =>
    edits.forEach((edit) => edit(doc));
const AT = '/purposes/0/fields';

describe('validatePolicy (tamiz/v2): fields and their transforms', () => {
  // [what is wrong, the edit, expected path, expected code]
  it.each<[string, Edit, string, C]>([
    ['no fields', unset('/purposes/0/fields'), AT, C.Required],
    ['an empty field map', set('/purposes/0/fields', {}), AT, C.Empty],
    ['fields as a list', set('/purposes/0/fields', ['zone']), AT, C.InvalidType],
    ['an unknown transform name', field('zone', 'hash'), `${AT}/zone`, C.UnknownTransform],
    [
      'an unknown transform object',
      field('zone', { blur: { px: 3 } }),
      `${AT}/zone/blur`,
      C.UnknownTransform,
    ],
    ['a transform without parameters', field('zone', 'mask'), `${AT}/zone`, C.MissingParameter],
    [
      'two transforms for one field',
      field('zone', { mask: {}, drop: {} }),
      `${AT}/zone`,
      C.OneTransformPerField,
    ],
    [
      'an unknown transform parameter',
      field('zone', { mask: { keep: 2 } }),
      `${AT}/zone/mask/keep`,
      C.UnknownParameter,
    ],
    [
      'a negative mask count',
      field('zone', { mask: { keepLast: -1 } }),
      `${AT}/zone/mask/keepLast`,
      C.InvalidParameter,
    ],
    [
      'two generalisations at once',
      field('geo', { generalize: { meters: 100, boxGrid: 4 } }),
      `${AT}/geo/generalize`,
      C.ConflictingParameters,
    ],
    [
      'a rotation that is no duration',
      field('trackId', { pseudonymize: { rotate: '1 day' } }),
      `${AT}/trackId/pseudonymize/rotate`,
      C.InvalidDuration,
    ],
    [
      'a rotation over a day',
      field('trackId', { pseudonymize: { rotate: 'P2D' } }),
      `${AT}/trackId/pseudonymize/rotate`,
      C.RotationTooLong,
    ],
    [
      'a rotation that does not divide a day',
      field('trackId', { pseudonymize: { rotate: 'PT7H' } }),
      `${AT}/trackId/pseudonymize/rotate`,
      C.RotationMisaligned,
    ],
    [
      'bucket edges out of order',
      field('confidence', { bucket: { edges: [0.5, 0.2] } }),
      `${AT}/confidence/bucket/edges/1`,
      C.EdgesNotIncreasing,
    ],
    [
      'an unknown snapshot region',
      field('snapshot', { redact: ['tattoo'] }),
      `${AT}/snapshot/redact/0`,
      C.InvalidParameter,
    ],
    ['an unknown field path', field('geo.alt', 'keep'), `${AT}/geo.alt`, C.UnknownFieldPath],
    [
      'a field path of another schema',
      field('person.age', 'keep'),
      `${AT}/person.age`,
      C.UnknownFieldPath,
    ],
    [
      'all attributes at once',
      field('attributes', 'keep'),
      `${AT}/attributes`,
      C.FieldPathTooBroad,
    ],
    [
      'all identifiers at once',
      field('identifiers', 'keep'),
      `${AT}/identifiers`,
      C.FieldPathTooBroad,
    ],
    [
      'an ethnicity attribute',
      field('attributes.person.ethnicity', 'keep'),
      `${AT}/attributes.person.ethnicity`,
      C.ProhibitedField,
    ],
    [
      'a skin tone, masked',
      field('attributes.person.skin_tone', { mask: {} }),
      `${AT}/attributes.person.skin_tone`,
      C.ProhibitedField,
    ],
    [
      'an emotion attribute',
      field('attributes.face.emotion', 'keep'),
      `${AT}/attributes.face.emotion`,
      C.ProhibitedField,
    ],
    [
      'a health signal',
      field('attributes.person.wheelchair', 'keep'),
      `${AT}/attributes.person.wheelchair`,
      C.ProhibitedField,
    ],
    [
      'a face embedding',
      field('attributes.face.embedding', 'drop'),
      `${AT}/attributes.face.embedding`,
      C.ProhibitedField,
    ],
    [
      'a face match outside an authorised purpose',
      field('identifiers.faceMatch.subjectRef', 'keep'),
      `${AT}/identifiers.faceMatch.subjectRef`,
      C.RequiresAuthorization,
    ],
    [
      'a mask on a number',
      field('confidence', { mask: { keepLast: 1 } }),
      `${AT}/confidence`,
      C.TransformNotApplicable,
    ],
    [
      'a pseudonym of an object',
      field('geo', { pseudonymize: { rotate: 'P1D' } }),
      `${AT}/geo`,
      C.TransformNotApplicable,
    ],
    [
      'a time floor on an id',
      field('trackId', { generalize: { minutes: 5 } }),
      `${AT}/trackId`,
      C.TransformNotApplicable,
    ],
    [
      'a geo grid on a box',
      field('boundingBox', { generalize: { meters: 100 } }),
      `${AT}/boundingBox`,
      C.TransformNotApplicable,
    ],
    [
      'a box grid on the position',
      field('geo', { generalize: { boxGrid: 4 } }),
      `${AT}/geo`,
      C.TransformNotApplicable,
    ],
    [
      'an age band on a zone',
      field('zone', { generalize: { ageBand: 10 } }),
      `${AT}/zone`,
      C.TransformNotApplicable,
    ],
    [
      'a bucket on text',
      field('zone', { bucket: { size: 1 } }),
      `${AT}/zone`,
      C.TransformNotApplicable,
    ],
    [
      'age groups on the confidence',
      field('confidence', { bucket: { edges: [0.5] } }),
      `${AT}/confidence`,
      C.TransformNotApplicable,
    ],
    [
      'a blur outside the snapshot',
      field('trackId', { redact: ['face'] }),
      `${AT}/trackId`,
      C.TransformNotApplicable,
    ],
    [
      'a field inside a generalised one',
      set('/purposes/5/fields/geo.lat', 'keep'),
      '/purposes/5/fields/geo.lat',
      C.OverlappingFields,
    ],
    [
      'a field inside a dropped one',
      both(field('attributes.vehicle', 'drop'), field('attributes.vehicle.color', 'keep')),
      `${AT}/attributes.vehicle.color`,
      C.OverlappingFields,
    ],
  ])('should report %s', (_what, edit, path, code) => {
    expect(issuesAfter(edit)).toEqual([`${path} ${code}`]);
  });

  it.each<[string, Edit]>([
    ['a field refined inside one kept whole', field('attributes.person', 'keep')],
    ['an age band on the age', field('attributes.person.age', { generalize: { ageBand: 10 } })],
    ['age groups on the age', field('attributes.person.age', { bucket: { edges: [18, 65] } })],
    [
      'any transform on a vendor key',
      field('attributes.acme.zoneScore', { bucket: { edges: [1] } }),
    ],
    [
      'a plate masked to its last characters',
      field('identifiers.plate.value', { mask: { keepLast: 3 } }),
    ],
  ])('should accept %s', (_what, edit) => {
    expect(issuesAfter(edit)).toEqual([]);
  });

  it('should cite the norm when a prohibited field is kept', () => {
    const doc = pePolicyDoc();
    field('attributes.person.ethnicity', 'keep')(doc);
    const [issue] = validatePolicy(doc);
    expect(issue.es).toContain('Reglamento (UE) 2024/1689 art. 5(1)(g)');
    expect(issue.en).toContain('DS 115-2025-PCM art. 23');
  });

  it.each([
    ['attributes.person.ethnicity', C.ProhibitedField, 'art. 9(1)'],
    ['identifiers.faceMatch.subjectRef', C.RequiresAuthorization, 'art. 5(1)(h)'],
  ])('should cite only EU law for %s when the jurisdiction is EU', (path, code, norm) => {
    const doc = pePolicyDoc();
    set('/metadata/jurisdiction', 'EU')(doc);
    field(path, 'keep')(doc);
    const issue = validatePolicy(doc).find((found) => found.code === code);
    expect(issue?.es).toContain(norm);
    for (const text of [issue?.es, issue?.en]) {
      expect(text).not.toMatch(/Ley 29733|DS 115-2025-PCM/);
    }
  });
});
