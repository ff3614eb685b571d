#!/usr/bin/env node
import { runCli } from './cli.service';

/** `tamiz`: the policy command line. Composition root; everything it does lives in runCli. */
runCli({
  argv: process.argv.slice(2),
  env: process.env,
  output: {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error interno / internal error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
