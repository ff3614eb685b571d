import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AdapterFormat,
  AdapterInput,
  AdapterOptions,
  AdapterResult,
  ResolvedCamera,
} from '@lib/adapters';
import { parseDetection } from '@lib/contracts';

/**
 * Golden fixtures: `fixtures/<format>/{valid,invalid}/<case>.payload.<ext>` holds the exact
 * bytes a camera sends; `<case>.case.json` names the channel, any extra parts and the expected
 * outcome (canonical items, or issue paths and codes). `fixtures/<format>/options.json` holds
 * the adapter options, with `cameras` as a lookup table for `resolveCamera`.
 */
export const FIXTURES = join(__dirname, 'fixtures');

export interface FixtureCase {
  name: string;
  kind: 'valid' | 'invalid';
  input: AdapterInput;
  expected: ExpectedOutcome;
}

export type ExpectedOutcome =
  | { ok: true; items: ExpectedItem[]; ignored?: string }
  | { ok: false; issues: Array<{ path: string; code: string }> };

export interface ExpectedItem {
  event: unknown;
  image?: { file: string; contentType: string };
  notes?: string[];
}

interface CaseFile {
  channel: string;
  parts?: Array<{ name?: string; filename?: string; contentType: string; file: string }>;
  expected: ExpectedOutcome;
}

interface OptionsFile extends Omit<AdapterOptions, 'resolveCamera'> {
  cameras?: Record<string, ResolvedCamera>;
}

export function fixtureOptions(format: AdapterFormat, root = FIXTURES): AdapterOptions {
  const file = JSON.parse(readFileSync(join(root, format, 'options.json'), 'utf8')) as OptionsFile;
  const { cameras, ...options } = file;
  return {
    ...options,
    resolveCamera: (ref) =>
      cameras?.[ref.channel === undefined ? ref.deviceId : `${ref.deviceId}:${ref.channel}`],
  };
}

export function fixtureCases(
  format: AdapterFormat,
  kind: 'valid' | 'invalid',
  root = FIXTURES,
): FixtureCase[] {
  const dir = join(root, format, kind);
  const files = readdirSync(dir);
  return files
    .filter((file) => file.endsWith('.case.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.case.json'.length);
      const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CaseFile;
      const payloadFile = files.find((f) => f.startsWith(`${name}.payload.`));
      if (payloadFile === undefined) {
        throw new Error(`fixture ${format}/${kind}/${name} has no payload file`);
      }
      return {
        name,
        kind,
        input: {
          channel: spec.channel,
          payload: readFileSync(join(dir, payloadFile)),
          parts: spec.parts?.map((part) => ({
            name: part.name,
            filename: part.filename,
            contentType: part.contentType,
            bytes: readFileSync(join(dir, part.file)),
          })),
        },
        expected: spec.expected,
      };
    });
}

export function fixtureBytes(format: AdapterFormat, kind: string, file: string): Buffer {
  return readFileSync(join(FIXTURES, format, kind, file));
}

/** The adapter's outcome in the shape of the expected file, plus every event re-parsed. */
export function outcomeOf(
  result: AdapterResult,
  kase: FixtureCase,
  partFiles: readonly string[],
): { outcome: ExpectedOutcome; parseIssues: unknown[] } {
  if (!result.ok) {
    return {
      outcome: { ok: false, issues: result.issues.map(({ path, code }) => ({ path, code })) },
      parseIssues: [],
    };
  }
  const parseIssues = result.items.flatMap((item) => {
    const parsed = parseDetection(Buffer.from(JSON.stringify(item.event)), { maxBytes: 1 << 20 });
    return parsed.ok ? [] : parsed.issues;
  });
  const items = result.items.map((item) => {
    const index = kase.input.parts?.findIndex((part) => part.bytes === item.image?.bytes) ?? -1;
    return JSON.parse(
      JSON.stringify({
        ...item,
        image:
          item.image === undefined
            ? undefined
            : { file: partFiles[index], contentType: item.image.contentType },
      }),
    ) as ExpectedItem;
  });
  return {
    outcome: JSON.parse(JSON.stringify({ ...result, items })) as ExpectedOutcome,
    parseIssues,
  };
}

export function partFilesOf(format: AdapterFormat, kase: FixtureCase): string[] {
  const spec = JSON.parse(
    readFileSync(join(FIXTURES, format, kase.kind, `${kase.name}.case.json`), 'utf8'),
  ) as CaseFile;
  return (spec.parts ?? []).map((part) => part.file);
}
