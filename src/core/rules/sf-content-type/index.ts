import type { Node } from 'jsonc-parser';
import type { RuleDefinition } from '../../lint/types';
import { closestName } from '../../profile/did-you-mean';
import { foldLabel } from '../../salesforce/model';
import type { TemplateFile } from '../../template/template-file';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import { hasLiquid, sendsRecordData, toSobjectRequest } from '../../salesforce/template-request';
import { appendMemberEdit, insertAfterEdit, nestedObjectMember } from './fixes';
import texts from './texts.json';

const JSON_HEADER = '"Content-Type": "application/json"';

/**
 * Header names that mean Content-Type but are not it: translations (the Spanish recipe's
 * `Tipo de contenido`; Portuguese, French, German, Italian), other punctuation (`Content_Type`),
 * and typos (`Content-Typ`, by edit distance). `header-name` reports those, so this rule stays
 * silent rather than report the same header twice. Folded with `foldLabel`.
 */
const CONTENT_TYPE_TRANSLATIONS = new Set(['contenttype', 'tipodecontenido', 'tipocontenido', 'tipodeconteudo', 'typedecontenu', 'inhaltstyp', 'contenttyp', 'tipodicontenuto', 'tipocontenuto']);

function looksLikeContentType(name: string): boolean {
  return CONTENT_TYPE_TRANSLATIONS.has(foldLabel(name)) || (!/^x-/i.test(name) && closestName(name, ['Content-Type']) !== undefined);
}

/**
 * A JSON body needs `Content-Type: application/json`. Without the header Braze infers a type from
 * the body (and recommends setting it explicitly); with a non-JSON type Salesforce cannot parse
 * the body and answers 415 UNSUPPORTED_MEDIA_TYPE, a 4xx Braze does not retry.
 * https://www.braze.com/docs/api/objects_filters/messaging/webhook_object/
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const SfContentType: RuleDefinition = {
  meta: {
    id: 'sf-content-type',
    docs: { recommended: true, url: docsUrl('sf-content-type') },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        if (!request || !sendsRecordData(request) || !hasJsonBody(file)) return;
        const header = file.headers.find((h) => h.key?.toLowerCase() === 'content-type');
        if (header) {
          const value = header.text.trim();
          if (hasLiquid(value) || isJsonMediaType(value)) return;
          const range = header.valueRange;
          context.report({
            messageId: 'notJson',
            data: { contentType: value },
            startIndex: range.start,
            endIndex: range.end,
            severity: 'error',
            suggest: [{ messageId: 'useJson', edits: [{ startIndex: range.start, endIndex: range.end, insert: '"application/json"' }] }],
          });
          return;
        }
        if (file.headers.some((h) => looksLikeContentType(h.key ?? ''))) return;
        const headers = file.members.find((m) => m.key === 'request_headers');
        if (headers && headers.valueNode.type !== 'object') return;
        const at = headers?.keyRange ?? file.members.find((m) => m.key === 'body')?.keyRange;
        if (!at) return;
        const fix = headers ? [appendMemberEdit(file.text, headers.valueNode, () => JSON_HEADER)] : addHeadersObject(file);
        context.report({ messageId: 'missing', startIndex: at.start, endIndex: at.end, fix });
      },
    };
  },
};

/** A `request_headers` object holding Content-Type, placed after `request_method` (or `url`). */
function addHeadersObject(file: TemplateFile): TextEdit[] | undefined {
  const properties: Node[] = file.root?.children ?? [];
  const byKey = (key: string) => properties.find((p) => p.children?.[0]?.value === key);
  const anchor = byKey('request_method') ?? byKey('url');
  if (!anchor) return undefined;
  return [insertAfterEdit(file.text, anchor, nestedObjectMember(file.text, 'request_headers', JSON_HEADER))];
}

/** JSON key/value pairs, or a raw body that starts like a JSON object or array. */
function hasJsonBody(file: TemplateFile): boolean {
  if (file.bodyMode === 'json') return true;
  if (file.bodyMode !== 'raw') return false;
  const text = file.body[0]?.text.trim() ?? '';
  return (text.startsWith('{') && !text.startsWith('{{') && !text.startsWith('{%')) || text.startsWith('[');
}

/** `application/json`, with or without parameters such as `; charset=UTF-8`. */
function isJsonMediaType(value: string): boolean {
  return value.split(';')[0].trim().toLowerCase() === 'application/json';
}
