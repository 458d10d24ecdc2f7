import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/** Records every attempt to reach the network (or start a process) while installed. */
export interface NetworkGuard {
  /** One entry per attempt: what was called and with what target. */
  readonly attempts: string[];
  /** Puts every patched function back. */
  restore(): void;
}

type AnyFunction = (...args: unknown[]) => unknown;

function describeTarget(args: unknown[]): string {
  const first = args[0];
  if (typeof first === 'string' || typeof first === 'number') return String(first);
  if (first instanceof URL) return first.href;
  if (first && typeof first === 'object') {
    const o = first as { href?: string; url?: string; host?: string; hostname?: string; port?: unknown; path?: string };
    return o.href ?? o.url ?? `${o.hostname ?? o.host ?? '?'}:${String(o.port ?? '')}${o.path ?? ''}`;
  }
  return '?';
}

/**
 * Replaces every way this process could open a socket, resolve a name or start a process with a
 * function that records the attempt and throws. The record survives code that catches the error,
 * so a test can assert `attempts` is empty. Install it only around the code under test.
 */
export function installNetworkGuard(): NetworkGuard {
  const attempts: string[] = [];
  const restores: Array<() => void> = [];
  const patch = (target: object, key: string, label: string) => {
    const holder = target as Record<string, unknown>;
    const original = holder[key];
    if (typeof original !== 'function') return;
    const denied = function (this: unknown, ...args: unknown[]) {
      attempts.push(`${label}(${describeTarget(args)})`);
      throw new Error(`robustness test: ${label} is not allowed here`);
    };
    // fetch must keep returning a promise so callers see a rejection, not a synchronous throw.
    const replacement = label === 'fetch' ? (...args: unknown[]) => Promise.resolve().then(() => denied(...args)) : denied;
    Object.defineProperty(target, key, { value: replacement, configurable: true, writable: true });
    restores.push(() => Object.defineProperty(target, key, { value: original as AnyFunction, configurable: true, writable: true }));
  };
  patch(net.Socket.prototype, 'connect', 'net.Socket#connect');
  patch(net, 'connect', 'net.connect');
  patch(net, 'createConnection', 'net.createConnection');
  patch(tls, 'connect', 'tls.connect');
  for (const [name, module] of [['http', http], ['https', https]] as const) {
    patch(module, 'request', `${name}.request`);
    patch(module, 'get', `${name}.get`);
  }
  patch(http2, 'connect', 'http2.connect');
  patch(dgram, 'createSocket', 'dgram.createSocket');
  for (const key of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) patch(dns, key, `dns.${key}`);
  for (const key of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) patch(dns.promises, key, `dns.promises.${key}`);
  patch(globalThis, 'fetch', 'fetch');
  for (const key of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) patch(childProcess, key, `child_process.${key}`);
  return {
    attempts,
    restore() {
      for (const undo of restores.reverse()) undo();
      restores.length = 0;
    },
  };
}

/**
 * The same guard as a CommonJS preload for a child process (`node --require <file> dist/cli.js`):
 * each attempt is appended to the file named by `BW_NETWORK_LOG` and then throws.
 */
export const NETWORK_GUARD_PRELOAD = `'use strict';
const fs = require('node:fs');
const log = process.env.BW_NETWORK_LOG;
function deny(target, key, label, async) {
  if (!target || typeof target[key] !== 'function') return;
  const denied = function (...args) {
    const first = args[0];
    const where = typeof first === 'string' || typeof first === 'number' ? String(first) : first instanceof URL ? first.href : first && typeof first === 'object' ? String(first.href || first.host || first.hostname || first.path || '?') : '?';
    fs.appendFileSync(log, label + '(' + where + ')\\n');
    throw new Error('robustness test: ' + label + ' is not allowed here');
  };
  Object.defineProperty(target, key, { value: async ? (...a) => Promise.resolve().then(() => denied(...a)) : denied, configurable: true, writable: true });
}
const net = require('node:net');
deny(net.Socket.prototype, 'connect', 'net.Socket#connect');
deny(net, 'connect', 'net.connect');
deny(net, 'createConnection', 'net.createConnection');
deny(require('node:tls'), 'connect', 'tls.connect');
for (const name of ['http', 'https']) { const m = require('node:' + name); deny(m, 'request', name + '.request'); deny(m, 'get', name + '.get'); }
deny(require('node:http2'), 'connect', 'http2.connect');
deny(require('node:dgram'), 'createSocket', 'dgram.createSocket');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) { deny(dns, k, 'dns.' + k); deny(dns.promises, k, 'dns.promises.' + k); }
deny(globalThis, 'fetch', 'fetch', true);
const cp = require('node:child_process');
for (const k of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) deny(cp, k, 'child_process.' + k);
`;

/**
 * A CommonJS preload that lets connections through but appends each one's target to the file
 * named by `BW_NETWORK_LOG` (`fetch <url>`, `connect <host>:<port>`, `dns <name>`): for a send,
 * which must reach the allowed host and nothing else.
 */
export const NETWORK_RECORDER_PRELOAD = `'use strict';
const fs = require('node:fs');
const log = process.env.BW_NETWORK_LOG;
const record = (line) => fs.appendFileSync(log, line + '\\n');
const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let options = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof options !== 'object' || options === null) options = { port: args[0], host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  record('connect ' + (options.path ? 'unix:' + options.path : (options.host || 'localhost') + ':' + options.port));
  return connect.apply(this, args);
};
const dns = require('node:dns');
const lookup = dns.lookup;
dns.lookup = function (name, ...rest) { record('dns ' + name); return lookup.call(this, name, ...rest); };
const originalFetch = globalThis.fetch;
globalThis.fetch = function (input, init) { record('fetch ' + String(input && input.url ? input.url : input)); return originalFetch.call(this, input, init); };
`;
