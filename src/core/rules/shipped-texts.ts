import type { RuleTexts } from '../lint/types';

/**
 * The rules' words as the extension's bundles see them (ADR 021). In those bundles every rule
 * folder's texts.json is this view (esbuild.mjs, ruleTextsFromPackage), and the words themselves
 * are one file of the package, dist/rule-texts.json, read through `workspace.fs` before the first
 * lint. The CLI and the tests import the JSON files themselves and never load this module.
 */
let table: Readonly<Record<string, Partial<RuleTexts>>> | undefined;

/** Installs the parsed dist/rule-texts.json (rule id → texts); anything that is not an object gives an empty table. */
export function setShippedRuleTexts(parsed: unknown): void {
  table = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Partial<RuleTexts>>) : {};
}

function textsOf(ruleId: string): Partial<RuleTexts> | undefined {
  if (table === undefined) throw new Error(`The words of rule ${ruleId} were used before dist/rule-texts.json was read (ShippedFiles.ruleTexts() resolves first).`);
  return table[ruleId];
}

/** A missing entry is a broken installation, not a reason to stop linting: each message says so. */
function missingMessages(ruleId: string): Readonly<Record<string, string>> {
  return new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? missing(ruleId, key) : undefined) });
}

function missing(ruleId: string, what: string): string {
  return `${ruleId} (${what}): this rule's words are missing from the installed extension (dist/rule-texts.json); reinstall it.`;
}

/** The texts of one rule, looked up when read, so rule modules can be evaluated before the file is. */
export function shippedRuleTexts(ruleId: string): RuleTexts {
  return {
    get description() {
      return textsOf(ruleId)?.description ?? missing(ruleId, 'description');
    },
    get messages() {
      return textsOf(ruleId)?.messages ?? missingMessages(ruleId);
    },
  };
}
