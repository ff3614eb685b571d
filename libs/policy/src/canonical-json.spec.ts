import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['a boolean', true, 'true'],
    ['an integer', 42, '42'],
    ['a fraction', 0.1, '0.1'],
    ['negative zero as zero', -0, '0'],
    ['an exponent', 1e21, '1e+21'],
    ['a string with escapes', 'a"b\\c\n', '"a\\"b\\\\c\\n"'],
    ['non-ASCII text as is', 'Señal «ñ»', '"Señal «ñ»"'],
    ['an array in its order', [3, 1, 2], '[3,1,2]'],
    ['keys sorted', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    [
      'nested keys sorted',
      { z: { y: 1, x: [{ b: 1, a: 2 }] } },
      '{"z":{"x":[{"a":2,"b":1}],"y":1}}',
    ],
    ['keys by UTF-16 code unit', { é: 1, z: 2, A: 3 }, '{"A":3,"z":2,"é":1}'],
    ['undefined members left out', { a: undefined, b: 1 }, '{"b":1}'],
    ['an empty object', {}, '{}'],
  ])('should write %s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('should give the same text whatever the key order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(
      canonicalJson({ b: { d: 3, c: 2 }, a: 1 }),
    );
  });

  it.each<[string, unknown]>([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined', undefined],
    ['undefined in an array', [undefined]],
    ['a function', () => 1],
    ['a bigint', BigInt(1)],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
  ])('should refuse %s, which JSON cannot hold', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
