// The "raw liquidjs" side of the comparisons: liquidjs from node_modules as a library user would
// take it, nothing of ours. Braze's two tags that the example templates use are registered as
// minimal stand-ins so the same Liquid strings parse: `connected_content` only stores a value
// computed once outside the timed loop (the token answer the fixture resolver gives), and
// `abort_message` throws. Braze's `${name}` attribute syntax is not Liquid; the baseline is
// given the strings as our rewrite hands them to liquidjs (`{{${x}}}` → `{{x}}`), or, where it
// reads files itself (the batch baseline), the same rewrite done with one regular expression.
import { Liquid, Tag } from 'liquidjs';

class SavedValueTag extends Tag {
  constructor(token, remainTokens, liquid, value) {
    super(token, remainTokens, liquid);
    this.save = /:save\s+([\w.]+)/.exec(token.args)?.[1] ?? 'connected';
    this.value = value;
  }

  render(ctx) {
    ctx.bottom()[this.save] = this.value;
  }
}

class ThrowTag extends Tag {
  render() {
    throw new Error('abort_message');
  }
}

/**
 * A plain liquidjs engine (default options, the library's defaults) with the two stand-in tags.
 * `saved` is what `{% connected_content … :save x %}` puts in `x`.
 */
export function baselineEngine(saved = {}) {
  const engine = new Liquid();
  engine.registerTag(
    'connected_content',
    class extends SavedValueTag {
      constructor(token, remainTokens, liquid) {
        super(token, remainTokens, liquid, saved);
      }
    },
  );
  engine.registerTag('abort_message', ThrowTag);
  return engine;
}

/** Braze attribute syntax to plain Liquid variables, the way a quick script would do it. */
export function plainLiquid(text) {
  return text.replace(/\$\{([^}]*)\}/g, '$1');
}

/** Every Liquid string of a parsed webhook-template object: URL, header values, body values or raw body. */
export function templateStrings(template) {
  const strings = [];
  if (typeof template.url === 'string') strings.push(template.url);
  for (const value of Object.values(template.request_headers ?? {})) if (typeof value === 'string') strings.push(value);
  if (typeof template.body === 'string') strings.push(template.body);
  else for (const value of Object.values(template.body ?? {})) if (typeof value === 'string') strings.push(value);
  return strings;
}
