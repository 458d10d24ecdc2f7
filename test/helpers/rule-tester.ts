import assert from 'node:assert/strict';
import { makeFixtureResolver, type ScenarioName } from '../../src/core/connected-content';
import { applyFixes } from '../../src/core/lint/apply-fixes';
import { lintRendered, lintStatic } from '../../src/core/lint/linter';
import type { LintConfig, RuleDefinition } from '../../src/core/lint/types';
import { parseProfiles } from '../../src/core/profile';
import { renderProfile } from '../../src/core/request/render-profile';
import { parseTemplateFile } from '../../src/core/template/template-file';
import type { SalesforceSchema } from '../../src/core/salesforce/model';
import type { Problem, Severity } from '../../src/core/types';
import { BUILT_IN_SALESFORCE } from './salesforce';

/** A fixed send time, so rendered-request cases are deterministic. */
export const FIXED_NOW = new Date('2026-03-01T12:00:00Z');

export interface CaseInput {
  /** Test title; defaults to the code. */
  name?: string;
  /** The whole template file text (use `template()` to build one). */
  code: string;
  options?: Record<string, unknown>;
  /** Sample users in Braze export form, for rendered-request rules. */
  profiles?: unknown[];
  scenario?: ScenarioName;
  /** What the run knows of Salesforce; the built-in Lead model when absent (as every adapter injects it). */
  salesforce?: SalesforceSchema;
}

export interface ExpectedError {
  messageId: string;
  /** The exact raw-file text the problem covers. */
  highlight: string;
  data?: Record<string, string | number>;
  severity?: Severity;
  /** Labels of the profiles named, for rendered rules. */
  profile?: string;
}

export interface InvalidCase extends CaseInput {
  errors: ExpectedError[];
  /** The file after applying every safe fix; omit when the rule offers no fix here. */
  output?: string;
  /** Suggestion messages expected on the first error, in order. */
  suggestions?: string[];
}

/** A user with enough data that only what a case changes is missing. */
export const DEFAULT_PROFILE = {
  external_id: '00QKY000001LyJR2A0',
  first_name: 'Ana',
  last_name: 'García',
  email: 'ana@example.com',
  custom_attributes: { company: 'Acme', sf_secret: 'EXAMPLE0SECRET' },
};

/** Builds a template file text (2-space JSON, so escapes are real JSON escapes). */
export function template(parts: { url?: string; request_method?: string; request_headers?: Record<string, string>; body?: Record<string, string> | string; [key: string]: unknown } = {}): string {
  const value = {
    url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/',
    request_method: 'POST',
    request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'application/json' },
    body: { LastName: '{{${last_name}}}', Company: "{{custom_attribute.${company} | default: 'Unknown'}}" },
    ...parts,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An Authorization header that passes every OAuth rule. */
export const GOOD_AUTH =
  "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret={{custom_attribute.${sf_secret}}}&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}Bearer {{result.access_token}}";

/** The JSON text of a string value as it appears inside a template file (escapes applied). */
export function raw(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

async function lintCase(rule: RuleDefinition, input: CaseInput): Promise<Problem[]> {
  const file = parseTemplateFile(input.code);
  const config: LintConfig = { rules: { [rule.meta.id]: [rule.meta.severity, input.options ?? {}] } };
  const salesforce = input.salesforce ?? BUILT_IN_SALESFORCE;
  if (rule.meta.kind === 'static') return lintStatic(file, [rule], config, salesforce);
  const { profiles, problems } = parseProfiles(JSON.stringify(input.profiles ?? [DEFAULT_PROFILE]));
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), [], 'test profiles must parse');
  const deps = { resolveConnectedContent: makeFixtureResolver({ scenario: input.scenario }), now: () => FIXED_NOW };
  const requests = await Promise.all(profiles.map((p) => renderProfile(file, p, deps)));
  return lintRendered(file, requests, [rule], config, salesforce);
}

const schemaIds = new WeakMap<SalesforceSchema, number>();
let nextSchemaId = 1;
/** A number per schema object, so cases that differ only by their org describe are not duplicates. */
function schemaId(schema: SalesforceSchema): number {
  if (!schemaIds.has(schema)) schemaIds.set(schema, nextSchemaId++);
  return schemaIds.get(schema) as number;
}

function describeProblems(code: string, problems: Problem[]): string {
  return problems.map((p) => `${p.ruleId} [${code.slice(p.startIndex, p.endIndex)}] ${p.message}`).join('\n');
}

/**
 * Runs a rule over a table of cases (ESLint's RuleTester, small): valid cases must report
 * nothing; invalid ones must report exactly the listed errors, each covering `highlight`.
 */
export function runRuleTests(rule: RuleDefinition, cases: { valid: Array<string | CaseInput>; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  const checkUnique = (input: CaseInput) => {
    const key = JSON.stringify([input.code, input.options ?? null, input.profiles ?? null, input.scenario ?? null, input.salesforce ? schemaId(input.salesforce) : null]);
    assert.ok(!seen.has(key), `duplicate test case for ${rule.meta.id}: ${input.name ?? input.code}`);
    seen.add(key);
  };
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      for (const entry of cases.valid) {
        const input = typeof entry === 'string' ? { code: entry } : entry;
        checkUnique(input);
        it(input.name ?? input.code, async () => {
          const problems = await lintCase(rule, input);
          assert.equal(problems.length, 0, `expected no problems, got:\n${describeProblems(input.code, problems)}`);
        });
      }
    });
    describe('invalid', () => {
      for (const input of cases.invalid) {
        checkUnique(input);
        it(input.name ?? input.code, async () => {
          for (const e of input.errors) assert.ok(e.messageId in rule.meta.texts.messages, `unknown messageId ${e.messageId}`);
          const problems = await lintCase(rule, input);
          const actual = problems.map((p) => ({ message: p.message, highlight: input.code.slice(p.startIndex, p.endIndex), severity: p.severity }));
          const expected = input.errors.map((e) => ({
            message: expectedMessage(rule, e),
            highlight: e.highlight,
            severity: e.severity ?? actual.find((a) => a.highlight === e.highlight)?.severity ?? rule.meta.severity,
          }));
          assert.deepEqual(actual.map(stripProfiles(input.errors)), expected);
          if (input.suggestions) assert.deepEqual(problems[0].suggest?.map((s) => s.message) ?? [], input.suggestions);
          checkOutput(input, problems);
        });
      }
    });
  });
}

/** Rendered rules append `[profile …]`; compare that part only when the case names a profile. */
function stripProfiles(errors: ExpectedError[]) {
  return (a: { message: string; highlight: string; severity: string }, i: number) => {
    if (errors[i]?.profile !== undefined) {
      assert.ok(a.message.includes(errors[i].profile as string), `expected profile ${errors[i].profile} in: ${a.message}`);
    }
    return { ...a, message: a.message.replace(/ \[profiles? [^\]]*\]$/, '') };
  };
}

function expectedMessage(rule: RuleDefinition, e: ExpectedError): string {
  const template = rule.meta.texts.messages[e.messageId];
  if (!e.data) return /\{\{\s*\w+\s*\}\}/.test(template) ? `<message ${e.messageId} needs data>` : template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in (e.data ?? {}) ? String(e.data?.[key]) : whole));
}

function checkOutput(input: InvalidCase, problems: Problem[]): void {
  const { text } = applyFixes(input.code, problems);
  if (input.output === undefined) {
    assert.equal(text, input.code, 'the rule offered a fix; add `output` to the case');
    return;
  }
  assert.equal(text, input.output);
  const reparsed = parseTemplateFile(text);
  assert.deepEqual(reparsed.syntaxErrors, [], 'fixed output must still be valid JSON');
}
