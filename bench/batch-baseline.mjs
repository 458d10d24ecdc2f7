// Baseline for the batch figure: the least a linter of a directory of templates must do, in one
// Node process — walk the directory, read each *.braze-webhook.json, JSON.parse it and have
// liquidjs parse every Liquid string (see baseline.mjs). No rules, no output.
//   node bench/batch-baseline.mjs <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineEngine, plainLiquid, templateStrings } from './baseline.mjs';

const dir = process.argv[2];
const engine = baselineEngine();
let files = 0;
let failures = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.braze-webhook.json')) continue;
  files++;
  const template = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const text of templateStrings(template)) {
    try {
      engine.parse(plainLiquid(text));
    } catch {
      failures++;
    }
  }
}
process.stdout.write(`${files} files, ${failures} strings liquidjs could not parse\n`);
