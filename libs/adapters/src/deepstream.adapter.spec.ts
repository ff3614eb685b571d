import { AdapterFormat, normalise } from '@lib/adapters';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';
import { itMatchesGoldenFixtures } from '../test/golden-fixtures.spec-helper';

const FORMAT = AdapterFormat.DeepStream;
const options = fixtureOptions(FORMAT);

describe('normalise (deepstream)', () => {
  itMatchesGoldenFixtures(FORMAT);

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
