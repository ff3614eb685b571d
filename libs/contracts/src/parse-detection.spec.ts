import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationIssueCode, type ValidationIssue } from './dead-letter';
import { parseDetection } from './parse-detection';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');
const MAX_BYTES = 64 * 1024;

interface ExpectedIssue {
  code: ValidationIssueCode;
  path: string;
  message?: string;
}

function fixtureNames(dir: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function fixtureBytes(dir: 'valid' | 'invalid', name: string): Buffer {
  return readFileSync(join(FIXTURES, dir, `${name}.json`));
}

function expectedIssues(name: string): ExpectedIssue[] {
  const file = join(FIXTURES, 'invalid', `${name}.expected.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { issues: ExpectedIssue[] }).issues;
}

const byPathThenCode = (a: { path: string; code: string }, b: { path: string; code: string }) =>
  a.path.localeCompare(b.path) || a.code.localeCompare(b.code);

/** Each issue reduced to the fields its expectation names, sorted: order is not the contract. */
function comparable(actual: ValidationIssue[], expected: ExpectedIssue[]): unknown[] {
  const sortedExpected = [...expected].sort(byPathThenCode);
  return [...actual]
    .sort(byPathThenCode)
    .map((issue, index) =>
      sortedExpected[index]?.message === undefined
        ? { code: issue.code, path: issue.path }
        : { code: issue.code, path: issue.path, message: issue.message },
    );
}

function located(issues: ValidationIssue[]): Array<{ path: string; code: string }> {
  return issues.map(({ path, code }) => ({ path, code }));
}

function issuesOf(bytes: Buffer, maxBytes = MAX_BYTES): ValidationIssue[] {
  const result = parseDetection(bytes, { maxBytes });
  return result.ok ? [] : result.issues;
}

describe('parseDetection', () => {
  describe('golden fixtures', () => {
    it('should have at least 6 valid and 10 invalid fixtures, each invalid one with expectations', () => {
      const invalid = fixtureNames('invalid');
      const expectations = readdirSync(join(FIXTURES, 'invalid')).filter((f) =>
        f.endsWith('.expected.json'),
      );
      expect(fixtureNames('valid').length).toBeGreaterThanOrEqual(6);
      expect(invalid.length).toBeGreaterThanOrEqual(10);
      expect(expectations.map((f) => f.replace('.expected.json', '')).sort()).toEqual(invalid);
    });

    it.each(fixtureNames('valid'))('should accept valid/%s.json as it is', (name) => {
      const bytes = fixtureBytes('valid', name);
      const result = parseDetection(bytes, { maxBytes: MAX_BYTES });
      expect(result).toEqual({ ok: true, event: JSON.parse(bytes.toString('utf8')) as unknown });
    });

    it.each(fixtureNames('invalid'))(
      'should reject invalid/%s.json with exactly the expected issues',
      (name) => {
        const expected = expectedIssues(name);
        const issues = issuesOf(fixtureBytes('invalid', name));
        expect(comparable(issues, expected)).toEqual([...expected].sort(byPathThenCode));
        expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
      },
    );
  });

  describe('byte-level failures', () => {
    const valid = fixtureBytes('valid', 'lpr-plate');
    const cases: Array<[string, Buffer, ValidationIssueCode]> = [
      [
        'a lone continuation byte',
        Buffer.from([0x7b, 0x80, 0x7d]),
        ValidationIssueCode.InvalidUtf8,
      ],
      [
        'a truncated two-byte sequence',
        Buffer.concat([valid.subarray(0, 40), Buffer.from([0xc3, 0x28]), valid.subarray(40)]),
        ValidationIssueCode.InvalidUtf8,
      ],
      [
        'an overlong encoding of "/"',
        Buffer.from([0x22, 0xc0, 0xaf, 0x22]),
        ValidationIssueCode.InvalidUtf8,
      ],
      [
        'an encoded UTF-16 surrogate',
        Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]),
        ValidationIssueCode.InvalidUtf8,
      ],
      [
        'Latin-1 text',
        Buffer.from('{"zone":"Bre\u00f1a"}', 'latin1'),
        ValidationIssueCode.InvalidUtf8,
      ],
      ['an empty record', Buffer.alloc(0), ValidationIssueCode.InvalidJson],
      ['a truncated event', valid.subarray(0, 200), ValidationIssueCode.InvalidJson],
      ['a trailing comma', Buffer.from('{"a":1,}'), ValidationIssueCode.InvalidJson],
      ['two concatenated events', Buffer.concat([valid, valid]), ValidationIssueCode.InvalidJson],
      ['JavaScript instead of JSON', Buffer.from("{id:'x'}"), ValidationIssueCode.InvalidJson],
    ];

    it.each(cases)('should report %s as a single issue at the root', (_label, bytes, code) => {
      expect(located(issuesOf(bytes))).toEqual([{ path: '', code }]);
    });

    it('should reject a record one byte over the limit without reading it', () => {
      const bytes = Buffer.concat([valid, Buffer.from(' '.repeat(10))]);
      expect(issuesOf(bytes, bytes.length - 1)).toEqual([
        {
          path: '',
          code: ValidationIssueCode.TooLarge,
          message: `record is ${bytes.length} bytes, over the limit of ${bytes.length - 1}`,
        },
      ]);
    });

    it('should check size before anything else, even for bytes that are not UTF-8', () => {
      expect(issuesOf(Buffer.from([0xff, 0xff, 0xff]), 2)[0].code).toBe(
        ValidationIssueCode.TooLarge,
      );
    });

    it('should accept a record of exactly the limit', () => {
      expect(parseDetection(valid, { maxBytes: valid.length }).ok).toBe(true);
    });

    it('should not echo input into a JSON error message', () => {
      const [issue] = issuesOf(Buffer.from('{"plate": TST451, "zone": "x"}'));
      expect(issue.message).toBe("Unexpected token 'T' is not valid JSON");
      expect(issue.message).not.toContain('TST451');
    });

    it('should keep position information from the parser', () => {
      // Node 22 appends '(line 1 column 7)'
      expect(issuesOf(Buffer.from('{"a":1'))[0].message).toMatch(
        /^Expected ',' or '}' after property value in JSON at position 6\b/,
      );
    });

    it('should call bytes UTF-8 exactly when a fatal TextDecoder does', () => {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const decodes = (bytes: Uint8Array) => {
        try {
          decoder.decode(bytes);
          return true;
        } catch {
          return false;
        }
      };
      // raw bytes, and valid text with a few bytes flipped (near misses of real UTF-8)
      const nearMiss = fc
        .tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), fc.integer({ min: 0x80 }))
        .map(([text, at, byte]) => {
          const bytes = Buffer.from(text, 'utf8');
          if (bytes.length > 0) {
            bytes[at % bytes.length] = byte & 0xff;
          }
          return bytes;
        });
      fc.assert(
        fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), nearMiss), (bytes) => {
          const invalidUtf8 = issuesOf(Buffer.from(bytes)).some(
            (issue) => issue.code === ValidationIssueCode.InvalidUtf8,
          );
          return invalidUtf8 === !decodes(bytes);
        }),
        { numRuns: 2000 },
      );
    });

    it('should accept a UTF-8 byte order mark, which the decoder strips', () => {
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), valid]);
      expect(parseDetection(withBom, { maxBytes: MAX_BYTES }).ok).toBe(true);
    });
  });

  describe('hostile structure', () => {
    const event = JSON.parse(fixtureBytes('valid', 'minimal').toString('utf8')) as Record<
      string,
      unknown
    >;

    it('should survive nesting far deeper than any stack', () => {
      const depth = 100_000;
      const text = `{"x":${'['.repeat(depth)}"prototype"${']'.repeat(depth)}}`;
      const paths = issuesOf(Buffer.from(text), 1_000_000).map((issue) => issue.path);
      expect(paths).toEqual(['/specversion', '/id', '/source', '/type', '/time', '/data', '/x']);
    });

    it('should accept escaped text and forbidden words in values, which pass the pre-check', () => {
      const data = { ...(event.data as object), zone: 'Breña – prototype constructor __proto__' };
      // Python's json.dumps escapes every non-ASCII character: "Bre\u00f1a \u2013 ..."
      const text = JSON.stringify({ ...event, data }).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      expect(text).toContain('Bre\\u00f1a');
      expect(parseDetection(Buffer.from(text), { maxBytes: MAX_BYTES })).toEqual({
        ok: true,
        event: { ...event, data },
      });
    });

    it('should cap the issue list so a dead letter stays within the DLQ message limit', () => {
      const extensions = Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [`ext${i}`, { nested: i }]),
      );
      const issues = issuesOf(Buffer.from(JSON.stringify({ ...event, ...extensions })));
      expect(issues).toHaveLength(50);
      expect(issues[49]).toEqual({
        path: '',
        code: ValidationIssueCode.Schema,
        message: '451 more issues not listed',
      });
    });

    it('should escape keys in paths (RFC 6901) and bound overlong ones', () => {
      const long = 'k'.repeat(10_000);
      const bytes = Buffer.from(JSON.stringify({ ...event, 'a/b~c': 1, [long]: 1 }));
      const paths = issuesOf(bytes).map((issue) => issue.path);
      expect(paths).toContain('/a~1b~0c');
      expect(paths).toContain(`/${'k'.repeat(64)}…`);
    });

    it('should bound paths that Ajv builds from overlong keys', () => {
      const long = 'g'.repeat(10_000);
      const data = { ...(event.data as object), attributes: { [long]: 'not an object' } };
      const issues = issuesOf(Buffer.from(JSON.stringify({ ...event, data })));
      expect(issues.map((issue) => issue.path.length)).toEqual([
        `/data/attributes/${'g'.repeat(64)}…`.length,
        513,
      ]);
    });

    it('should never throw, whatever the bytes', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 256 }), (raw) => {
          const result = parseDetection(Buffer.from(raw), { maxBytes: 128 });
          expect(result.ok).toBe(false);
        }),
        { numRuns: 500 },
      );
    });

    it('should never throw on any JSON value', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const result = parseDetection(Buffer.from(JSON.stringify(value) ?? 'null'), {
            maxBytes: MAX_BYTES,
          });
          expect(result.ok).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  });
});
