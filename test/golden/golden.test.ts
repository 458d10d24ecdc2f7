import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureResolver, parseMocks, type ScenarioName } from '../../src/core/connected-content';
import { parseProfiles } from '../../src/core/profile';
import { redactRequest } from '../../src/core/request/redact';
import { toRenderJson } from '../../src/core/request/formats';
import { renderProfile } from '../../src/core/request/render-profile';
import { simulateSalesforceAnswer } from '../../src/core/salesforce/simulate';
import { parseTemplateFile } from '../../src/core/template/template-file';
import { BUILT_IN_SALESFORCE } from '../helpers/salesforce';

/**
 * Golden cases: each folder holds a template, sample profiles, optional fixtures, optional
 * content blocks, and the expected rendered requests with Salesforce's predicted answer (redacted;
 * `problems` are the renderer's own, where `render --format json` prints lint's findings; built-in
 * Lead model). Set GOLDEN_UPDATE=1 to rewrite expected files, then review the diff by hand.
 */
const root = __dirname;
const FIXED_NOW = new Date('2026-03-01T12:00:00Z');

for (const name of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  describe(`golden ${name}`, () => {
    it('renders the expected requests', async () => {
      const dir = join(root, name);
      const file = parseTemplateFile(readFileSync(join(dir, 'template.braze-webhook.json'), 'utf8'));
      assert.deepEqual(file.syntaxErrors, []);
      const parsed = parseProfiles(readFileSync(join(dir, 'profiles.braze-profiles.json'), 'utf8'));
      assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
      const mocksPath = join(dir, 'mocks.braze-mocks.json');
      const mocks = existsSync(mocksPath) ? parseMocks(readFileSync(mocksPath, 'utf8')).mocks : undefined;
      const deps = {
        resolveConnectedContent: makeFixtureResolver({ rules: mocks?.rules, scenario: mocks?.scenario as ScenarioName | undefined, now: () => FIXED_NOW }),
        now: () => FIXED_NOW,
        readContentBlock: (block: string) => {
          const path = join(dir, 'content_blocks', `${block}.liquid`);
          return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        },
      };
      const actual = [];
      for (const profile of parsed.profiles) {
        const rendered = await renderProfile(file, profile, deps);
        const answer = simulateSalesforceAnswer(rendered, { salesforce: BUILT_IN_SALESFORCE, mocks: mocks?.rules, scenario: mocks?.scenario as ScenarioName | undefined });
        actual.push(toRenderJson(redactRequest(rendered), file.lineStarts, answer));
      }
      const expectedPath = join(dir, 'expected-request.json');
      if (process.env.GOLDEN_UPDATE === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  });
}
