// Lifecycle of a throwaway single-node KRaft broker: start, stop, restart in place.
//
// Everything needed to stop or restart the broker is kept in a JSON state file inside the
// broker's temp directory, so a different process (e.g. a Jest worker testing reconnection)
// can restart the very same broker: same ports, same data, same owner.

import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fetchKafka, kafkaVersion } from './cache.mjs';
import { randomClusterId, renderLogConfig, renderServerProperties } from './config.mjs';
import {
  javaBinary,
  launchJvm,
  ownerAlive,
  processGone,
  processStartTime,
  stopJvm,
} from './process.mjs';
import { waitUntilReady } from './probe.mjs';

const execFileAsync = promisify(execFile);
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 120_000;
const JVM_OPTIONS = [
  '-Xms256m',
  '-Xmx768m',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-Djava.awt.headless=true',
];

/** Extra JVM flags from $TAMIZ_KAFKA_JVM_OPTS (space-separated), appended so they win. */
function extraJvmOptions() {
  return (process.env.TAMIZ_KAFKA_JVM_OPTS ?? '').split(/\s+/).filter(Boolean);
}

const log = (message) => process.stderr.write(`[local-kafka] ${message}\n`);

/**
 * Fetches Kafka if needed, formats a fresh KRaft log directory under os.tmpdir() and starts a
 * broker on free loopback ports. The broker dies with this process at the latest.
 */
export async function startLocalKafka({
  version,
  keepDir = false,
  timeoutMs = READY_TIMEOUT_MS,
} = {}) {
  const { version: v, classpath } = await fetchKafka({ version });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tamiz-kafka-'));
  const stateFile = path.join(dir, 'state.json');
  try {
    const state = await prepareBrokerDir({ dir, version: v, classpath, keepDir });
    await formatStorage(state);
    await launchAndWait(state, stateFile, timeoutMs);
    return handleFor(state, stateFile, keepDir);
  } catch (err) {
    // launchAndWait already stopped a JVM that failed to become ready; this covers the rest.
    await stopBroker(stateFile, { removeDir: false }).catch(() => {});
    if (!keepDir) await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Stops the broker described by `stateFile` (from any process) and optionally deletes its data. */
export async function stopBroker(stateFile, { removeDir = true } = {}) {
  const state = await readState(stateFile).catch((err) => {
    if (err.code === 'ENOENT') return null; // already stopped and removed
    throw err;
  });
  if (!state) return;
  const started = Date.now();
  const wasRunning = !processGone(state.pid);
  await stopJvm(state);
  if (wasRunning) log(`stopped Kafka on ${state.brokers} in ${elapsed(started)}`);
  if (removeDir) {
    await fs.rm(state.dir, { recursive: true, force: true });
  } else {
    await writeState(stateFile, { ...state, pid: null, watchdogPid: null });
  }
}

/**
 * Stops the JVM and starts it again on the same ports and data directory, then waits until it
 * serves clients. Callable from another process than the one that started the broker; the new
 * JVM stays tied to the original owner, so the owner's teardown still cleans it up.
 */
export async function restartBroker(stateFile, { timeoutMs = READY_TIMEOUT_MS } = {}) {
  const state = await readState(stateFile);
  if (!ownerAlive(state.ownerPid, state.ownerStartTime)) {
    throw new Error(`cannot restart Kafka: its owner process ${state.ownerPid} has exited`);
  }
  await stopJvm(state);
  await launchAndWait(state, stateFile, timeoutMs);
  return { brokers: state.brokers, pid: state.pid };
}

export async function readState(stateFile) {
  return JSON.parse(await fs.readFile(stateFile, 'utf8'));
}

/** Write-then-rename so a concurrent reader never sees a half-written file. */
async function writeState(stateFile, state) {
  const tmp = `${stateFile}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await fs.rename(tmp, stateFile);
}

async function prepareBrokerDir({ dir, version, classpath, keepDir }) {
  const [port, controllerPort] = await freePorts(2);
  const dataDir = path.join(dir, 'data');
  const logsDir = path.join(dir, 'logs');
  await Promise.all([fs.mkdir(dataDir), fs.mkdir(logsDir)]);

  const propertiesFile = path.join(dir, 'server.properties');
  await fs.writeFile(
    propertiesFile,
    renderServerProperties({ version, host: HOST, port, controllerPort, dataDir }),
  );
  const logConfig = renderLogConfig(version);
  const logConfigFile = path.join(dir, logConfig.fileName);
  await fs.writeFile(logConfigFile, logConfig.text);

  const jvmOptions = [
    ...JVM_OPTIONS,
    ...extraJvmOptions(),
    `-Dkafka.logs.dir=${logsDir}`,
    `-D${logConfig.systemProperty}=${logConfig.asValue(logConfigFile)}`,
  ];
  return {
    version,
    host: HOST,
    port,
    controllerPort,
    brokers: `${HOST}:${port}`,
    dir,
    dataDir,
    logsDir,
    propertiesFile,
    classpath,
    java: javaBinary(),
    jvmOptions,
    javaArgs: [...jvmOptions, '-cp', classpath, 'kafka.Kafka', propertiesFile],
    keepDir,
    ownerPid: process.pid,
    ownerStartTime: processStartTime(process.pid),
    pid: null,
    watchdogPid: null,
  };
}

/** Writes meta.properties with a fresh cluster id: KRaft refuses to start on an unformatted dir. */
async function formatStorage(state) {
  const args = [
    ...state.jvmOptions.filter((o) => !o.startsWith('-Xm')),
    '-cp',
    state.classpath,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    randomClusterId(),
    '-c',
    state.propertiesFile,
  ];
  try {
    await execFileAsync(state.java, args, { maxBuffer: 4 * 1024 * 1024 });
  } catch (err) {
    throw new Error(
      `kafka-storage format failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`,
    );
  }
}

async function launchAndWait(state, stateFile, timeoutMs) {
  const started = Date.now();
  const { pid, watchdogPid } = await launchJvm({
    javaArgs: state.javaArgs,
    ownerPid: state.ownerPid,
    ownerStartTime: state.ownerStartTime,
    pidFile: path.join(state.dir, 'kafka.pid'),
    outFile: path.join(state.logsDir, 'kafkaServer.out'),
    cleanupDir: state.keepDir ? '' : state.dir,
  });
  Object.assign(state, { pid, watchdogPid });
  await writeState(stateFile, state);
  try {
    await waitUntilReady({
      host: state.host,
      port: state.port,
      timeoutMs,
      checkAlive: () => {
        if (processGone(pid)) throw new Error(`Kafka JVM (pid ${pid}) exited during startup`);
      },
    });
  } catch (err) {
    const tail = await logTail(state);
    await stopJvm(state).catch(() => {});
    throw new Error(`${err.message}\n--- broker log (${state.logsDir}) ---\n${tail}`);
  }
  log(
    `Kafka ${state.version} ready on ${state.brokers} in ${elapsed(started)} (pid ${pid}, dir ${state.dir})`,
  );
}

function handleFor(state, stateFile, keepDir) {
  return {
    brokers: state.brokers,
    host: state.host,
    port: state.port,
    version: state.version,
    stateFile,
    dir: state.dir,
    stop: ({ removeDir = !keepDir } = {}) => stopBroker(stateFile, { removeDir }),
    restart: (options) => restartBroker(stateFile, options),
  };
}

/**
 * Last lines of the server log and of the JVM's own output, for startup error messages.
 * Kafka dumps its whole configuration (tab-indented lines) at startup; that is left out so the
 * tail shows what actually happened.
 */
async function logTail(state, lines = 40) {
  const parts = [];
  for (const name of ['server.log', 'kafkaServer.out']) {
    const text = await fs.readFile(path.join(state.logsDir, name), 'utf8').catch(() => '');
    const kept = text.split('\n').filter((line) => line.trim() && !line.startsWith('\t'));
    if (kept.length > 0) parts.push(`[${name}]\n${kept.slice(-lines).join('\n')}`);
  }
  return parts.join('\n') || '(no log output)';
}

/**
 * Asks the OS for free loopback ports. All servers are held open until every port is known,
 * so the ports are distinct; the small race until Kafka binds them is acceptable for dev/tests.
 */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, HOST, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

export { fetchKafka, kafkaVersion };
