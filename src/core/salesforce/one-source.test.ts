import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE, FIXED_NOW, GOOD_AUTH, template } from '../../../test/helpers/rule-tester';
import { ACME_DESCRIBE, BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { makeFixtureResolver } from '../connected-content';
import { toEighteenCharId } from '../connected-content/salesforce-id';
import { lintTemplate } from '../lint/lint-template';
import { parseProfiles } from '../profile';
import { allRules } from '../rules';
import { parseTemplateFile } from '../template/template-file';
import type { Problem } from '../types';
import type { SalesforceSchema } from './model';
import { type SalesforceAnswer, simulateSalesforceAnswer } from './simulate';

/**
 * The issue's promise "lint and render agree on every finding for a profile", checked on the
 * user's cases: for each profile, every error code of the simulated answer is named by a lint
 * finding (error or warning), and a 2xx answer comes with no error-level finding.
 */
interface Verdict {
  answer: SalesforceAnswer | null;
  problems: Problem[];
}

async function verdicts(code: string, users: unknown[] = [DEFAULT_PROFILE], salesforce: SalesforceSchema = BUILT_IN_SALESFORCE): Promise<Verdict[]> {
  const file = parseTemplateFile(code);
  const { profiles } = parseProfiles(JSON.stringify(users));
  const deps = { resolveConnectedContent: makeFixtureResolver({}), now: () => FIXED_NOW };
  const out: Verdict[] = [];
  for (const profile of profiles) {
    const { problems, requests } = await lintTemplate(file, { rules: allRules, profiles: [profile], deps, salesforce });
    out.push({ answer: simulateSalesforceAnswer(requests[0], { salesforce }), problems });
  }
  return out;
}

function assertAgree({ answer, problems }: Verdict, label: string): void {
  const serious = problems.filter((p) => p.severity !== 'info');
  if (!answer || (answer.status >= 200 && answer.status < 300)) {
    assert.deepEqual(problems.filter((p) => p.severity === 'error').map((p) => p.message), [], `${label}: a ${answer?.status} answer but error findings`);
    return;
  }
  if (answer.status === 0) {
    assert.ok(problems.some((p) => p.severity === 'error' && /is not a valid URL|while rendering|Liquid failed/.test(p.message)), `${label}: nothing is sent, but no finding says so`);
    return;
  }
  for (const error of answer.errors) {
    assert.ok(
      serious.some((p) => p.message.includes(error.errorCode)),
      `${label}: the answer says ${error.errorCode} but no finding does:\n${serious.map((p) => `${p.ruleId}: ${p.message}`).join('\n')}`,
    );
  }
}

const create = (body: Record<string, string>, url = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/') => template({ url, body: { LastName: '{{${last_name}}}', Company: 'Acme', ...body } });

describe("the issue's user cases: lint findings and the simulated answer agree", () => {
  it('RecordTypeId, CurrencyIsoCode, IndividualId, Pronouns, GenderIdentity are valid fields: 201 and no warning', async () => {
    const [verdict] = await verdicts(create({ RecordTypeId: '0125g000000QaBcAAK', CurrencyIsoCode: 'EUR', IndividualId: toEighteenCharId('0PK5g000000AbCd'), Pronouns: 'She/Her', GenderIdentity: 'Female' }));
    assert.equal(verdict.answer?.status, 201);
    assert.deepEqual(verdict.problems.filter((p) => p.severity !== 'info' && p.ruleId.startsWith('sf-')).map((p) => p.message), []);
    assert.ok(verdict.answer?.caveats.some((c) => /exists only when the org has record types/.test(c)));
    assertAgree(verdict, 'feature fields');
  });

  it('Name, CreatedDate, IsDeleted are refused on create; PhotoUrl is a read-only Lead field; Address is not renamed', async () => {
    const [verdict] = await verdicts(create({ Name: 'Ana', CreatedDate: '2026-01-01T00:00:00Z', IsDeleted: 'false', PhotoUrl: 'x', Address: 'Gran Vía 1' }));
    assert.equal(verdict.answer?.errors[0].errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.deepEqual(verdict.answer?.errors[0].fields, ['Name', 'CreatedDate', 'IsDeleted', 'PhotoUrl', 'Address']);
    assert.ok(!verdict.problems.some((p) => p.ruleId === 'sf-unknown-field'), 'PhotoUrl and Address are Lead fields');
    assert.ok(!verdict.problems.some((p) => p.fix?.edits.some((e) => e.insert.includes('Street'))), 'no fix renames Address');
    assertAgree(verdict, 'read-only fields');
  });

  it('"NumberOfEmployees": "lots" and "HasOptedOutOfEmail": "yes" are flagged like the answer', async () => {
    for (const body of [{ NumberOfEmployees: 'lots' }, { HasOptedOutOfEmail: 'yes' }] as Array<Record<string, string>>) {
      const [verdict] = await verdicts(create(body));
      assert.equal(verdict.answer?.errors[0].errorCode, 'JSON_PARSER_ERROR');
      assertAgree(verdict, JSON.stringify(body));
    }
  });

  it('v99.0 is warned about, and answered 404', async () => {
    const [verdict] = await verdicts(create({}, 'https://acme.my.salesforce.com/services/data/v99.0/sobjects/Lead/'));
    assert.equal(verdict.answer?.status, 404);
    assert.ok(verdict.problems.some((p) => p.ruleId === 'sf-api-version' && p.severity === 'warning' && p.message.includes('v99.0')));
    assertAgree(verdict, 'v99.0');
  });

  it('update-lead-to-mql for user-4711: an error finding and a 404 answer, both quoting the same body', async () => {
    const text = readFileSync(join(__dirname, '../../../examples/update-lead-to-mql.braze-webhook.json'), 'utf8');
    const users = JSON.parse(readFileSync(join(__dirname, '../../../examples/sample-users.braze-profiles.json'), 'utf8')).users;
    const all = await verdicts(text, users);
    const user4711 = all[2];
    assert.equal(user4711.answer?.status, 404);
    assert.ok(user4711.problems.some((p) => p.severity === 'error' && p.message.includes(user4711.answer?.errors[0].message ?? '?')));
    all.forEach((v, i) => assertAgree(v, `profile ${i + 1}`));
  });

  it('Liquid values per profile, and the org describe (required custom field, restricted picklist, record type)', async () => {
    const auth = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
    const code = template({
      request_headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: { LastName: '{{${last_name}}}', Company: 'Acme', NumberOfEmployees: '{{custom_attribute.${employees}}}', Lead_Stage__c: '{{custom_attribute.${stage}}}', RecordTypeId: '0125g000000QaBeAAK' },
    });
    const users = [
      { ...DEFAULT_PROFILE, external_id: 'a', custom_attributes: { employees: 'lots', stage: 'MQL' } },
      { ...DEFAULT_PROFILE, external_id: 'b', custom_attributes: { employees: 12, stage: 'Nurture' } },
    ];
    const [a, b] = await verdicts(code, users, ACME_DESCRIBE);
    assert.equal(a.answer?.errors[0].errorCode, 'JSON_PARSER_ERROR');
    assert.deepEqual(b.answer?.errors.map((e) => e.errorCode), ['REQUIRED_FIELD_MISSING', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'INVALID_CROSS_REFERENCE_KEY']);
    assertAgree(a, 'profile a');
    assertAgree(b, 'profile b');
  });

  it('every example agrees, profile by profile', async () => {
    const users = JSON.parse(readFileSync(join(__dirname, '../../../examples/sample-users.braze-profiles.json'), 'utf8')).users;
    for (const name of ['create-lead', 'update-lead-to-mql', 'seed-create-lead', 'seed-update-lead']) {
      const text = readFileSync(join(__dirname, `../../../examples/${name}.braze-webhook.json`), 'utf8');
      (await verdicts(text, users)).forEach((v, i) => assertAgree(v, `${name}, profile ${i + 1}`));
    }
  });
});
