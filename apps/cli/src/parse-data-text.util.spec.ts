import { dataTextFormat, parseDataText } from './parse-data-text.util';

describe(dataTextFormat.name, () => {
  it.each([
    ['a.json', 'json'],
    ['A.JSON', 'json'],
    ['a.yaml', 'yaml'],
    ['a.yml', 'yaml'],
    ['policy', 'yaml'],
  ])('should read %s as %s', (file, format) => {
    expect(dataTextFormat(file)).toBe(format);
  });
});

describe(parseDataText.name, () => {
  it('should keep RFC 3339 times as strings in YAML', () => {
    expect(parseDataText('at: 2026-03-14T08:00:00Z\n', 'yaml')).toEqual({
      ok: true,
      value: { at: '2026-03-14T08:00:00Z' },
    });
  });

  it('should parse JSON', () => {
    expect(parseDataText('{"a":[1,null]}', 'json')).toEqual({ ok: true, value: { a: [1, null] } });
  });

  it.each([
    ['a duplicate YAML key', 'a: 1\na: 2\n', 'yaml'],
    ['broken YAML', 'a: [1\n', 'yaml'],
    ['broken JSON', '{"a":', 'json'],
  ] as const)('should report %s', (_name, text, format) => {
    expect(parseDataText(text, format)).toMatchObject({ ok: false });
  });
});
