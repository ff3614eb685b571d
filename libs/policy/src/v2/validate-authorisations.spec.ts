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

describe('validatePolicy (tamiz/v2): authorisations and conflicting purposes', () => {
  const AUTH = '/authorisations/0';
  it.each<[string, Edit, string, C]>([
    [
      'an authorisation for an unknown purpose',
      set(`${AUTH}/purposes/0`, 'identificacion'),
      `${AUTH}/purposes/0`,
      C.UnknownPurpose,
    ],
    [
      'a validity that ends before it starts',
      set(`${AUTH}/validUntil`, '2026-02-01T00:00:00-05:00'),
      `${AUTH}/validUntil`,
      C.InvalidValidity,
    ],
    [
      'a validity that ends when it starts',
      set(`${AUTH}/validUntil`, '2026-03-01T00:00:00-05:00'),
      `${AUTH}/validUntil`,
      C.InvalidValidity,
    ],
    [
      'a validity without a zone',
      set(`${AUTH}/validFrom`, '2026-03-01T00:00:00'),
      `${AUTH}/validFrom`,
      C.InvalidFormat,
    ],
    ['an authorisation without scope', unset(`${AUTH}/scope`), `${AUTH}/scope`, C.Required],
    ['an empty scope', set(`${AUTH}/scope`, {}), `${AUTH}/scope/watchlists`, C.Required],
    [
      'an authorisation without case reference',
      unset(`${AUTH}/caseRef`),
      `${AUTH}/caseRef`,
      C.Required,
    ],
    ['an authorisation id with spaces', set(`${AUTH}/id`, 'AUT 1'), `${AUTH}/id`, C.InvalidFormat],
    ['an empty authorisation list', set('/authorisations', []), '/authorisations', C.Empty],
    [
      'two purposes on the same events, only one needing two-person review',
      set('/purposes/8/humanReview', 'two-person'),
      '/purposes/8',
      C.ConflictingPurposes,
    ],
    [
      'two purposes on the same events, only one needing an authorisation',
      set('/purposes/8/requiresAuthorization', true),
      '/purposes/8',
      C.ConflictingPurposes,
    ],
  ])('should report %s', (_what, edit, path, code) => {
    expect(issuesAfter(edit)).toEqual([`${path} ${code}`]);
  });

  it('should report an authorisation id used twice', () => {
    const doc = pePolicyDoc();
    doc.authorisations = [doc.authorisations![0], { ...doc.authorisations![0] }];
    expect(validatePolicy(doc).map((i) => `${i.path} ${i.code}`)).toEqual([
      '/authorisations/1 duplicate_value',
    ]);
  });

  it.each<[string, Edit]>([
    ['by zones', set('/purposes/8/cameras', { zones: ['terminal-terrestre'] })],
    ['by object classes', set('/purposes/8/objectClasses', ['vehicle'])],
    ['by camera ids', set('/purposes/8/cameras', { ids: ['cam-x'] })],
  ])('should accept different safeguards when selectors are disjoint %s', (_what, edit) => {
    expect(
      issuesAfter(
        set('/purposes/0/objectClasses', ['person']),
        set('/purposes/0/cameras', { zones: ['via-publica'], ids: ['cam-si-001'] }),
        set('/purposes/6/objectClasses', ['person']),
        set('/purposes/6/cameras', { zones: ['colegio-perimetro'], ids: ['cam-si-003'] }),
        set('/purposes/8/humanReview', 'two-person'),
        edit,
      ),
    ).toEqual([]);
  });
});
