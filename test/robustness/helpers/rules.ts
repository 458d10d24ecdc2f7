import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules, type RuleDefinition } from '../../../src/core';

const RULES_DIR = resolve(__dirname, '../../../src/core/rules');

function isRule(value: unknown): value is RuleDefinition {
  const candidate = value as Partial<RuleDefinition> | undefined;
  return typeof candidate?.meta?.id === 'string' && typeof candidate.create === 'function';
}

/**
 * Every rule there is: the registry (`allRules`) plus any rule exported from a folder of
 * `src/core/rules/` that is not registered yet, so robustness tests cover rules as soon as they
 * exist. Sorted by id; one entry per id.
 */
export async function everyRule(): Promise<RuleDefinition[]> {
  const byId = new Map<string, RuleDefinition>(allRules.map((rule) => [rule.meta.id, rule]));
  for (const entry of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const module = (await import(join(RULES_DIR, entry.name, 'index.ts'))) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (isRule(value) && !byId.has(value.meta.id)) byId.set(value.meta.id, value);
    }
  }
  return [...byId.values()].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}
