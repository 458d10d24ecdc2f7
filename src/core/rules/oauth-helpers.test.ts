import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileField } from '../liquid/compile';
import { applyFixes } from '../lint/apply-fixes';
import { lintStatic } from '../lint/linter';
import { toRegionNodes } from '../lint/nodes';
import type { RuleDefinition } from '../lint/types';
import { parseTemplateFile, plainTextField } from '../template/template-file';
import { CcSaveMissing } from './cc-save-missing';
import { CcSaveScope } from './cc-save-scope';
import { CcUnknownOption } from './cc-unknown-option';
import { HardcodedSecret } from './hardcoded-secret';
import { HttpsOnly } from './https-only';
import { OauthAbortGuard } from './oauth-abort-guard';
import { OauthBearerFormat } from './oauth-bearer-format';
import { isTokenUrl, parseUrl, splitForm, stripLiquid, variableUses } from './oauth-helpers';
import { OauthTokenBody } from './oauth-token-body';
import { OauthTokenCache } from './oauth-token-cache';
import { OauthTokenHost } from './oauth-token-host';
import { OauthTokenMethod } from './oauth-token-method';
import { SecretInUrl } from './secret-in-url';

/** Every connected_content / OAuth rule (group B). */
const RULES: RuleDefinition[] = [
  HttpsOnly,
  CcUnknownOption,
  CcSaveMissing,
  CcSaveScope,
  OauthTokenHost,
  OauthTokenMethod,
  OauthTokenBody,
  OauthBearerFormat,
  OauthTokenCache,
  OauthAbortGuard,
  HardcodedSecret,
  SecretInUrl,
];

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const TOKEN_URL_SEED = 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token';

function lintExample(text: string): Array<{ ruleId: string; severity: string; highlight: string }> {
  return lintStatic(parseTemplateFile(text), RULES).map((p) => ({ ruleId: p.ruleId, severity: p.severity, highlight: text.slice(p.startIndex, p.endIndex) }));
}

const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

describe('group B rules on the example templates', () => {
  for (const name of ['seed-create-lead.braze-webhook.json', 'seed-update-lead.braze-webhook.json']) {
    it(`${name}: the recipe's token call is uncached and unguarded`, () => {
      assert.deepEqual(lintExample(read(name)), [
        { ruleId: 'oauth-abort-guard', severity: 'warning', highlight: TOKEN_URL_SEED },
        { ruleId: 'oauth-token-cache', severity: 'warning', highlight: TOKEN_URL_SEED },
      ]);
    });

    it(`${name}: with its placeholders filled in, the literal secret shows too`, () => {
      const filled = read(name).replaceAll('[insert_instance_name]', 'acme').replace('[insert_client_id]', '3MVG9EXAMPLE').replace('[insert_client_secret]', 'EXAMPLE0SECRET');
      assert.deepEqual(lintExample(filled), [
        { ruleId: 'oauth-abort-guard', severity: 'warning', highlight: 'https://acme.my.salesforce.com/services/oauth2/token' },
        { ruleId: 'oauth-token-cache', severity: 'warning', highlight: 'https://acme.my.salesforce.com/services/oauth2/token' },
        { ruleId: 'hardcoded-secret', severity: 'warning', highlight: 'EXAMPLE0SECRET' },
      ]);
    });
  }

  for (const name of ['create-lead.braze-webhook.json', 'update-lead-to-mql.braze-webhook.json']) {
    it(`${name}: no error, only the recipe's literal secret`, () => {
      assert.deepEqual(lintExample(read(name)), [{ ruleId: 'hardcoded-secret', severity: 'warning', highlight: 'EXAMPLE0SECRET0C0FFEE' }]);
    });
  }

  it('the fixes of all rules combine into a clean token header', () => {
    const header = (value: string) => `${JSON.stringify({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', request_headers: { Authorization: value } }, null, 2)}\n`;
    let text = header('{% connected_content https://acme.my.salesforce.com/services/oauth2/token :body client_id=3MVG9+x&client_secret={{custom_attribute.${s}}} %}{{result.access_token}}');
    for (let pass = 0; pass < 10; pass++) {
      const { text: fixed, applied } = applyFixes(text, lintStatic(parseTemplateFile(text), RULES));
      if (applied.length === 0) break;
      text = fixed;
    }
    assert.equal(
      text,
      header(
        "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=3MVG9%2Bx&client_secret={{custom_attribute.${s}}}&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}Bearer {{result.access_token}}",
      ),
    );
    assert.deepEqual(lintExample(text), []);
  });

  it('every rule id matches its folder and docs page', () => {
    for (const rule of RULES) {
      assert.equal(rule.meta.docs.url, `docs/rules/${rule.meta.id}.md`);
      assert.ok(readFileSync(join(__dirname, '..', '..', '..', rule.meta.docs.url), 'utf8').startsWith(`# ${rule.meta.id}\n`));
    }
  });
});

describe('oauth-helpers', () => {
  it('isTokenUrl accepts any host, Liquid or placeholder, and nothing else', () => {
    assert.ok(isTokenUrl('https://acme.my.salesforce.com/services/oauth2/token'));
    assert.ok(isTokenUrl('https://{{x}}/services/oauth2/token/?a=1'));
    assert.ok(isTokenUrl(TOKEN_URL_SEED));
    assert.ok(!isTokenUrl('https://acme.my.salesforce.com/services/oauth2/tokens'));
    assert.ok(!isTokenUrl('https://acme.my.salesforce.com/services/oauth2/revoke'));
    assert.ok(!isTokenUrl('https://api.example.com/x?next=/services/oauth2/token'));
  });

  it('splitForm keeps offsets and ignores & and = inside Liquid', () => {
    const text = "a=1&b={{ 'x&y=z' }}&c";
    const params = splitForm(text, 10);
    assert.deepEqual(
      params.map((p) => [p.name.text, p.value.text, p.pair.start, p.hasEquals]),
      [
        ['a', '1', 10, true],
        ['b', "{{ 'x&y=z' }}", 14, true],
        ['c', '', 30, false],
      ],
    );
    assert.equal(stripLiquid(text), 'a=1&b=&c');
  });

  it('parseUrl finds userinfo, port and query outside Liquid', () => {
    const text = 'x https://u:p@{{host}}:8443/a?b={{ "?#" }}&c=1#f';
    const url = parseUrl(text, 2, text.length);
    assert.ok(url);
    assert.equal(url.userinfo?.text, 'u:p@');
    assert.equal(url.host.text, '{{host}}');
    assert.equal(url.port?.text, ':8443');
    assert.equal(url.query?.text, 'b={{ "?#" }}&c=1');
    assert.equal(parseUrl('/relative', 0, 9), undefined);
  });

  it('variableUses skips strings, filters, keywords and ${} references', () => {
    const field = plainTextField("{% if result.access_token != blank and x %}{{ result['id'] | default: other.name }}{{ 'a.b' }}{{custom_attribute.${k}}}{% endif %}");
    const uses = variableUses(toRegionNodes(compileField(field)));
    assert.deepEqual(
      uses.map((u) => [u.root, u.property, u.path, u.member]),
      [
        ['result', 'access_token', 'result.access_token', true],
        ['x', undefined, 'x', false],
        ['result', 'id', "result['id']", true],
        ['other', 'name', 'other.name', true],
      ],
    );
  });
});
