#!/usr/bin/env node
/**
 * Runs TypeScript scripts with jiti and the repository's path aliases (`@lib/*` from
 * tsconfig.json), one after the other: `node scripts/run-ts.mjs a.ts b.ts [args…]`; every argument
 * that is not a `.ts` file is passed to each script.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.json'), 'utf8'));
const alias = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, resolve(root, target)]),
);
const jiti = createJiti(import.meta.url, { alias });
const [node, , ...args] = process.argv;
const scripts = args.filter((arg) => arg.endsWith('.ts'));
const rest = args.filter((arg) => !arg.endsWith('.ts'));
for (const script of scripts) {
  const path = resolve(process.cwd(), script);
  // each script sees itself as the entry point, followed by the arguments that are not scripts
  process.argv = [node, path, ...rest];
  await jiti.import(path);
}
