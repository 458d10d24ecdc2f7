import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CHECKED_KEYWORDS, checkJsonSchema } from './json-schema';

const repo = join(__dirname, '../../..');
const schemaFile = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(repo, 'schemas', name), 'utf8')) as Record<string, unknown>;
const TEMPLATE = schemaFile('braze-webhook.schema.json');
const CONFIG = schemaFile('braze-webhook.config.schema.json');

/** VS Code's own keywords: ajv must accept them, not check them. */
const EDITOR_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'deprecationMessage', 'errorMessage', 'allowTrailingCommas', 'allowComments'];
/** Keywords that only annotate: VS Code reads them, no check depends on them. */
const ANNOTATIONS = ['$schema', '$id', 'title', 'description', 'default', 'examples', '$comment', ...EDITOR_KEYWORDS];

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addVocabulary(EDITOR_KEYWORDS);

/** ajv itself, as strict as the schemas were written for, reporting every error. */
function ajvErrors(schema: object, value: unknown): unknown[] {
  const validate = ajv.compile(schema);
  validate(value);
  return (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
}

/** Every keyword a schema uses at a schema position (names under `properties` are data). */
function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => keywordsOf(s, found));
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      found.add(key);
      if (ANNOTATIONS.includes(key) || key === 'enum' || key === 'required' || key === 'type') continue;
      if (key === 'properties') Object.values(value as object).forEach((s) => keywordsOf(s, found));
      else keywordsOf(value, found);
    }
  }
  return found;
}

/** Odd values for any position: every JSON type, empty and not. */
const ODD_VALUES: unknown[] = [null, 0, 1.5, true, '', 'x', 'POST', 'off', [], ['x'], ['off'], ['off', {}], ['warning', 1], ['off', {}, 2], [1], {}, { a: 1 }, { a: 'b' }, { 'a/b~c': 2 }];

function templateCorpus(): unknown[] {
  const examples = readdirSync(join(repo, 'examples'))
    .filter((f) => f.endsWith('.braze-webhook.json'))
    .map((f) => JSON.parse(readFileSync(join(repo, 'examples', f), 'utf8')) as Record<string, unknown>);
  const base = examples[0];
  const variants = Object.keys(TEMPLATE.properties as object).flatMap((key) => ODD_VALUES.map((value) => ({ ...base, [key]: value })));
  return [...examples, ...variants, ...ODD_VALUES, { extra: 1, other: 2 }, { url: '' }, { url: '😀' }, { url: 'x', body: { 'A/B': 1, 'C~D': null } }];
}

function configCorpus(): unknown[] {
  const ruleValues = ODD_VALUES.map((value) => ({ rules: { 'sf-method': value, 'a/b': 'error' } }));
  const keys = Object.keys(CONFIG.properties as object).flatMap((key) => ODD_VALUES.map((value) => ({ [key]: value })));
  const nested = ODD_VALUES.flatMap((value) => [{ salesforce: { describe: { Lead: value } } }, { salesforce: { describe: value, other: 1 } }, { profiles: ['a', value] }]);
  return [{}, ...ODD_VALUES, ...ruleValues, ...keys, ...nested, { rules: { a: 'off', b: ['error', { x: 1 }] }, scenario: 'slow', unknown: true }];
}

describe('json-schema: the schemas in schemas/ read as data (ADR 020)', () => {
  it('uses only keywords this reader checks, besides annotations', () => {
    for (const schema of [TEMPLATE, CONFIG]) {
      const unchecked = [...keywordsOf(schema)].filter((k) => !ANNOTATIONS.includes(k) && !(CHECKED_KEYWORDS as readonly string[]).includes(k));
      assert.deepEqual(unchecked, []);
    }
  });

  it('reports what ajv reports for templates: same errors, same order, same messages', () => {
    for (const value of templateCorpus()) assert.deepEqual(checkJsonSchema(TEMPLATE, value), ajvErrors(TEMPLATE, value), JSON.stringify(value));
  });

  it('reports what ajv reports for braze-webhook.config.json files', () => {
    for (const value of configCorpus()) assert.deepEqual(checkJsonSchema(CONFIG, value), ajvErrors(CONFIG, value), JSON.stringify(value));
  });

  it('reports nothing for a conforming value', () => {
    assert.deepEqual(checkJsonSchema(TEMPLATE, { url: 'https://x', request_method: 'PATCH', body: { A: 'b' } }), []);
    assert.deepEqual(checkJsonSchema(CONFIG, { rules: { 'sf-method': ['warning', {}] }, profiles: ['p.json'] }), []);
  });
});
