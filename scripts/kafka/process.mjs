// Starting and stopping the broker JVM so that it can never outlive the Node process that owns
// it, even if that process is SIGKILLed (a crashed Jest run must not leave a broker holding
// ports and CPU on a 2-core machine).
//
// How: Java is launched by a small bash watchdog that polls the owner's pid once a second and
// shuts the JVM down (SIGTERM, then SIGKILL after 20 s) when the owner is gone. The owner is
// recorded as pid + kernel start time, so a recycled pid does not count as alive. On Linux the
// JVM additionally gets a parent-death signal (setpriv --pdeathsig), so killing the watchdog
// itself also takes the JVM down. The owner is an explicit pid rather than "my parent" because
// a broker restarted from a Jest worker must live as long as the Jest main process, not the
// worker.

import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './cache.mjs';

const WATCHDOG = fileURLToPath(new URL('./watchdog.sh', import.meta.url));

/** The kernel start time of a process (field 22 of /proc/<pid>/stat), or '' off Linux. */
export function processStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** True when the process no longer exists or is a zombie waiting to be reaped. */
export function processGone(pid) {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).startsWith('Z');
  } catch {
    return false; // no /proc (macOS): kill(0) already said it exists
  }
}

/** Owner is alive if the pid exists and, where we can tell, is the same process as recorded. */
export function ownerAlive(ownerPid, ownerStartTime) {
  if (processGone(ownerPid)) return false;
  return (
    !ownerStartTime || !processStartTime(ownerPid) || processStartTime(ownerPid) === ownerStartTime
  );
}

let setprivAvailable;
function hasSetpriv() {
  setprivAvailable ??= spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;
  return setprivAvailable;
}

export function javaBinary() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Launches `java <javaArgs>` under the watchdog, in its own process group (so a Ctrl-C in the
 * terminal reaches only Node, which then stops the broker in order) and detached from our event
 * loop. JVM stdout/stderr are appended to `outFile`. If the owner dies, the watchdog also
 * deletes `cleanupDir` (pass '' to keep it). Resolves to { pid, watchdogPid }.
 */
export async function launchJvm({
  javaArgs,
  ownerPid,
  ownerStartTime,
  pidFile,
  outFile,
  cleanupDir = '',
}) {
  await fs.rm(pidFile, { force: true });
  const command = hasSetpriv()
    ? ['setpriv', '--pdeathsig', 'TERM', javaBinary(), ...javaArgs]
    : [javaBinary(), ...javaArgs];
  const out = openSync(outFile, 'a');
  let child;
  try {
    child = spawn(
      'bash',
      [WATCHDOG, String(ownerPid), ownerStartTime || '', pidFile, cleanupDir, ...command],
      { detached: true, stdio: ['ignore', out, out] },
    );
  } finally {
    closeSync(out);
  }
  child.unref();
  const pid = await readPidFile(pidFile, child);
  return { pid, watchdogPid: child.pid };
}

async function readPidFile(pidFile, child) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      const pid = Number.parseInt(await fs.readFile(pidFile, 'utf8'), 10);
      if (pid) return pid;
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    if (child.exitCode !== null) throw new Error(`watchdog exited early (code ${child.exitCode})`);
    await sleep(20);
  }
  throw new Error('the Kafka watchdog did not report the JVM pid within 10 s');
}

/**
 * Stops a JVM we launched, from any process: SIGTERM lets Kafka shut down cleanly (flush,
 * close the logs) so a restart reuses the data without recovery; SIGKILL if it hangs.
 */
export async function stopJvm({ pid, watchdogPid, timeoutMs = 20_000 }) {
  if (!processGone(pid)) {
    signal(pid, 'SIGTERM');
    if (!(await waitGone(pid, timeoutMs))) {
      signal(pid, 'SIGKILL');
      if (!(await waitGone(pid, 5_000))) throw new Error(`Kafka JVM ${pid} survived SIGKILL`);
    }
  }
  // The watchdog notices within a second; waiting keeps "stop" meaning "nothing left running".
  if (watchdogPid && !(await waitGone(watchdogPid, 3_000))) signal(watchdogPid, 'SIGKILL');
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

async function waitGone(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!processGone(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
