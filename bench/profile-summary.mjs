// Summarises a V8 CPU profile (from `npm run bench -- --cpu-prof`): where the time goes, by
// source module and by function, self and total (inclusive) time.
//   node bench/profile-summary.mjs FILE.cpuprofile [--top N] [--filter TEXT]
// Frames in the unminified bundles (bench/results/bundles/core.cjs, cli.dev.js) are attributed to
// their original module through esbuild's `// src/…` / `// node_modules/…` section comments.
// --filter keeps only the samples whose stack contains a function or module matching TEXT.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const top = Number(args[args.indexOf('--top') + 1]) || 25;
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : undefined;
if (!file) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N] [--filter TEXT]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** Line → module maps for bundles, built on first use. */
const moduleMaps = new Map();
function moduleOf(url, line) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (!moduleMaps.has(path)) {
    const starts = [];
    if (existsSync(path) && /\.(c?js)$/.test(path)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          // esbuild's unminified output opens each module with `// <path relative to the build>`.
          const m = /^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/.exec(text);
          if (m) starts.push([i, m[1].replace(/^(?:\.\.\/)+.*?(?=node_modules\/)/, '')]);
        });
    }
    moduleMaps.set(path, starts);
  }
  const starts = moduleMaps.get(path);
  if (starts.length === 0) return path.replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/bench\//, 'bench/');
  let found = '(bundle prelude)';
  for (const [start, name] of starts) {
    if (start > line) break;
    found = name;
  }
  return found.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'node_modules/$1');
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${moduleOf(n.callFrame.url, n.callFrame.lineNumber)}:${n.callFrame.lineNumber + 1}`;

const selfByFn = new Map();
const totalByFn = new Map();
const selfByModule = new Map();
const totalByModule = new Map();
let total = 0;
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const stack = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur));
  const meaningful = stack.filter((n) => n.callFrame.functionName !== '(root)');
  if (filter && !meaningful.some((n) => label(n).includes(filter))) return;
  const leaf = byId.get(id);
  const name = leaf.callFrame.functionName;
  if (name === '(idle)' || name === '(program)' || name === '(root)') return;
  total += ms;
  add(selfByFn, label(leaf), ms);
  add(selfByModule, moduleOf(leaf.callFrame.url, leaf.callFrame.lineNumber), ms);
  const seenFn = new Set();
  const seenModule = new Set();
  for (const n of meaningful) {
    const fn = label(n);
    const mod = moduleOf(n.callFrame.url, n.callFrame.lineNumber);
    if (!seenFn.has(fn)) {
      add(totalByFn, fn, ms);
      seenFn.add(fn);
    }
    if (!seenModule.has(mod)) {
      add(totalByModule, mod, ms);
      seenModule.add(mod);
    }
  }
});

function print(title, map) {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

console.log(`${file}: ${total.toFixed(0)} ms of CPU samples${filter ? ` with "${filter}" on the stack` : ''} (idle and (program) excluded)`);
print('Self time by module', selfByModule);
print('Total (inclusive) time by module', totalByModule);
print('Self time by function', selfByFn);
print('Total (inclusive) time by function', totalByFn);
