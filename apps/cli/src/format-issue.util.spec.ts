import { formatIssue } from './format-issue.util';

describe(formatIssue.name, () => {
  it.each([
    ['/purposes/0/fields/geo.alt', '/purposes/0/fields/geo.alt — es / en'],
    ['', '/ — es / en'],
  ])('should print %p as "path — es / en"', (path, line) => {
    expect(formatIssue({ path, es: 'es', en: 'en' })).toBe(line);
  });
});
