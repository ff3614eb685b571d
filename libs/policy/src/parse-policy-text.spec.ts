import { PolicyError, PolicyErrorCode, PolicyIssueCode } from './policy.error';
import { parsePolicyText, type PolicyTextFormat } from './parse-policy-text';

function failure(text: string, format: PolicyTextFormat): PolicyError {
  try {
    parsePolicyText(text, format);
  } catch (error) {
    return error as PolicyError;
  }
  throw new Error('expected a PolicyError');
}

describe('parsePolicyText', () => {
  it('should read YAML and JSON into the same data', () => {
    const yaml =
      "metadata: { id: demo, version: '1' }\npurposes:\n  - id: a\n    minConfidence: 0.6\n";
    const json =
      '{"metadata":{"id":"demo","version":"1"},"purposes":[{"id":"a","minConfidence":0.6}]}';
    expect(parsePolicyText(yaml, 'yaml')).toEqual(parsePolicyText(json, 'json'));
  });

  it('should keep YAML dates and unquoted versions as the core schema reads them', () => {
    expect(parsePolicyText('date: 2026-03-01\nversion: 1\nflag: yes\n', 'yaml')).toEqual({
      date: '2026-03-01',
      version: 1,
      flag: 'yes',
    });
  });

  it.each<[string, string, PolicyTextFormat, PolicyIssueCode]>([
    ['malformed YAML', 'purposes: [a, b\n', 'yaml', PolicyIssueCode.Syntax],
    ['malformed JSON', '{"purposes": [}', 'json', PolicyIssueCode.Syntax],
    ['a duplicate YAML key', 'kind: Policy\nkind: Other\n', 'yaml', PolicyIssueCode.DuplicateKey],
    [
      'a duplicate JSON key',
      '{"kind":"Policy","kind":"Other"}',
      'json',
      PolicyIssueCode.DuplicateKey,
    ],
  ])('should reject %s', (_name, text, format, code) => {
    const error = failure(text, format);
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.code).toBe(PolicyErrorCode.Unparsable);
    expect(error.issues.map((i) => i.code)).toEqual([code]);
    expect(error.issues[0].path).toBe('');
  });

  it('should say where a YAML duplicate is', () => {
    expect(failure('a: 1\nb: 2\na: 3\n', 'yaml').issues[0].en).toMatch(/line 3/);
  });

  it('should stop an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ].join('\n');
    const { issues } = failure(bomb, 'yaml');
    expect(issues.map((i) => i.code)).toEqual([PolicyIssueCode.Syntax]);
    expect(issues[0].en).toMatch(/alias/);
  });
});
