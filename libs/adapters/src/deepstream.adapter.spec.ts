import { AdapterFormat, normalise } from '@lib/adapters';
import { fixtureCases, fixtureOptions, outcomeOf, partFilesOf } from '../test/fixture-cases';

const FORMAT = AdapterFormat.DeepStream;
const options = fixtureOptions(FORMAT);
const cases = [...fixtureCases(FORMAT, 'valid'), ...fixtureCases(FORMAT, 'invalid')];

describe('normalise (deepstream)', () => {
  it.each(cases.map((kase) => [`${kase.kind}/${kase.name}`, kase] as const))(
    'should match the golden outcome of %s',
    (_name, kase) => {
      const result = normalise(FORMAT, kase.input, options);
      const { outcome, parseIssues } = outcomeOf(result, kase, partFilesOf(FORMAT, kase));
      expect(outcome).toEqual(kase.expected);
      expect(parseIssues).toEqual([]);
    },
  );

  it('should give each object of a minimal frame its own stable id', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'minimal-frame');
    const ids = [1, 2].flatMap(() => {
      const result = normalise(FORMAT, kase.input, options);
      return result.ok ? result.items.map((item) => item.event.id) : ['failed'];
    });
    expect(ids).toHaveLength(4);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.slice(2)).toEqual(ids.slice(0, 2));
  });

  it('should never copy the re-identification signature into the event', () => {
    const [kase] = fixtureCases(FORMAT, 'valid').filter((c) => c.name === 'full-vehicle-parked');
    const result = normalise(FORMAT, kase.input, options);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('0.33');
    expect(result.ok && result.items[0].notes).toEqual(['embedding-dropped']);
  });
});
