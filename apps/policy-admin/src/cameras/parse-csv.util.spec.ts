import { parseCsv } from './parse-csv.util';

describe(parseCsv.name, () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"x, y","say ""hi"""\n', [['x, y', 'say "hi"']]],
    ['"two\nlines",z', [['two\nlines', 'z']]],
    ['a,,c', [['a', '', 'c']]],
  ])('should read %j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('should refuse an unterminated quote', () => {
    expect(() => parseCsv('"open,1\n')).toThrow('unterminated quoted field');
  });
});
