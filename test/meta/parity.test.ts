import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../src/core/rules';

const repo = join(__dirname, '../..');
const rulesDir = join(repo, 'src/core/rules');

describe('parity: rules, tests and docs stay in step', () => {
  const folders = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('the registry is sorted and lists every rule folder, and only those', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort(), 'allRules must be sorted by id');
    assert.deepEqual(ids, folders);
  });

  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('has a table test next to it', () => assert.ok(existsSync(join(rulesDir, rule.meta.id, 'index.test.ts'))));
      it('has a docs page at meta.docs.url that names the rule', () => {
        assert.equal(rule.meta.docs.url, `docs/rules/${rule.meta.id}.md`);
        const page = join(repo, rule.meta.docs.url);
        assert.ok(existsSync(page), `${rule.meta.docs.url} is missing`);
        assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.meta.id}\\b`, 'm'));
      });
      it('has a one-sentence description and messages', () => {
        assert.match(rule.meta.texts.description, /\.$/);
        assert.ok(Object.keys(rule.meta.texts.messages).length > 0);
      });
      if (rule.meta.fixable) {
        it('tests the output of its fix', () => {
          assert.match(readFileSync(join(rulesDir, rule.meta.id, 'index.test.ts'), 'utf8'), /\boutput:/);
        });
      }
    });
  }

  it('every translated rule page (docs/rules/<lang>/) belongs to a rule and names it', () => {
    const languages = readdirSync(join(repo, 'docs/rules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const lang of languages) {
      assert.match(lang, /^[a-z]{2,3}$/, `docs/rules/${lang}/ is not a language code`);
      for (const page of readdirSync(join(repo, 'docs/rules', lang)).filter((f) => f.endsWith('.md'))) {
        const id = page.replace(/\.md$/, '');
        assert.ok(folders.includes(id), `docs/rules/${lang}/${page} has no rule`);
        assert.match(readFileSync(join(repo, 'docs/rules', lang, page), 'utf8'), new RegExp(`^# ${id}\\b`, 'm'));
      }
    }
  });

  it('every docs page belongs to a rule', () => {
    const pages = readdirSync(join(repo, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.filter((p) => !folders.includes(p)), []);
  });
});

describe('parity: commands and package.json', () => {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const source = readFileSync(join(repo, 'src/vscode/commands.ts'), 'utf8');
  const enumIds = [...source.matchAll(/=\s*'(brazeWebhook\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();

  it('every CommandId is contributed, and every contributed command is a CommandId', () => {
    const contributed = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepEqual(contributed, enumIds);
  });

  it('every setting is under brazeWebhook. and read by settings.ts', () => {
    const settings = readFileSync(join(repo, 'src/vscode/settings.ts'), 'utf8');
    for (const key of Object.keys(pkg.contributes.configuration.properties)) {
      assert.match(key, /^brazeWebhook\./);
      assert.ok(settings.includes(`'${key.replace(/^brazeWebhook\./, '')}'`), `${key} is not read in settings.ts`);
    }
  });

  it('every jsonValidation schema exists', () => {
    for (const v of pkg.contributes.jsonValidation as Array<{ url: string }>) assert.ok(existsSync(join(repo, v.url)), v.url);
  });
});

describe('parity: layering', () => {
  it('no file under src/core imports vscode or Node I/O', () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(join(repo, 'src/core'), { recursive: true })) {
      const path = String(entry);
      if (!path.endsWith('.ts') || path.endsWith('.test.ts')) continue;
      const text = readFileSync(join(repo, 'src/core', path), 'utf8');
      if (/from ['"](vscode|node:[\w/]+|fs|path|child_process|http|https|net)['"]/.test(text)) offenders.push(path);
    }
    assert.deepEqual(offenders, []);
  });

  it('src/cli never imports vscode', () => {
    for (const entry of readdirSync(join(repo, 'src/cli'), { recursive: true })) {
      const path = String(entry);
      if (path.endsWith('.ts')) assert.doesNotMatch(readFileSync(join(repo, 'src/cli', path), 'utf8'), /from ['"]vscode['"]/, path);
    }
  });
});
