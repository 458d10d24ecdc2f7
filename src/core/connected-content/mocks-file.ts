import type { Node } from 'jsonc-parser';
import {
  createProblemList,
  type FileProblem,
  memberValue,
  objectMembers,
  type ProblemList,
  problemAt,
  toJsonValue,
} from '../util/file-problem';
import { parseJsonTree } from '../util/json-tree';
import { stripBom } from '../util/positions';
import { isScenarioName, SCENARIOS, type ScenarioName } from './scenarios';

/**
 * Methods a rule can match: connected_content sends only GET and POST (domain.md §2.1); PATCH,
 * PUT and DELETE match the webhook itself, whose Salesforce answer a rule can script.
 */
export type MockMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const MOCK_METHODS: readonly string[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/** Which connected_content calls a rule answers. */
export interface MockMatch {
  /** Exact URL, or a pattern where `*` matches any run of characters (see matchUrlGlob). */
  url: string;
  /** Only calls with this method; any method when absent. */
  method?: MockMethod;
}

/** The canned answer of a rule. */
export interface MockResponse {
  /** HTTP status, 100–599. */
  status: number;
  /** Body as JSON; sent as `JSON.stringify(json)`. Wins over `text`. */
  json?: unknown;
  /** Body as raw text (e.g. an HTML error page). */
  text?: string;
  /** Simulated latency in ms; above 2000 Braze inserts nothing. */
  delay_ms?: number;
  /** Response headers, for documentation only: the preview decides JSON or text from the body. */
  headers?: Record<string, string>;
}

/** One fixture: the first rule whose `match` fits a call answers it. */
export interface MockRule {
  match: MockMatch;
  response: MockResponse;
}

/** A parsed `*.braze-mocks.json` file. */
export interface MockFile {
  /** Scenario the file asks for; an explicit choice (CLI flag, picker) overrides it. */
  scenario?: ScenarioName;
  /** Usable rules in file order; invalid ones are reported and left out. */
  rules: MockRule[];
}

/** Result of `parseMocks`. */
export interface ParsedMocks {
  mocks: MockFile;
  problems: FileProblem[];
}

const FILE_KEYS = new Set(['$schema', 'description', 'scenario', 'rules']);
const RULE_KEYS = new Set(['match', 'response', 'description']);
const MATCH_KEYS = new Set(['url', 'method']);
const RESPONSE_KEYS = new Set(['status', 'json', 'text', 'delay_ms', 'headers']);

/**
 * Reads a `*.braze-mocks.json` file: `{ "scenario"?, "rules": [ … ] }` or a bare array of rules.
 * Never throws. Same offset conventions as `parseProfiles` (BOM stripped, offsets into the text
 * without it). Rules that cannot be used are reported as errors and left out; the others are kept.
 */
export function parseMocks(text: string): ParsedMocks {
  const { root, errors } = parseJsonTree(stripBom(text));
  const problems = createProblemList();
  for (const error of errors) problems.report({ code: 'json-syntax', severity: 'error', ...error });
  const mocks: MockFile = { rules: [] };
  if (root?.type === 'array') {
    mocks.rules = readRules(root, problems);
  } else if (root?.type === 'object') {
    readFileObject(root, mocks, problems);
  } else if (root) {
    problems.report(
      problemAt(root, 'not-mocks', 'error', `Expected {"rules": [...]} or an array of rules, not a ${root.type}.`),
    );
  }
  return { mocks, problems: problems.finish() };
}

function readFileObject(root: Node, mocks: MockFile, problems: ProblemList): void {
  reportUnknownKeys(root, FILE_KEYS, 'file', problems);
  const scenario = memberValue(root, 'scenario');
  if (scenario) mocks.scenario = readScenario(scenario, problems);
  const rules = memberValue(root, 'rules');
  if (!rules) {
    problems.report(problemAt(root, 'missing-rules', 'warning', 'No "rules": only the built-in endpoints will answer.'));
  } else if (rules.type !== 'array') {
    problems.report(problemAt(rules, 'wrong-type', 'error', `"rules" must be an array, not a ${rules.type}.`));
  } else {
    mocks.rules = readRules(rules, problems);
  }
}

function readScenario(node: Node, problems: ProblemList): ScenarioName | undefined {
  if (isScenarioName(node.value)) return node.value;
  problems.report(
    problemAt(
      node,
      'unknown-scenario',
      'error',
      `Unknown scenario ${JSON.stringify(node.value)}; use one of: ${Object.keys(SCENARIOS).join(', ')}.`,
    ),
  );
  return undefined;
}

function readRules(array: Node, problems: ProblemList): MockRule[] {
  const rules: MockRule[] = [];
  (array.children ?? []).forEach((node, i) => {
    const rule = readRule(node, i + 1, problems);
    if (rule) rules.push(rule);
  });
  return rules;
}

function readRule(node: Node, number: number, problems: ProblemList): MockRule | undefined {
  if (node.type !== 'object') {
    problems.report(problemAt(node, 'invalid-rule', 'error', `Rule #${number} must be an object with "match" and "response".`));
    return undefined;
  }
  reportUnknownKeys(node, RULE_KEYS, 'rule', problems);
  const match = readMatch(memberValue(node, 'match'), node, number, problems);
  const response = readResponse(memberValue(node, 'response'), node, number, problems);
  return match && response ? { match, response } : undefined;
}

function readMatch(node: Node | undefined, rule: Node, number: number, problems: ProblemList): MockMatch | undefined {
  if (node?.type !== 'object') {
    problems.report(problemAt(node ?? rule, 'invalid-rule', 'error', `Rule #${number} needs "match": {"url": "…"}.`));
    return undefined;
  }
  reportUnknownKeys(node, MATCH_KEYS, 'match', problems);
  const url = memberValue(node, 'url');
  if (url?.type !== 'string' || url.value === '') {
    problems.report(problemAt(url ?? node, 'invalid-rule', 'error', `Rule #${number}: "match.url" must be a non-empty string.`));
    return undefined;
  }
  if (!/^(https?:\/\/|\*)/i.test(url.value)) {
    problems.report(
      problemAt(url, 'url-never-matches', 'warning', 'Braze only calls http(s) URLs, so this pattern never matches; start it with https:// or *.'),
    );
  }
  const match: MockMatch = { url: url.value };
  const method = memberValue(node, 'method');
  if (method) {
    const value = method.type === 'string' ? String(method.value).toUpperCase() : undefined;
    if (value === undefined || !MOCK_METHODS.includes(value)) {
      problems.report(
        problemAt(method, 'invalid-rule', 'error', '"method" must be "GET" or "POST" (what connected_content sends), or "PATCH", "PUT" or "DELETE" to answer the webhook itself.'),
      );
      return undefined;
    }
    match.method = value as MockMethod;
  }
  return match;
}

function readResponse(node: Node | undefined, rule: Node, number: number, problems: ProblemList): MockResponse | undefined {
  if (node?.type !== 'object') {
    problems.report(problemAt(node ?? rule, 'invalid-rule', 'error', `Rule #${number} needs "response": {"status": …}.`));
    return undefined;
  }
  reportUnknownKeys(node, RESPONSE_KEYS, 'response', problems);
  const status = memberValue(node, 'status');
  if (status?.type !== 'number' || !Number.isInteger(status.value) || status.value < 100 || status.value > 599) {
    problems.report(problemAt(status ?? node, 'invalid-rule', 'error', `Rule #${number}: "response.status" must be an integer from 100 to 599.`));
    return undefined;
  }
  const response: MockResponse = { status: status.value };
  readBody(node, response, problems);
  const delay = memberValue(node, 'delay_ms');
  if (delay) {
    if (delay.type === 'number' && delay.value >= 0) response.delay_ms = delay.value;
    else problems.report(problemAt(delay, 'wrong-type', 'warning', '"delay_ms" must be a number of milliseconds ≥ 0; ignored.'));
  }
  const headers = memberValue(node, 'headers');
  if (headers) response.headers = readHeaders(headers, problems);
  return response;
}

function readBody(node: Node, response: MockResponse, problems: ProblemList): void {
  const json = memberValue(node, 'json');
  const text = memberValue(node, 'text');
  if (json) response.json = toJsonValue(json);
  if (text?.type === 'string') response.text = text.value;
  else if (text) problems.report(problemAt(text, 'wrong-type', 'warning', '"text" must be a string; ignored.'));
  if (json && text) {
    problems.report(problemAt(text, 'json-and-text', 'warning', 'Both "json" and "text": the body is "json"; remove one.'));
  }
}

function readHeaders(node: Node, problems: ProblemList): Record<string, string> | undefined {
  if (node.type !== 'object') {
    problems.report(problemAt(node, 'wrong-type', 'warning', '"headers" must be an object of strings; ignored.'));
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const { key, valueNode } of objectMembers(node)) {
    if (valueNode?.type === 'string') {
      Object.defineProperty(headers, key, { value: valueNode.value, enumerable: true, writable: true, configurable: true });
    } else if (valueNode) {
      problems.report(problemAt(valueNode, 'wrong-type', 'warning', `Header "${key}" must be a string; ignored.`));
    }
  }
  return headers;
}

function reportUnknownKeys(node: Node, known: ReadonlySet<string>, where: string, problems: ProblemList): void {
  for (const { key, keyNode } of objectMembers(node)) {
    if (known.has(key)) continue;
    problems.report(
      problemAt(keyNode, 'unknown-key', 'warning', `Unknown ${where} key "${key}"; expected one of: ${[...known].join(', ')}.`),
    );
  }
}
