import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, lintStatic, makeFixtureResolver, parseProfiles, parseTemplateFile, type Problem, renderProfile, simulateSalesforceAnswer } from '../../src/core';
import { OAUTH_HEADER_SNIPPET_BODY } from '../../src/core/rules/oauth-header-missing';
import { expandSnippet, snippetDefaults } from '../helpers/expand-snippet';
import { BUILT_IN_SALESFORCE } from '../helpers/salesforce';

/**
 * Every snippet in snippets/braze-webhook.snippets.json, expanded and placed where its context
 * says, must give a valid JSON template. Expanded with its tab-stop defaults, its only errors are
 * `placeholder` findings on those defaults (`MyDomainName` stands for your My Domain and is flagged
 * until replaced, issue 11); with the placeholders filled with real values (REAL_VALUES) it has no
 * error from any registered rule. The test runs whatever `allRules` holds, so a new rule that an
 * existing snippet trips fails here: fix the snippet, or the rule if the snippet is right.
 */

const SNIPPETS_PATH = join(__dirname, '..', '..', 'snippets', 'braze-webhook.snippets.json');
const CONTEXTS = ['file', 'headers', 'body', 'string'] as const;
type SnippetContext = (typeof CONTEXTS)[number];

interface Snippet {
  prefix: string;
  description: string;
  context: SnippetContext;
  body: string[];
}

const snippets = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;

/** What a user types into the tab stops that are placeholders. */
const REAL_VALUES: Readonly<Record<string, string>> = { MyDomainName: 'acme' };

/** The headers of the base template: a correct token call (no secret in it) and the JSON type. */
const BASE_HEADERS: ReadonlyArray<[string, string]> = [
  [
    'Authorization',
    "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body grant_type=client_credentials :basic_auth salesforce_connected_app :cache_max_age 900 :save token %}{% if token.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}Bearer {{token.access_token}}",
  ],
  ['Content-Type', 'application/json'],
];

/** The body of the base template: the fields Salesforce requires on create. */
const BASE_BODY: ReadonlyArray<[string, string]> = [
  ['LastName', "{{${last_name} | default: 'Unknown'}}"],
  ['Company', "{{custom_attribute.${company} | default: 'Unknown'}}"],
];

const member = ([key, value]: readonly [string, string]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`;

/** Indents every line after the first, as VS Code does when it inserts a multi-line snippet. */
const indentRest = (text: string, indent: string) => text.split('\n').join(`\n${indent}`);

/**
 * A minimal create-Lead template. `headers`/`body` are the members as raw file text; the base
 * members whose keys the inserted text already defines are left out (no duplicate keys).
 */
function createTemplate(parts: { headers?: string; body?: string; rawBody?: string }): string {
  const members = (inserted: string | undefined, base: ReadonlyArray<[string, string]>) => {
    const taken = inserted === undefined ? new Set<string>() : new Set(Object.keys(parseMembers(inserted)));
    const rest = base.filter(([key]) => !taken.has(key)).map(member);
    return [...(inserted === undefined ? [] : [indentRest(inserted, '    ')]), ...rest].join(',\n    ');
  };
  const body = parts.rawBody === undefined ? `{\n    ${members(parts.body, BASE_BODY)}\n  }` : JSON.stringify(parts.rawBody);
  return [
    '{',
    '  "name": "Snippet test",',
    '  "url": "https://acme.my.salesforce.com/services/data/v66.0/sobjects/Lead/",',
    '  "request_method": "POST",',
    `  "request_headers": {\n    ${members(parts.headers, BASE_HEADERS)}\n  },`,
    `  "body": ${body}`,
    '}',
    '',
  ].join('\n');
}

/** Members text (`"a": "b", "c": "d"`) as an object; throws when it is not valid JSON. */
function parseMembers(text: string): Record<string, unknown> {
  return JSON.parse(`{${text}}`) as Record<string, unknown>;
}

/** The templates a snippet is checked in, by name; `fill` types values into its tab stops. */
function placements(snippet: Snippet, fill: Readonly<Record<string, string>> = {}): Array<[string, string]> {
  const expanded = expandSnippet(snippet.body, fill);
  switch (snippet.context) {
    case 'file':
      return [['as the whole file', expanded]];
    case 'headers':
      return [['in request_headers', createTemplate({ headers: expanded })]];
    case 'body':
      return [['in the key/value body', createTemplate({ body: expanded })]];
    case 'string': {
      // The snippet text is already JSON-escaped, so it goes between the quotes as it is.
      const keyValue = createTemplate({ body: `"Description": "${expanded}"` });
      // In a Raw Text body the same text sits inside a JSON string inside the file's JSON string.
      const decoded = JSON.parse(`"${expanded}"`) as string;
      const raw = `{"LastName": "{{\${last_name} | default: 'Unknown' | json_escape}}", "Company": "{{custom_attribute.\${company} | default: 'Unknown' | json_escape}}", "Description": "${decoded}"}`;
      return [
        ['as the key/value body value "Description"', keyValue],
        ['in a Raw Text JSON body', createTemplate({ rawBody: raw })],
      ];
    }
  }
}

function describeProblems(text: string, problems: readonly Problem[]): string {
  return problems
    .map((p) => `  ${p.severity} ${p.ruleId}: ${p.message}\n    at ${JSON.stringify(text.slice(p.startIndex, p.endIndex))}`)
    .join('\n');
}

describe('snippets/braze-webhook.snippets.json', () => {
  const entries = Object.entries(snippets);

  it('has snippets', () => {
    assert.ok(entries.length > 0);
  });

  it('gives every snippet a unique braze-/sf- prefix, a description, a known context and a body', () => {
    const seen = new Map<string, string>();
    for (const [name, snippet] of entries) {
      assert.equal(typeof snippet.prefix, 'string', `${name}: prefix`);
      assert.match(snippet.prefix, /^(?:braze|sf)-[a-z0-9]+(?:-[a-z0-9]+)*$/, `${name}: prefix must start with braze- or sf-`);
      assert.ok(!seen.has(snippet.prefix), `${name}: prefix ${snippet.prefix} is also used by ${seen.get(snippet.prefix)}`);
      seen.set(snippet.prefix, name);
      assert.equal(typeof snippet.description, 'string', `${name}: description`);
      assert.ok(snippet.description.trim().length > 0, `${name}: description is empty`);
      assert.ok((CONTEXTS as readonly string[]).includes(snippet.context), `${name}: unknown context ${String(snippet.context)}`);
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${name}: body must be a non-empty array`);
      assert.ok(
        snippet.body.every((line) => typeof line === 'string'),
        `${name}: body lines must be strings`,
      );
      assert.deepEqual(Object.keys(snippet).sort(), ['body', 'context', 'description', 'prefix'], `${name}: unexpected keys`);
    }
  });

  it('keeps string snippets on one line', () => {
    for (const [name, snippet] of entries) {
      if (snippet.context === 'string') assert.equal(snippet.body.length, 1, `${name}: a JSON string value cannot span lines`);
    }
  });

  for (const [name, snippet] of entries) {
    describe(`${snippet.prefix} (${name})`, () => {
      const defaults = snippetDefaults(snippet.body);
      for (const [where, text] of placements(snippet)) {
        it(`is valid JSON, and its only errors are placeholders on its tab-stop defaults, ${where}`, () => {
          assert.doesNotThrow(() => JSON.parse(text), `not valid JSON:\n${text}`);
          const problems = lintStatic(parseTemplateFile(text), allRules, undefined, BUILT_IN_SALESFORCE);
          const errors = problems.filter((p) => p.severity === 'error');
          const notPlaceholders = errors.filter((p) => p.ruleId !== 'placeholder' || !defaults.includes(text.slice(p.startIndex, p.endIndex)));
          assert.deepEqual(notPlaceholders, [], `errors other than tab-stop placeholders:\n${describeProblems(text, notPlaceholders)}\nin:\n${text}\nall problems:\n${describeProblems(text, problems)}`);
        });
      }
      for (const [where, text] of placements(snippet, REAL_VALUES)) {
        it(`lints without errors ${where} once its placeholders are filled in`, () => {
          assert.doesNotThrow(() => JSON.parse(text), `not valid JSON:\n${text}`);
          const problems = lintStatic(parseTemplateFile(text), allRules, undefined, BUILT_IN_SALESFORCE);
          const errors = problems.filter((p) => p.severity === 'error');
          assert.deepEqual(errors, [], `lint errors:\n${describeProblems(text, errors)}\nin:\n${text}\nall problems:\n${describeProblems(text, problems)}`);
        });
      }
    });
  }

  it('flags the My Domain default of the whole-template and OAuth snippets until it is replaced', () => {
    for (const prefix of ['sf-create-lead', 'sf-update-lead-mql', 'sf-oauth-header']) {
      const snippet = Object.values(snippets).find((s) => s.prefix === prefix);
      assert.ok(snippet, prefix);
      const [[, text]] = placements(snippet);
      const flagged = lintStatic(parseTemplateFile(text), allRules).filter((p) => p.ruleId === 'placeholder').map((p) => text.slice(p.startIndex, p.endIndex));
      assert.ok(flagged.length > 0 && flagged.every((t) => t === 'MyDomainName'), `${prefix}: ${flagged.join(', ')}`);
    }
  });

  it("oauth-header-missing suggests the sf-oauth-header snippet's body, word for word", () => {
    const snippet = Object.values(snippets).find((s) => s.prefix === 'sf-oauth-header');
    assert.equal(snippet?.body.join('\n'), OAUTH_HEADER_SNIPPET_BODY);
  });

  it('REAL_VALUES fills only defaults that snippets have', () => {
    const all = entries.flatMap(([, snippet]) => snippetDefaults(snippet.body));
    for (const key of Object.keys(REAL_VALUES)) assert.ok(all.includes(key), `${key} is no snippet default`);
  });
});

/** The examples' sample users, rendered for each template. */
const SAMPLE_USERS = parseProfiles(readFileSync(join(__dirname, '..', '..', 'examples', 'sample-users.braze-profiles.json'), 'utf8')).profiles;

/** Salesforce's predicted answer for each sample user (null where the message aborts). */
async function answers(text: string) {
  const file = parseTemplateFile(text);
  const deps = { resolveConnectedContent: makeFixtureResolver({ now: () => new Date('2026-03-01T12:00:00Z') }) };
  const out = [];
  for (const profile of SAMPLE_USERS) out.push(simulateSalesforceAnswer(await renderProfile(file, profile, deps), { salesforce: BUILT_IN_SALESFORCE }));
  return out;
}

describe('every snippet and every example shows a predicted Salesforce answer', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    for (const [where, text] of placements(snippet, REAL_VALUES)) {
      it(`${snippet.prefix} (${name}) ${where}`, async () => {
        const predicted = await answers(text);
        assert.ok(predicted.some((a) => a !== null), 'no profile gets an answer');
        assert.ok(predicted.some((a) => a !== null && a.status >= 200 && a.status < 300), `no profile gets a 2xx: ${predicted.map((a) => a?.summary).join(' | ')}`);
      });
    }
  }
  for (const example of ['create-lead', 'update-lead-to-mql', 'seed-create-lead', 'seed-update-lead']) {
    it(`examples/${example}.braze-webhook.json`, async () => {
      const predicted = await answers(readFileSync(join(__dirname, '..', '..', 'examples', `${example}.braze-webhook.json`), 'utf8'));
      assert.ok(predicted.every((a) => a !== null && a.summary !== '' && a.brazeNote !== ''), 'every sample user gets an answer');
    });
  }
});

describe('expandSnippet', () => {
  it('fills tab stops by their default text, mirrors included', () => {
    assert.equal(expandSnippet(['https://${1:MyDomainName}.x/${2:a} $1'], { MyDomainName: 'acme' }), 'https://acme.x/a acme');
    assert.deepEqual(snippetDefaults(['${1:MyDomainName} ${2|x,y|} ${3:n}']), ['MyDomainName', 'x', 'n']);
  });

  it('uses defaults, first choices and mirrors, and drops bare tab stops', () => {
    assert.equal(expandSnippet(['a ${1:one} ${2|x,y|} $1 $3 ${4} $0']), 'a one x one   ');
    assert.equal(expandSnippet(['$1 then ${1:later}']), 'later then later');
    assert.equal(expandSnippet(['${2:No ${1:user_id} here} / $1']), 'No user_id here / user_id');
  });

  it('joins body lines with line breaks', () => {
    assert.equal(expandSnippet(['{', '\t"a": 1', '}']), '{\n\t"a": 1\n}');
  });

  it('unescapes \\$, \\} and \\\\, and keeps other backslashes', () => {
    assert.equal(expandSnippet(['{{\\${first_name}}}']), '{{${first_name}}}');
    assert.equal(expandSnippet(['{{custom_attribute.\\${${1:name}}}}']), '{{custom_attribute.${name}}}');
    assert.equal(expandSnippet(['${1:a\\}b} \\\\ \\" \\n']), 'a}b \\ \\" \\n');
    assert.equal(expandSnippet(['${1|a\\,b,c\\|d|}']), 'a,b');
    assert.equal(expandSnippet(['cost: $ 5']), 'cost: $ 5');
  });

  it('rejects variables, so an unescaped Braze ${attribute} is caught', () => {
    assert.throws(() => expandSnippet(['{{${first_name}}}']), /variables are not supported/);
    assert.throws(() => expandSnippet(['$TM_FILENAME']), /variables are not supported/);
    assert.throws(() => expandSnippet(['${1/a/b/}']), /transforms are not supported/);
    assert.throws(() => expandSnippet(['${1:open']), /expected "}"/);
  });
});
