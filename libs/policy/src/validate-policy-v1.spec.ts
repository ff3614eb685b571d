import { set, unset, validPolicyDoc } from '../test/policy-doc.factory';
import { PolicyError, PolicyErrorCode, PolicyIssueCode as C } from './policy.error';
import { validatePolicyV1 } from './validate-policy-v1';

function issuesOf(doc: unknown): PolicyError['issues'] {
  try {
    validatePolicyV1(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe(PolicyErrorCode.Invalid);
    return (error as PolicyError).issues;
  }
  return [];
}

const flat = (doc: unknown): string[] => issuesOf(doc).map((i) => `${i.path} ${i.code}`);

describe('validatePolicyV1', () => {
  it('should accept a valid document and return it typed', () => {
    const doc = validPolicyDoc();
    expect(validatePolicyV1(doc)).toBe(doc);
  });

  // [what is wrong, the edit that breaks a valid document, expected path, expected code]
  it.each<[string, (doc: unknown) => void, string, C]>([
    ['an unknown top-level key', set('/owner', 'x'), '/owner', C.UnknownKey],
    ['an unknown key with / and ~', set('/a~1b~0c', 1), '/a~1b~0c', C.UnknownKey],
    ['a wrong apiVersion', set('/apiVersion', 'tamiz/v2'), '/apiVersion', C.InvalidValue],
    ['a wrong kind', set('/kind', 'Rule'), '/kind', C.InvalidValue],
    ['missing metadata', unset('/metadata'), '/metadata', C.Required],
    ['missing metadata.id', unset('/metadata/id'), '/metadata/id', C.Required],
    ['missing metadata.version', unset('/metadata/version'), '/metadata/version', C.Required],
    ['a numeric metadata.version', set('/metadata/version', 1), '/metadata/version', C.InvalidType],
    [
      'a metadata.id that is no slug',
      set('/metadata/id', 'Lima Demo'),
      '/metadata/id',
      C.InvalidFormat,
    ],
    ['an unknown metadata key', set('/metadata/owner', 'x'), '/metadata/owner', C.UnknownKey],
    [
      'a bad jurisdiction',
      set('/metadata/jurisdiction', 'Peru'),
      '/metadata/jurisdiction',
      C.InvalidFormat,
    ],
    [
      'a bad dpia date',
      set('/metadata/dpia', { id: 'E-1', date: '1/3/26' }),
      '/metadata/dpia/date',
      C.InvalidFormat,
    ],
    ['missing retention', unset('/retention'), '/retention', C.Required],
    ['missing retention.alerts', unset('/retention/alerts'), '/retention/alerts', C.Required],
    [
      'a retention that is no duration',
      set('/retention/metadata', '72h'),
      '/retention/metadata',
      C.InvalidFormat,
    ],
    [
      'an unknown retention class',
      set('/retention/forever', 'P99Y'),
      '/retention/forever',
      C.UnknownKey,
    ],
    ['missing purposes', unset('/purposes'), '/purposes', C.Required],
    ['an empty purpose list', set('/purposes', []), '/purposes', C.Empty],
    ['a purpose that is no object', set('/purposes/1', 'x'), '/purposes/1', C.InvalidType],
    ['an unknown purpose key', set('/purposes/0/when', 'x'), '/purposes/0/when', C.UnknownKey],
    [
      'a purpose without legal basis',
      unset('/purposes/1/legalBasis'),
      '/purposes/1/legalBasis',
      C.Required,
    ],
    [
      'a legal basis without kind',
      unset('/purposes/0/legalBasis/kind'),
      '/purposes/0/legalBasis/kind',
      C.Required,
    ],
    [
      'a bad legal basis kind',
      set('/purposes/0/legalBasis/kind', 'interest'),
      '/purposes/0/legalBasis/kind',
      C.InvalidValue,
    ],
    [
      'a law basis without citation',
      unset('/purposes/0/legalBasis/citation'),
      '/purposes/0/legalBasis/citation',
      C.Required,
    ],
    [
      'duplicate purpose ids',
      set('/purposes/1/id', 'delito-en-flagrancia'),
      '/purposes/1/id',
      C.DuplicateId,
    ],
    [
      'a purpose id that is no slug',
      set('/purposes/0/id', 'Delito'),
      '/purposes/0/id',
      C.InvalidFormat,
    ],
    [
      'the marketing purpose',
      set('/purposes/1/id', 'marketing'),
      '/purposes/1/id',
      C.HardDeniedPurpose,
    ],
    [
      'the commercial purpose',
      set('/purposes/0/id', 'commercial'),
      '/purposes/0/id',
      C.HardDeniedPurpose,
    ],
    [
      'the advertising purpose',
      set('/purposes/0/id', 'advertising'),
      '/purposes/0/id',
      C.HardDeniedPurpose,
    ],
    [
      'a Spanish advertising purpose',
      set('/purposes/0/id', 'publicidad-local'),
      '/purposes/0/id',
      C.HardDeniedPurpose,
    ],
    ['a title without English', unset('/purposes/0/title/en'), '/purposes/0/title/en', C.Required],
    ['empty analytics', set('/purposes/0/analytics', []), '/purposes/0/analytics', C.Empty],
    [
      'analytics that are no list',
      set('/purposes/0/analytics', 'fight'),
      '/purposes/0/analytics',
      C.InvalidType,
    ],
    [
      'an empty analytic name',
      set('/purposes/0/analytics/1', ''),
      '/purposes/0/analytics/1',
      C.InvalidType,
    ],
    [
      'a repeated analytic',
      set('/purposes/0/analytics/1', 'fight'),
      '/purposes/0/analytics/1',
      C.DuplicateValue,
    ],
    ['empty zones', set('/purposes/0/zones', []), '/purposes/0/zones', C.Empty],
    [
      'a bad humanReview',
      set('/purposes/0/humanReview', 'maybe'),
      '/purposes/0/humanReview',
      C.InvalidValue,
    ],
    [
      'a bad priority',
      set('/purposes/1/priority', 'urgent'),
      '/purposes/1/priority',
      C.InvalidValue,
    ],
    [
      'a minConfidence above 1',
      set('/purposes/0/minConfidence', 1.5),
      '/purposes/0/minConfidence',
      C.OutOfRange,
    ],
    [
      'a textual minConfidence',
      set('/purposes/0/minConfidence', 'high'),
      '/purposes/0/minConfidence',
      C.InvalidType,
    ],
    ['no recipients', set('/purposes/0/recipients', []), '/purposes/0/recipients', C.Empty],
    ['missing fields', unset('/purposes/0/fields'), '/purposes/0/fields', C.Required],
    ['empty fields', set('/purposes/0/fields', []), '/purposes/0/fields', C.Empty],
    [
      'an unknown field path',
      set('/purposes/0/fields/3', 'licensePlate'),
      '/purposes/0/fields/3',
      C.UnknownFieldPath,
    ],
    [
      'an unknown sub-path',
      set('/purposes/1/fields/1', 'identifiers.plate.owner'),
      '/purposes/1/fields/1',
      C.UnknownFieldPath,
    ],
    [
      'a prototype path',
      set('/purposes/0/fields/3', 'attributes.__proto__'),
      '/purposes/0/fields/3',
      C.UnknownFieldPath,
    ],
    [
      'a bare attributes path',
      set('/purposes/1/fields/2', 'attributes'),
      '/purposes/1/fields/2',
      C.FieldPathTooBroad,
    ],
    [
      'a bare identifiers path',
      set('/purposes/1/fields/1', 'identifiers'),
      '/purposes/1/fields/1',
      C.FieldPathTooBroad,
    ],
    [
      'a repeated field',
      set('/purposes/0/fields/1', 'occurredAt'),
      '/purposes/0/fields/1',
      C.DuplicateValue,
    ],
    [
      'an ethnicity attribute',
      set('/purposes/0/fields/3', 'attributes.person.ethnicity'),
      '/purposes/0/fields/3',
      C.ProhibitedField,
    ],
    [
      'a skin tone attribute',
      set('/purposes/0/fields/3', 'attributes.person.skin_tone'),
      '/purposes/0/fields/3',
      C.ProhibitedField,
    ],
    [
      'an emotion attribute',
      set('/purposes/0/fields/3', 'attributes.face.emotion'),
      '/purposes/0/fields/3',
      C.ProhibitedField,
    ],
    [
      'a face embedding',
      set('/purposes/0/fields/3', 'attributes.face.embedding'),
      '/purposes/0/fields/3',
      C.ProhibitedField,
    ],
    [
      'a face match under a law basis',
      set('/purposes/1/fields/1', 'identifiers.faceMatch'),
      '/purposes/1/fields/1',
      C.RequiresAuthorization,
    ],
  ])('should report %s', (_name, breakIt, path, code) => {
    const doc = validPolicyDoc();
    breakIt(doc);
    const issues = issuesOf(doc);
    expect(issues.map((i) => ({ path: i.path, code: i.code }))).toEqual([{ path, code }]);
    expect(issues[0].es).not.toBe('');
    expect(issues[0].en).not.toBe('');
  });

  it.each([null, 'text', 42, []])('should report the root %p as not an object', (doc) => {
    expect(flat(doc)).toEqual([' invalid_type']);
  });

  it('should report each missing top-level key of an empty document', () => {
    expect(flat({})).toEqual([
      '/apiVersion required',
      '/kind required',
      '/metadata required',
      '/retention required',
      '/purposes required',
    ]);
  });

  it('should list every problem at once, in document order', () => {
    const doc = validPolicyDoc();
    for (const edit of [
      set('/extra', true),
      unset('/metadata/version'),
      set('/purposes/0/fields/4', 'attributes.person.religion'),
      set('/purposes/1/id', 'delito-en-flagrancia'),
      unset('/purposes/1/legalBasis'),
    ]) {
      edit(doc);
    }
    expect(flat(doc)).toEqual([
      '/extra unknown_key',
      '/metadata/version required',
      '/purposes/0/fields/4 prohibited_field',
      '/purposes/1/legalBasis required',
      '/purposes/1/id duplicate_id',
    ]);
  });

  it('should allow a face match field only under a judicial authorisation', () => {
    const doc = validPolicyDoc();
    set('/purposes/1/legalBasis', { kind: 'judicial-authorization' })(doc);
    set('/purposes/1/fields/3', 'identifiers.faceMatch')(doc);
    expect(flat(doc)).toEqual([]);
  });

  it('should accept the optional metadata and retention keys', () => {
    const doc = validPolicyDoc();
    set('/metadata/controller', 'Municipalidad de San Isidro')(doc);
    set('/metadata/dpia', { id: 'EIPD-2026-004', date: '2026-03-01' })(doc);
    set('/retention/rawEvidence', 'P45D')(doc);
    set('/retention/audit', 'P180D')(doc);
    expect(flat(doc)).toEqual([]);
  });
});
