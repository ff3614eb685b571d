// Jest-only (it, expect): kept out of the build, which compiles fixture-cases.ts for the bench.
import { normalise, type AdapterFormat } from '@lib/adapters';
import { fixtureCases, fixtureOptions, outcomeOf, partFilesOf } from './fixture-cases';

/**
 * One test per golden fixture of `format`, valid and invalid: the adapter's outcome is the
 * expected one, and every event it returns passes the canonical contract. Call inside `describe`.
 */
export function itMatchesGoldenFixtures(format: AdapterFormat): void {
  const options = fixtureOptions(format);
  const cases = [...fixtureCases(format, 'valid'), ...fixtureCases(format, 'invalid')];
  it.each(cases.map((kase) => [`${kase.kind}/${kase.name}`, kase] as const))(
    'should match the golden outcome of %s',
    (_name, kase) => {
      const result = normalise(format, kase.input, options);
      const { outcome, parseIssues } = outcomeOf(result, kase, partFilesOf(format, kase));
      expect(outcome).toEqual(kase.expected);
      expect(parseIssues).toEqual([]);
    },
  );
}
