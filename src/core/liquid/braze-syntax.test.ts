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

  it('lists regions with tag names', () => {
    const regions = rewriteBrazeSyntax('{% if a %}{{ b }}{%- endif -%}').regions;
    assert.deepEqual(regions.map((r) => [r.kind, r.name ?? '']), [['tag', 'if'], ['output', ''], ['tag', 'endif']]);
  });

  it('leaves an unclosed ${ for liquidjs to reject', () => {
    assert.equal(rewriteBrazeSyntax('{{${first_name}}').source, '{{first_name}');
    assert.equal(rewriteBrazeSyntax('{{${first_name').source, '{{${first_name');
  });
});
