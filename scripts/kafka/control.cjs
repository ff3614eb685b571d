// CommonJS entry for test code that cannot import ESM: Jest running CommonJS/ts-jest tests
// rejects `import()` unless Node runs with --experimental-vm-modules, and Node 20 cannot
// require() an ES module. So these helpers run the CLI (scripts/local-kafka.mjs) in a child
// process, which works from any Jest worker.
//
//   const { restartBroker } = require('../../scripts/kafka/control.cjs');
//   await restartBroker(process.env.TAMIZ_KAFKA_STATE);

'use strict';

const { execFile } = require('node:child_process');
const path = require('node:path');

const CLI = path.join(__dirname, '..', 'local-kafka.mjs');

function runCli(args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], (err, stdout, stderr) => {
      if (err) reject(new Error(`local-kafka ${args[0]} failed: ${stderr.trim() || err.message}`));
      else resolve();
    });
  });
}

/** Restarts the broker in place (same port and data) and resolves once it serves clients. */
function restartBroker(stateFile = process.env.TAMIZ_KAFKA_STATE) {
  if (!stateFile) return Promise.reject(new Error('no state file: is TAMIZ_KAFKA_STATE set?'));
  return runCli(['restart', stateFile]);
}

/** Stops the broker; with { removeDir: false } its data directory is kept. */
function stopBroker(stateFile = process.env.TAMIZ_KAFKA_STATE, { removeDir = true } = {}) {
  if (!stateFile) return Promise.reject(new Error('no state file: is TAMIZ_KAFKA_STATE set?'));
  return runCli(removeDir ? ['stop', stateFile] : ['stop', stateFile, '--keep']);
}

module.exports = { restartBroker, stopBroker };
