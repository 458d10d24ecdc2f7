import assert from 'node:assert/strict';
import { rewriteBrazeSyntax, toOriginalRange } from './braze-syntax';

describe('Braze syntax rewrite', () => {
  const cases: Array<[string, string]> = [
    ['Hi {{${first_name}}}!', 'Hi {{first_name}}!'],
    ['{{custom_attribute.${zip code}}}', "{{custom_attribute['zip code']}}"],
    ['{{custom_attribute.${address.city}}}', '{{custom_attribute.address.city}}'],
    ['{{ ${ñame} }}', "{{ ['ñame'] }}"],
    ["{{custom_attribute.${it's}}}", '{{custom_attribute["it\'s"]}}'],
    ['{% if {{custom_attribute.${score}}} > 50 %}y{% endif %}', '{% if   custom_attribute.score   > 50 %}y{% endif %}'],
    ['{% assign n = {{${first_name}}} | upcase %}', '{% assign n =   first_name   | upcase %}'],
    ['{% raw %}{{${x}}}{% endraw %}{{${y}}}', '{% raw %}{{${x}}}{% endraw %}{{y}}'],
    ['${first_name} outside Liquid stays', '${first_name} outside Liquid stays'],
    ['{{content_blocks.${footer}}}', '{% braze_content_block "footer" %}'],
    [
      '{% connected_content https://x.example/?e={{${email_address} | url_param_escape}} :save r %}',
      '{% connected_content https://x.example/?e={{email_address | url_param_escape}} :save r %}',
    ],
    // Nested outputs without filters are blanked; with filters they are computed first (hoisted).
    ['{{custom_attribute.${a} | plus: {{balance}} }}', '{{custom_attribute.a | plus:   balance   }}'],
    ["{{ 'now' | time_zone: {{${time_zone}}} | date: '%H' }}", "{{ 'now' | time_zone:   time_zone   | date: '%H' }}"],
    ['{% if {{list | size}} == 1 %}y{% endif %}', '{% assign __braze_nested_0 = list | size %}{% if __braze_nested_0 == 1 %}y{% endif %}'],
    ['{% assign u = {{category | uniq }} %}', '{% assign __braze_nested_0 = category | uniq  %}{% assign u = __braze_nested_0 %}'],
    [
      '{% if a %}x{% elsif {{l | size}} == 1 %}y{% endif %}',
      '{% assign __braze_nested_0 = l | size %}{% if a %}x{% elsif __braze_nested_0 == 1 %}y{% endif %}',
    ],
    ['{% case {{v | downcase}} %}{% when {{w | downcase}} %}z{% endcase %}', '{% assign __braze_nested_0 = v | downcase %}{% assign __braze_nested_1 = w | downcase %}{% case __braze_nested_0 %}{% when __braze_nested_1 %}z{% endcase %}'],
    ['a {%- if {{l | size}} > 0 -%} b', 'a {%- assign __braze_nested_0 = l | size %}{%- if __braze_nested_0 > 0 -%} b'],
    ['{{ a | plus: {{ b | plus: {{c | size}} }} }}', '{% assign __braze_nested_0 = c | size %}{% assign __braze_nested_1 =  b | plus: __braze_nested_0  %}{{ a | plus: __braze_nested_1 }}'],
    ['{{ "}}" | append: x }}', '{{ "}}" | append: x }}'],
    ['{% message_extras :key {{key}} :value {{value}} %}', '{% message_extras :key   key   :value   value   %}'],
  ];
  for (const [input, expected] of cases) {
    it(`rewrites ${input}`, () => assert.equal(rewriteBrazeSyntax(input).source, expected));
  }

  it('records references with namespace and exact offsets', () => {
    const text = 'A {{custom_attribute.${zip code} | default: "0"}} B {{${first_name}}}';
    const refs = rewriteBrazeSyntax(text).references;
    assert.deepEqual(
      refs.map((r) => [r.namespace, r.name, text.slice(r.start, r.end), text.slice(r.nameStart, r.nameEnd)]),
      [
        ['custom_attribute', 'zip code', 'custom_attribute.${zip code}', 'zip code'],
        ['', 'first_name', '${first_name}', 'first_name'],
      ],
    );
  });

  it('maps rewritten ranges back to the original text', () => {
    const text = 'x {{custom_attribute.${zip code} | nope}} y';
    const rewrite = rewriteBrazeSyntax(text);
    const at = rewrite.source.indexOf('nope');
    const back = toOriginalRange(rewrite, at, at + 4);
    assert.equal(text.slice(back.start, back.end), 'nope');
    const whole = toOriginalRange(rewrite, rewrite.source.indexOf('{{'), rewrite.source.indexOf('}}') + 2);
    assert.equal(text.slice(whole.start, whole.end), '{{custom_attribute.${zip code} | nope}}');
  });

  it('maps a hoisted expression back onto the nested output it came from', () => {
    const text = '{% if {{list | sise}} == 1 %}y{% endif %}';
    const rewrite = rewriteBrazeSyntax(text);
    const at = rewrite.source.indexOf('sise');
    const back = toOriginalRange(rewrite, at, at + 4);
    assert.equal(text.slice(back.start, back.end), 'sise');
    const variable = rewrite.source.indexOf('__braze_nested_0 ==');
    const whole = toOriginalRange(rewrite, variable, variable + '__braze_nested_0'.length);
    assert.equal(text.slice(whole.start, whole.end), '{{list | sise}}');
    const hoist = toOriginalRange(rewrite, 0, rewrite.source.indexOf('{% if'));
    assert.equal(text.slice(hoist.start, hoist.end), '{{list | sise}}');
  });

  it('keeps references in text order when a value is hoisted before the block opener', () => {
    const text = '{% if ${a} %}{% elsif {{custom_attribute.${b} | size}} > 0 %}{% endif %}';
    assert.deepEqual(rewriteBrazeSyntax(text).references.map((r) => r.name), ['a', 'b']);
  });

  it('lists regions with tag names', () => {
    const regions = rewriteBrazeSyntax('{% if a %}{{ b }}{%- endif -%}').regions;
    assert.deepEqual(regions.map((r) => [r.kind, r.name ?? '']), [['tag', 'if'], ['output', ''], ['tag', 'endif']]);
  });

  it('leaves an unclosed ${ for liquidjs to reject', () => {
    assert.equal(rewriteBrazeSyntax('{{${first_name}}').source, '{{first_name}');
    assert.equal(rewriteBrazeSyntax('{{${first_name').source, '{{${first_name');
  });
});
