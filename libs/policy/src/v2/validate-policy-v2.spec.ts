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

describe('validatePolicy (tamiz/v2): document, metadata, retention, purposes', () => {
  it('should accept the fixture policy', () => {
    expect(validatePolicy(pePolicyDoc())).toEqual([]);
  });

  // [what is wrong, the edit that breaks a valid document, expected path, expected code]
  it.each<[string, Edit, string, C]>([
    ['an unknown top-level key', set('/owner', 'x'), '/owner', C.UnknownKey],
    ['an unknown apiVersion', set('/apiVersion', 'tamiz/v3'), '/apiVersion', C.InvalidValue],
    ['a missing apiVersion', unset('/apiVersion'), '/apiVersion', C.Required],
    ['a wrong kind', set('/kind', 'Rule'), '/kind', C.InvalidValue],
    ['missing metadata', unset('/metadata'), '/metadata', C.Required],
    ['a metadata.id that is no slug', set('/metadata/id', 'Pe X'), '/metadata/id', C.InvalidFormat],
    ['a numeric version', set('/metadata/version', 2), '/metadata/version', C.InvalidType],
    ['no jurisdiction', unset('/metadata/jurisdiction'), '/metadata/jurisdiction', C.Required],
    [
      'a jurisdiction not supported',
      set('/metadata/jurisdiction', 'CL'),
      '/metadata/jurisdiction',
      C.InvalidValue,
    ],
    ['no controller', unset('/metadata/controller'), '/metadata/controller', C.Required],
    ['no impact assessment', unset('/metadata/dpia'), '/metadata/dpia', C.Required],
    [
      'a bad dpia date',
      set('/metadata/dpia/date', '1/3/26'),
      '/metadata/dpia/date',
      C.InvalidFormat,
    ],
    [
      'a Peruvian policy without data-bank registration',
      unset('/metadata/dataBankRegistration'),
      '/metadata/dataBankRegistration',
      C.Required,
    ],
    [
      'an unknown time zone',
      set('/metadata/timeZone', 'Mars/Olympus'),
      '/metadata/timeZone',
      C.InvalidTimeZone,
    ],
    ['missing retention', unset('/retention'), '/retention', C.Required],
    ['a retention that is no object', set('/retention', 'P30D'), '/retention', C.InvalidType],
    ['no alerts retention class', unset('/retention/alerts'), '/retention/alerts', C.Required],
    [
      'a retention that is no duration',
      set('/retention/metadata', '72h'),
      '/retention/metadata',
      C.InvalidFormat,
    ],
    [
      'a badly named retention class',
      set('/retention/Raw_Evidence', 'P1D'),
      '/retention/Raw_Evidence',
      C.InvalidFormat,
    ],
    [
      'raw video kept past 60 days in Peru',
      set('/retention/rawEvidence', 'P90D'),
      '/retention/rawEvidence',
      C.OutOfRange,
    ],
    ['no purposes', set('/purposes', []), '/purposes', C.Empty],
    ['a purpose that is no object', set('/purposes/8', 'x'), '/purposes/8', C.InvalidType],
    ['an unknown purpose key', set('/purposes/0/notes', 'x'), '/purposes/0/notes', C.UnknownKey],
    [
      'a purpose id used twice',
      set('/purposes/1/id', 'delito-en-flagrancia'),
      '/purposes/1/id',
      C.ConflictingPurposes,
    ],
    [
      'a commercial purpose',
      set('/purposes/0/id', 'marketing-local'),
      '/purposes/0/id',
      C.HardDeniedPurpose,
    ],
    ['a purpose with no title', unset('/purposes/0/title'), '/purposes/0/title', C.Required],
    [
      'a purpose without legal basis',
      unset('/purposes/0/legalBasis'),
      '/purposes/0/legalBasis',
      C.MissingLegalBasis,
    ],
    [
      'a legal basis without kind',
      unset('/purposes/0/legalBasis/kind'),
      '/purposes/0/legalBasis/kind',
      C.MissingLegalBasis,
    ],
    [
      'a legal basis of an unknown kind',
      set('/purposes/0/legalBasis/kind', 'contract'),
      '/purposes/0/legalBasis/kind',
      C.InvalidValue,
    ],
    [
      'a legal basis without citation',
      unset('/purposes/0/legalBasis/citation'),
      '/purposes/0/legalBasis/citation',
      C.MissingLegalBasis,
    ],
    ['no analytics', unset('/purposes/0/analytics'), '/purposes/0/analytics', C.Required],
    [
      'an empty object-class list',
      set('/purposes/1/objectClasses', []),
      '/purposes/1/objectClasses',
      C.Empty,
    ],
    ['an empty camera selector', set('/purposes/0/cameras', {}), '/purposes/0/cameras', C.Empty],
    [
      'a camera zone list that is no list',
      set('/purposes/0/cameras/zones', 'parque'),
      '/purposes/0/cameras/zones',
      C.InvalidType,
    ],
    [
      'a repeated zone',
      set('/purposes/0/cameras/zones', ['parque', 'parque']),
      '/purposes/0/cameras/zones/1',
      C.DuplicateValue,
    ],
    [
      'a window that starts at 6am',
      set('/purposes/6/windows/0/from', '6am'),
      '/purposes/6/windows/0/from',
      C.InvalidWindow,
    ],
    [
      'a window that ends at 25:00',
      set('/purposes/6/windows/0/to', '25:00'),
      '/purposes/6/windows/0/to',
      C.InvalidWindow,
    ],
    [
      'a window that ends at 00:00',
      set('/purposes/6/windows/0/to', '00:00'),
      '/purposes/6/windows/0/to',
      C.InvalidWindow,
    ],
    [
      'an empty window',
      set('/purposes/6/windows/1/to', '12:30'),
      '/purposes/6/windows/1',
      C.InvalidWindow,
    ],
    [
      'an unknown weekday',
      set('/purposes/6/windows/0/days/0', 'monday'),
      '/purposes/6/windows/0/days/0',
      C.InvalidValue,
    ],
    [
      'a window in an unknown zone',
      set('/purposes/6/windows/0/timeZone', 'Lima'),
      '/purposes/6/windows/0/timeZone',
      C.InvalidTimeZone,
    ],
    [
      'an unknown window key',
      set('/purposes/6/windows/0/day', 'mon'),
      '/purposes/6/windows/0/day',
      C.UnknownKey,
    ],
    [
      'a condition that does not parse',
      set('/purposes/7/when', 'event.confidence >= && 1'),
      '/purposes/7/when',
      C.InvalidCel,
    ],
    [
      'a condition on an unknown variable',
      set('/purposes/7/when', 'evento.confidence > 0.5'),
      '/purposes/7/when',
      C.InvalidCel,
    ],
    [
      'a condition that is no bool',
      set('/purposes/7/when', 'event.objectClass + "x"'),
      '/purposes/7/when',
      C.InvalidCel,
    ],
    [
      'a condition mixing types',
      set('/purposes/7/when', '1 + "a" == 2'),
      '/purposes/7/when',
      C.InvalidCel,
    ],
    [
      'a confidence above one',
      set('/purposes/0/minConfidence', 1.5),
      '/purposes/0/minConfidence',
      C.OutOfRange,
    ],
    [
      'an unknown review level',
      set('/purposes/0/humanReview', 'maybe'),
      '/purposes/0/humanReview',
      C.InvalidValue,
    ],
    [
      'a non-boolean authorisation flag',
      set('/purposes/0/requiresAuthorization', 'yes'),
      '/purposes/0/requiresAuthorization',
      C.InvalidType,
    ],
    ['no priority', unset('/purposes/0/priority'), '/purposes/0/priority', C.Required],
    ['no recipients', set('/purposes/0/recipients', []), '/purposes/0/recipients', C.Empty],
    [
      'an unknown retention class',
      set('/purposes/0/retentionClass', 'forever'),
      '/purposes/0/retentionClass',
      C.UnknownRetentionClass,
    ],
  ])('should report %s', (_what, edit, path, code) => {
    expect(issuesAfter(edit)).toEqual([`${path} ${code}`]);
  });

  it('should accept consent without a citation, and every other basis only with one', () => {
    expect(issuesAfter(set('/purposes/4/legalBasis', { kind: 'consent' }))).toEqual([]);
    expect(issuesAfter(set('/purposes/4/legalBasis', { kind: 'judicial-authorization' }))).toEqual([
      '/purposes/4/legalBasis/citation missing_legal_basis',
    ]);
  });

  it('should point a CEL error at the character the parser stopped at', () => {
    const doc = pePolicyDoc();
    set('/purposes/7/when', 'event.confidence >= && 1')(doc);
    const [issue] = validatePolicy(doc);
    expect(issue.es).toContain('carácter 21');
    expect(issue.en).toContain('character 21');
  });

  it('should report every problem of a document at once, in document order', () => {
    expect(
      issuesAfter(
        unset('/metadata/controller'),
        set('/retention/metadata', '72h'),
        unset('/purposes/2/legalBasis'),
        set('/purposes/5/fields/geo', { generalize: { meters: 1 } }),
      ),
    ).toEqual([
      '/metadata/controller required',
      '/retention/metadata invalid_format',
      '/purposes/2/legalBasis missing_legal_basis',
      '/purposes/5/fields/geo/generalize/meters invalid_parameter',
    ]);
  });

  it.each<[string, unknown, string[]]>([
    ['null', null, [' invalid_type']],
    ['a list', [], [' invalid_type']],
    ['a number', 42, [' invalid_type']],
    ['an empty object', {}, ['/apiVersion required']],
    [
      'a bare v2 header',
      { apiVersion: 'tamiz/v2' },
      ['/kind required', '/metadata required', '/retention required', '/purposes required'],
    ],
  ])('should never throw, and report %s', (_what, doc, expected) => {
    expect(validatePolicy(doc).map((i) => `${i.path} ${i.code}`)).toEqual(expected);
  });
});
