import type { RegionNode, ReportedSuggestion, RuleContext, RuleDefinition } from '../../lint/types';
import type { RenderedRequest } from '../../request/rendered-request';
import { docsUrl } from '../docs-url';
import {
  appendToOutput,
  compiledField,
  describeCharacter,
  isJsonMediaType,
  renderedBodyJson,
  renderedField,
  renderedHeader,
  scanRawJsonTemplate,
  toLineColumn,
} from '../rendered-helpers';
import texts from './texts.json';

/** Filters after which a value is already safe inside a JSON string. */
const ESCAPING_FILTERS = new Set(['json_escape', 'as_json_string']);

/**
 * A raw-text body that does not render to JSON for some profile, while Content-Type says JSON
 * (or the body looks like JSON). Braze sends it as is; Salesforce refuses it with 400
 * JSON_PARSER_ERROR, and Braze does not retry a 4xx other than 408/429. The usual cause is a
 * personalised value with a `"`, `\` or line break: Braze's `json_escape` exists for that.
 * https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors (400: "Liquid
 * does not produce … characters that break the JSON, such as unescaped quotes")
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/ (json_escape)
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const RenderInvalidJson: RuleDefinition = {
  meta: {
    id: 'render-invalid-json',
    docs: {
      recommended: true,
      url: docsUrl('render-invalid-json'),
    },
    severity: 'error',
    kind: 'rendered',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        if (request.aborted || request.body === null || context.file.bodyMode !== 'raw') return;
        const bodyField = context.file.body[0];
        if (!bodyField || renderedField(request, bodyField.id) === undefined) return;
        const contentType = renderedHeader(request, 'Content-Type');
        const declaredJson = contentType !== undefined && isJsonMediaType(contentType);
        const parsed = renderedBodyJson(request);
        if (parsed.kind === 'none') {
          if (declaredJson && bodyField.text.trim() !== '') {
            context.report({ messageId: 'empty', data: { contentType: contentType.trim() }, startIndex: bodyField.valueRange.start, endIndex: bodyField.valueRange.end });
          }
          return;
        }
        if (parsed.kind !== 'invalid') return;
        if (!declaredJson && !looksLikeJson(request)) return;
        const body = request.body;
        const { line, column } = toLineColumn(body, parsed.offset);
        context.report({
          messageId: 'invalid',
          data: { problem: parsed.message, line, column, character: describeCharacter(body, parsed.offset) },
          startIndex: bodyField.valueRange.start,
          endIndex: bodyField.valueRange.end,
          suggest: jsonEscapeSuggestion(context),
        });
      },
    };
  },
};

function looksLikeJson(request: RenderedRequest): boolean {
  return /^\s*[{[]/.test(request.body ?? '');
}

/** One suggestion that escapes every personalised output written inside a JSON string. */
function jsonEscapeSuggestion(context: RuleContext): ReportedSuggestion[] {
  const compiled = compiledField(context, 'body');
  if (!compiled) return [];
  const inStrings = new Set(scanRawJsonTemplate(compiled.field.text, compiled.rewrite.regions).outputsInStrings.map((r) => r.start));
  const targets = context
    .regions()
    .filter((r) => r.field === compiled.field && r.kind === 'output' && inStrings.has(r.start) && isPersonalised(r) && !r.filters.some((f) => ESCAPING_FILTERS.has(f.name)));
  if (targets.length === 0) return [];
  return [{ messageId: 'addJsonEscape', data: { count: targets.length }, edits: targets.map((r) => appendToOutput(context, r, ' | json_escape')) }];
}

/** An output whose value can vary: anything but a lone string or number literal. */
function isPersonalised(region: RegionNode): boolean {
  const inner = region.field.text.slice(region.innerStart, region.innerEnd).trim();
  return !/^(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)$/.test(inner);
}
