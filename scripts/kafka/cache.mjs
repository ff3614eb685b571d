// Downloads Apache Kafka's jars (and their runtime dependencies) from Maven Central into a
// per-version cache outside the repository, using the machine's `mvn`. We go through Maven
// rather than the Apache download mirrors because Maven Central is the one artefact host that
// developers' machines and CI can always reach.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * kafkajs 2.2.4 (our client) predates Kafka 4, which removed old protocol versions (KIP-896).
 * 4.1.1 passed our smoke checks too, but 3.9.x is the pairing kafkajs was built against.
 */
export const DEFAULT_KAFKA_VERSION = '3.9.1';

/** Pinned so a newer plugin can never change how the cache is laid out. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const MARKER = '.complete';
const LOCK_STALE_MS = 15 * 60 * 1000;

/** The requested version (option, then $TAMIZ_KAFKA_VERSION, then the default), checked. */
export function kafkaVersion(version) {
  const v = version || process.env.TAMIZ_KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  // It becomes part of a path and of a pom.xml: accept plain release numbers only.
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`not a Kafka release version: ${v}`);
  return v;
}

/** Root of all cached versions: $TAMIZ_KAFKA_CACHE, else ~/.cache/tamiz. */
export function cacheRoot() {
  return process.env.TAMIZ_KAFKA_CACHE || path.join(os.homedir(), '.cache', 'tamiz');
}

export function cacheDirFor(version) {
  return path.join(cacheRoot(), `kafka-${version}`);
}

/** A java classpath wildcard: the JVM expands `dir/*` itself, which keeps argv short. */
export function classpathFor(cacheDir) {
  return path.join(cacheDir, 'libs', '*');
}

/**
 * Makes sure the jars for `version` are cached and returns where they are.
 * Safe to call from several processes at once: one downloads (under a lock file) into a
 * private directory that is renamed into place only when complete.
 */
export async function fetchKafka({ version, log = defaultLog } = {}) {
  const v = kafkaVersion(version);
  const cacheDir = cacheDirFor(v);
  if (await isComplete(cacheDir))
    return { version: v, cacheDir, classpath: classpathFor(cacheDir) };

  await fs.mkdir(cacheRoot(), { recursive: true });
  const lockFile = `${cacheDir}.lock`;
  await withLock(lockFile, log, async () => {
    // Another process may have finished while we waited for the lock.
    if (await isComplete(cacheDir)) return;
    await discardIncomplete(cacheDir);
    const started = Date.now();
    log(
      `[local-kafka] fetching org.apache.kafka:kafka_2.13:${v} from Maven Central into ${cacheDir}`,
    );
    const workDir = `${cacheDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await downloadInto(workDir, v);
      await fs.writeFile(path.join(workDir, MARKER), `${new Date().toISOString()}\n`);
      await fs.rename(workDir, cacheDir);
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
    log(`[local-kafka] cached Kafka ${v} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  });
  return { version: v, cacheDir, classpath: classpathFor(cacheDir) };
}

async function isComplete(cacheDir) {
  return fileExists(path.join(cacheDir, MARKER));
}

/**
 * Removes a cache directory without its marker (left over from a manual copy) and the private
 * work directories of fetches that were killed midway. Runs under the lock, so none of them
 * can belong to a fetch still in progress.
 */
async function discardIncomplete(cacheDir) {
  if (await fileExists(cacheDir)) {
    const trash = `${cacheDir}.trash-${process.pid}-${randomBytes(4).toString('hex')}`;
    await fs.rename(cacheDir, trash);
  }
  const prefix = path.basename(cacheDir);
  for (const entry of await fs.readdir(path.dirname(cacheDir))) {
    if (entry.startsWith(`${prefix}.tmp-`) || entry.startsWith(`${prefix}.trash-`)) {
      await fs.rm(path.join(path.dirname(cacheDir), entry), { recursive: true, force: true });
    }
  }
}

async function downloadInto(workDir, version) {
  await fs.mkdir(workDir, { recursive: true });
  await fs.writeFile(path.join(workDir, 'pom.xml'), renderPom(version));
  const args = [
    '-q',
    '-B',
    '-f',
    path.join(workDir, 'pom.xml'),
    `${DEPENDENCY_PLUGIN}:copy-dependencies`,
    `-DoutputDirectory=${path.join(workDir, 'libs')}`,
    '-DincludeScope=runtime',
  ];
  try {
    await execFileAsync('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const output = `${err.stdout ?? ''}${err.stderr ?? ''}`
      .trim()
      .split('\n')
      .slice(-30)
      .join('\n');
    throw new Error(`mvn could not fetch Kafka ${version}: ${err.message}\n${output}`);
  }
}

/**
 * Kafka's jars log through slf4j 1.7 but leave the backend to the distribution: log4j 1
 * (reload4j) for 3.x, log4j 2 for 4.x. Adding the same backend lets the broker log to a file
 * we choose instead of printing slf4j's "no binding" warning and losing the server log.
 */
function loggingDependencies(version) {
  if (majorOf(version) >= 4) {
    return [
      ['org.apache.logging.log4j', 'log4j-slf4j-impl', '2.24.3'],
      ['org.apache.logging.log4j', 'log4j-core', '2.24.3'],
    ];
  }
  // reload4j pinned to what Kafka 3.9's own distribution ships (slf4j-reload4j would pull 1.2.19).
  return [
    ['org.slf4j', 'slf4j-reload4j', '1.7.36'],
    ['ch.qos.reload4j', 'reload4j', '1.2.25'],
  ];
}

export function majorOf(version) {
  return Number.parseInt(String(version).split('.')[0], 10);
}

function renderPom(version) {
  const deps = [['org.apache.kafka', 'kafka_2.13', version], ...loggingDependencies(version)]
    .map(
      ([g, a, v]) =>
        `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.tamiz</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
${deps}
  </dependencies>
</project>
`;
}

/**
 * Cross-process mutex built on O_EXCL file creation. A lock whose owner is gone (or that is
 * older than any sane download) is taken over, so a crashed fetch never blocks later runs.
 */
async function withLock(lockFile, log, fn) {
  let announced = false;
  for (;;) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (await lockIsStale(lockFile)) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (!announced) log(`[local-kafka] waiting for another process fetching Kafka (${lockFile})`);
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}

async function lockIsStale(lockFile) {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    const pid = Number.parseInt(text, 10);
    if (Date.now() - stat.mtimeMs > LOCK_STALE_MS) return true;
    // An empty file means its writer is between open() and write(); give it time.
    if (!pid) return Date.now() - stat.mtimeMs > 5000;
    return !pidAlive(pid);
  } catch (err) {
    if (err.code === 'ENOENT') return false; // released meanwhile: just retry
    throw err;
  }
}

export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function fileExists(p) {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function defaultLog(message) {
  process.stderr.write(`${message}\n`);
}
