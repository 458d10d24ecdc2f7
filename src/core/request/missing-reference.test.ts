import assert from 'node:assert/strict';
import { rewriteBrazeSyntax } from '../liquid/braze-syntax';
import { classifyMissingReference, formatMissingReference } from './missing-reference';

/** The message for the first `${…}` reference of a field text. */
function messageFor(text: string): string {
  const rewrite = rewriteBrazeSyntax(text);
  return formatMissingReference(classifyMissingReference(text, rewrite.regions, rewrite.references[0]));
}

describe('classifyMissingReference', () => {
  it('quotes the default a quoted argument renders, pipes inside it included', () => {
    assert.equal(messageFor("{{${last_name} | default: 'a|b'}}"), "${last_name} has no value for this profile; the output's `default` renders \"a|b\" instead.");
    assert.equal(messageFor('{{- ${last_name} | default: "x" -}}'), "${last_name} has no value for this profile; the output's `default` renders \"x\" instead.");
  });

  it('says empty for an output without default, nil in a tag, and empty in a {{ }} inside a tag', () => {
    assert.equal(messageFor('Hi {{${first_name}}}'), '${first_name} has no value for this profile; Braze renders it as an empty string.');
    assert.equal(messageFor('{% if ${first_name} == blank %}x{% endif %}'), '${first_name} has no value for this profile; in this tag it is blank (nil).');
    assert.equal(
      messageFor('{% connected_content https://x.example/{{${user_id}}} :save r %}'),
      '${user_id} has no value for this profile; Braze renders it as an empty string.',
    );
  });

  it('names the filters that decide the value when they can turn an empty value into text', () => {
    assert.equal(messageFor('{{${first_name} | prepend: "Dr " | size}}'), "${first_name} has no value for this profile; the output's filters (`prepend | size`) decide what is rendered from the empty value.");
  });
});
