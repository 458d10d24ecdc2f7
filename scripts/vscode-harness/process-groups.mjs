// Every process the harness starts leads its own process group (spawn with detached: true), and
// is recorded here by that group id. Cleanup signals exactly those groups - never a name pattern,
// never the runner's own group - so whatever a server or browser forked dies with it.
import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/** @type {Set<number>} process group ids we own and have not yet reaped */
const groups = new Set();

/** Spawns `command` as the leader of a new process group and records the group. */
export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  groups.add(child.pid);
  return child;
}

/** Records a group started by someone else on our behalf (Playwright starts chromium detached). */
export function adoptGroup(pgid) {
  if (Number.isInteger(pgid) && pgid > 1) groups.add(pgid);
}

function groupExists(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

/** SIGTERM the group, give it `graceMs` to exit, then SIGKILL whatever is left. */
export async function killGroup(pgid, graceMs = 3000) {
  if (!groups.has(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupExists(pgid) && Date.now() < deadline) await delay(50);
  if (groupExists(pgid)) {
    if (process.env.VSCODE_TEST_VERBOSE === '1') console.error(`[vscode-tests] process group ${pgid} ignored SIGTERM for ${graceMs} ms: SIGKILL`);
    signalGroup(pgid, 'SIGKILL');
  }
  groups.delete(pgid);
}

/** Kills every recorded group, newest first. */
export async function killAllGroups() {
  for (const pgid of [...groups].reverse()) await killGroup(pgid);
}

/** Synchronous last resort for process 'exit': SIGKILL every group still recorded. */
export function killAllGroupsNow() {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  groups.clear();
}

/** Groups still recorded (for the final "nothing left running" check). */
export function liveGroups() {
  return [...groups].filter(groupExists);
}

/**
 * Makes sure our groups die with this process: SIGKILL on 'exit', and `onSignal(signal)` (which
 * should stop things gracefully and exit) on SIGINT, SIGTERM and SIGHUP.
 */
export function killGroupsOnExit(onSignal) {
  process.on('exit', killAllGroupsNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
}
