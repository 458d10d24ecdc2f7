import assert from 'node:assert/strict';
import { makeFixtureResolver } from '../connected-content';
import { renderLiquidText } from '../request/render-liquid-text';
import type { Dependencies } from '../types';

/** The Braze dialect end to end: rewrite, liquidjs and the plugin, as the preview runs them. */
const NOW = new Date('2026-03-01T12:34:56Z');

function deps(blocks: Record<string, string> = {}): Dependencies {
  return { resolveConnectedContent: makeFixtureResolver({}), readContentBlock: (name) => blocks[name], now: () => NOW };
}

async function render(source: string, scope: Record<string, unknown> = {}, blocks: Record<string, string> = {}) {
  return renderLiquidText(source, scope, deps(blocks));
}

async function output(source: string, scope: Record<string, unknown> = {}, blocks: Record<string, string> = {}): Promise<string> {
  const result = await render(source, scope, blocks);
  assert.equal(result.error, undefined, result.error?.message);
  assert.equal(result.aborted, undefined, result.aborted?.reason);
  return result.output;
}

describe('Braze dialect (rewrite + liquidjs + plugin)', () => {
  describe('{{ }} as a filter argument inside an output (issue 11)', () => {
    it('plus: {{balance}} with balance assigned first', async () => {
      const source = '{% assign balance = 10 %}{{custom_attribute.${a} | plus: {{balance}} }}';
      assert.equal(await output(source, { custom_attribute: { a: 5 } }), '15');
    });

    it("Braze's current balance use case (Filters page)", async () => {
      const source =
        '{% assign balance = {{custom_attribute.${current_rewards_balance}}} %}\nYou have ${{custom_attribute.${giftcard_balance} | plus: {{balance}}}} to spend!';
      const scope = { custom_attribute: { current_rewards_balance: 20, giftcard_balance: 15 } };
      assert.equal(await output(source, scope), '\nYou have $35 to spend!');
    });

    it('time_zone: {{${time_zone}}}', async () => {
      const source = "{{ 'now' | time_zone: {{${time_zone}}} | date: '%H:%M' }}";
      assert.equal(await output(source, { time_zone: 'America/Chicago' }), '06:34');
    });

    it('a nested output with filters is computed first', async () => {
      assert.equal(await output('{{ 1 | plus: {{ list | size }} }}', { list: [1, 2, 3] }), '4');
    });

    it('an unknown filter inside the nested output is reported on its name', async () => {
      const source = '{{ 1 | plus: {{ list | sise }} }}';
      const result = await render(source, { list: [1] });
      assert.ok(result.error, 'expected an error');
      assert.equal(source.slice(result.error.startIndex, result.error.endIndex), 'sise');
    });
  });

  describe('{% if {{list | size}} == 1 %} (use case library, issue 11)', () => {
    const source = '{% assign uniq_cat = {{category | uniq }} %}{% if {{uniq_cat | size}} == 1 %}{{uniq_cat}}{% else %}{% abort_message("Purchase category doesn\'t exist") %}{% endif %}';

    it('renders the nested output first', async () => {
      assert.equal(await output(source, { category: ['shoes', 'shoes'] }), 'shoes');
    });

    it('takes the other branch when the size differs', async () => {
      const result = await render(source, { category: ['shoes', 'hats'] });
      assert.deepEqual(result.aborted, { reason: "Purchase category doesn't exist" });
    });

    it('elsif conditions with filters are computed before the block', async () => {
      const elsif = '{% if a %}A{% elsif {{list | size}} == 2 %}two{% else %}other{% endif %}';
      assert.equal(await output(elsif, { list: [1, 2] }), 'two');
      assert.equal(await output(elsif, { a: true, list: [1, 2] }), 'A');
    });

    it('inside a loop, the nested output sees the loop variable', async () => {
      const loop = '{% for w in words %}{% if {{w | size}} > 3 %}{{w}} {% endif %}{% endfor %}';
      assert.equal(await output(loop, { words: ['ab', 'abcd', 'abcde'] }), 'abcd abcde ');
    });
  });

  describe('content blocks wherever Braze allows them (issue 11)', () => {
    // Braze's Liquid use case library: "Avoid sending emails to customers that have blocked marketing emails".
    const recipe =
      "{% assign blocked_emails = {{content_blocks.${BlockedEmailList}}} | split: ',' %}\n{% for email in blocked_emails %}\n    {% if {{${email_address}}} == email %}\n    {% abort_message(\"Email is blocked\") %}\n    {% break %}\n    {% endif %}\n{% endfor %} \nYour message here!";
    const blocks = { BlockedEmailList: 'test@braze.com,abc@braze.com' };

    it('a blocked address aborts the message', async () => {
      const result = await render(recipe, { email_address: 'abc@braze.com' }, blocks);
      assert.deepEqual(result.aborted, { reason: 'Email is blocked' });
    });

    it('any other address gets the message', async () => {
      assert.match(await output(recipe, { email_address: 'ana@example.com' }, blocks), /Your message here!$/);
    });

    it('a filtered output and a condition read the block too', async () => {
      assert.equal(await output('{{content_blocks.${greeting} | upcase}}', { first_name: 'Ana' }, { greeting: 'hi {{${first_name}}}' }), 'HI ANA');
      assert.equal(await output("{% if content_blocks.${greeting} contains 'hi' %}yes{% endif %}", {}, { greeting: 'hi' }), 'yes');
    });

    it('a block assigned inside a block renders one level deep, as Braze does', async () => {
      const nested = { outer: '[{% assign i = {{content_blocks.${inner}}} %}{{i}}]', inner: '<{{content_blocks.${deepest}}}>', deepest: 'x' };
      assert.equal(await output('{{content_blocks.${outer}}}', {}, nested), '[<>]');
    });

    it('a missing block is an error, not an empty value', async () => {
      const result = await render('{% assign x = {{content_blocks.${nope}}} %}{{x}}');
      assert.match(result.error?.message ?? '', /content block "nope" not found/);
    });
  });

  describe('message_extras (issue 11)', () => {
    it('{% message_extras :key k :value v %} prints nothing', async () => {
      assert.equal(await output('a{% message_extras :key k :value v %}b'), 'ab');
    });

    it("Braze's example with Liquid variables as key and value", async () => {
      const source = "{% assign value = '123' %} {% assign key = 'test' %} {% message_extras :key {{key}} :value {{value}} %}";
      assert.equal(await output(source), '  ');
    });
  });

  describe('hashes and arrays print as Ruby Liquid prints them (issue 11)', () => {
    it('a nested custom attribute object prints as a Ruby hash, not [object Object]', async () => {
      const scope = { custom_attribute: { company: { name: 'Acme', size: 250, public: false, parent: null } } };
      assert.equal(await output('{{custom_attribute.${company}}}', scope), '{"name"=>"Acme", "size"=>250, "public"=>false, "parent"=>nil}');
    });

    it('an array prints its elements joined, nested arrays flattened, nil empty', async () => {
      assert.equal(await output('{{custom_attribute.${tags}}}', { custom_attribute: { tags: ['a', ['b', 'c'], null, 1] } }), 'abc1');
    });

    it('hashes inside arrays and arrays inside hashes use Ruby inspect', async () => {
      const scope = { v: [{ k: 'x' }], h: { list: [1, 'two', null], quote: 'say "hi"\n#{x}' } };
      assert.equal(await output('{{v}}|{{h}}', scope), '{"k"=>"x"}|{"list"=>[1, "two", nil], "quote"=>"say \\"hi\\"\\n\\#{x}"}');
    });

    it('dotted paths into the object still print the value', async () => {
      assert.equal(await output('{{custom_attribute.${company.name}}}', { custom_attribute: { company: { name: 'Acme' } } }), 'Acme');
    });

    it('other values print as before (numbers, booleans, times, nil)', async () => {
      assert.equal(await output("{{ n }}|{{ b }}|{{ missing }}|{{ 'now' | time_zone: 'UTC' }}", { n: 2.5, b: true }), '2.5|true||2026-03-01 12:34:56 UTC');
    });
  });

  describe('connected_content with a URL Braze cannot call (issue 11)', () => {
    it('{% connected_content aabbcc %} fails with Braze\'s log line, on the tag', async () => {
      const source = 'x {% connected_content aabbcc %}{{connected}} y';
      const result = await render(source);
      assert.equal(result.error?.message, 'aabbcc is not a valid URL');
      assert.equal(source.slice(result.error.startIndex, result.error.endIndex), '{% connected_content aabbcc %}');
    });

    it("the recipe's placeholder host fails the same way", async () => {
      const source = '{% connected_content https://[insert_instance_name].my.salesforce.com/services/oauth2/token :method post :save result %}Bearer {{result.access_token}}';
      const result = await render(source);
      assert.equal(result.error?.message, 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token is not a valid URL');
    });

    it('a URL that renders empty fails too', async () => {
      const result = await render('{% connected_content {{custom_attribute.${api}}} %}');
      assert.equal(result.error?.message, 'the connected_content URL renders empty, which is not a valid URL');
    });

    it('a valid URL with no fixture still renders (a 404 inserts nothing)', async () => {
      assert.equal(await output('a{% connected_content https://api.example.com/x %}b'), 'ab');
    });
  });
});
