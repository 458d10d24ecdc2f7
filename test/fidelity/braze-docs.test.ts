import assert from 'node:assert/strict';
import { FILTER_CASES } from './cases/filters';
import { LOGIC_CASES } from './cases/logic';
import { PERSONALIZATION_CASES } from './cases/personalization';
import { TAG_CASES } from './cases/tags';
import { USE_CASES } from './cases/use-cases';
import type { Documented, FidelityCase } from './fidelity-case';
import { buildCliOnce, type LiquidRun, runLiquid } from './run-cli';

/**
 * Examples from Braze's own documentation, each run through the real `braze-webhook liquid`
 * process and compared with what its page documents. Where a page contradicts itself, the case
 * says what the page prints (`docSays`) and docs/braze-fidelity.md records the reading chosen.
 */
const CASES: ReadonlyArray<readonly [string, FidelityCase[]]> = [
  ['Filters and Advanced filters', FILTER_CASES],
  ['Using Liquid, Operators, Conditional logic, Abort messages', LOGIC_CASES],
  ['Supported personalization tags, Setting default values', PERSONALIZATION_CASES],
  ['Liquid use case library', USE_CASES],
  ['Content Blocks, FAQ, message_extras, Connected Content', TAG_CASES],
];

/** The docs show text without the blank lines and indentation Liquid tags leave behind. */
function asText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function check(run: LiquidRun, expected: Documented): void {
  const shown = `exit ${run.code}\nstdout: ${JSON.stringify(run.stdout)}\nstderr: ${JSON.stringify(run.stderr)}`;
  if ('aborted' in expected) {
    assert.equal(run.code, 1, shown);
    assert.equal(run.stderr, `aborted: ${expected.aborted}\n`, shown);
    return;
  }
  if ('error' in expected) {
    assert.equal(run.code, 1, shown);
    const message = run.stderr.replace(/^[^:]*:\d+:\d+: /, '').trim();
    if (typeof expected.error === 'string') assert.equal(message, expected.error, shown);
    else assert.match(message, expected.error, shown);
    return;
  }
  assert.equal(run.code, 0, shown);
  assert.equal(run.stderr, '', shown);
  if ('outputMatches' in expected) assert.match(run.stdout, expected.outputMatches, shown);
  else if (expected.compare === 'exact') assert.equal(run.stdout, expected.output, shown);
  else assert.equal(asText(run.stdout), asText(expected.output), shown);
}

describe('Braze fidelity: documented examples through braze-webhook liquid', function () {
  this.timeout(120_000);
  before(() => buildCliOnce());

  for (const [group, cases] of CASES) {
    describe(group, () => {
      for (const fidelityCase of cases) {
        it(`${fidelityCase.name} (${fidelityCase.page.url})`, () => check(runLiquid(fidelityCase), fidelityCase.expect));
      }
    });
  }

  it('every case cites a page of braze-inc/braze-docs and its live URL', () => {
    for (const [, cases] of CASES) {
      for (const { name, page } of cases) {
        assert.match(page.path, /^_docs\/.+\.md$/, name);
        assert.match(page.url, /^https:\/\/www\.braze\.com\/docs\/.+\/$/, name);
      }
    }
  });
});
