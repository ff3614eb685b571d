/**
 * Writes the adapter's current output as the expected outcome of valid fixtures that have none
 * yet (or all of them with --force). Review every blessed file: a golden is only as good as
 * the reading it got. Run: npm run adapters:bless -- [format] [--force]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTER_FORMATS, normalise } from '../src';
import { FIXTURES, fixtureCases, fixtureOptions } from '../test/fixture-cases';

const force = process.argv.includes('--force');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const formats = ADAPTER_FORMATS.filter((f) => only.length === 0 || only.includes(f));

for (const format of formats) {
  for (const kase of fixtureCases(format, 'valid')) {
    const file = join(FIXTURES, format, 'valid', `${kase.name}.case.json`);
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (spec.expected !== undefined && !force) {
      continue;
    }
    const result = normalise(format, kase.input, fixtureOptions(format));
    const parts = (spec.parts ?? []) as Array<{ file: string }>;
    spec.expected = result.ok
      ? {
          ...result,
          items: result.items.map((item) => ({
            ...item,
            image:
              item.image === undefined
                ? undefined
                : {
                    file: parts[
                      kase.input.parts?.findIndex((p) => p.bytes === item.image?.bytes) ?? -1
                    ]?.file,
                    contentType: item.image.contentType,
                  },
          })),
        }
      : result;
    writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
    process.stdout.write(`${format}/${kase.name}: ${result.ok ? 'ok' : 'NOT OK'}\n`);
  }
}
