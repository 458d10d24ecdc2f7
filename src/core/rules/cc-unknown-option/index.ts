import { type CcOption, FLAG_CC_OPTIONS, KNOWN_CC_OPTIONS } from '../../liquid/connected-content-args';
import type { ConnectedContentNode, ReportedSuggestion, RuleContext, RuleDefinition } from '../../lint/types';
import { closestName } from '../../profile';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import { optionSpan } from '../oauth-helpers';
import texts from './texts.json';

/** What each option expects as its value, for the "no value" message. */
const EXPECTED_VALUE: Record<string, string> = {
  auth_credentials: 'credential_name',
  basic_auth: 'credential_name',
  body: 'key1=value1&key2=value2',
  cache_max_age: '900',
  content_type: 'application/json',
  headers: '{ "Name": "value" }',
  method: 'post',
  save: 'variable_name',
};

/**
 * Renames that are safe to apply without asking: the intent is clear from the name and the value
 * has the shape the documented option takes.
 */
const SAFE_RENAMES: Record<string, { to: string; fits: (value: string) => boolean }> = {
  cache: { to: 'cache_max_age', fits: (value) => /^\d+$/.test(value) },
  header: { to: 'headers', fits: (value) => value.startsWith('{') },
};

/**
 * connected_content options must be ones Braze documents, written `:name value`.
 * Braze lists :method, :body, :content_type, :headers, :save, :cache_max_age, :no_cache, :retry,
 * :basic_auth and :auth_credentials; anything else (`:cache`, `:timeout`) is not part of its
 * syntax and does not do what its name says.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/local_connected_content_variables/
 */
export const CcUnknownOption: RuleDefinition = {
  meta: {
    id: 'cc-unknown-option',
    docs: {
      recommended: true,
      url: docsUrl('cc-unknown-option'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      ConnectedContentTag(node) {
        for (const option of node.args.options) checkOption(context, node, option);
      },
    };
  },
};

function checkOption(context: RuleContext, node: ConnectedContentNode, option: CcOption): void {
  const { field } = node;
  const whole = optionSpan(node, option);
  const nameRange = context.toRaw(field, node.argsStart + option.nameSpan.start, node.argsStart + option.nameSpan.end);
  const valueRange = context.toRaw(field, node.argsStart + option.value.start, node.argsStart + option.value.end);
  const value = option.value.text;
  if (option.name === '') {
    const range = context.toRaw(field, whole.start, whole.end);
    const known = KNOWN_CC_OPTIONS.find((name) => name === option.nameSpan.text);
    const suggest: ReportedSuggestion[] = known
      ? [{ messageId: 'addColon', data: { text: known }, edits: [{ startIndex: range.start, endIndex: range.start, insert: ':' }] }]
      : [];
    context.report({ messageId: 'stray', data: { text: whole.text }, startIndex: range.start, endIndex: range.end, suggest });
    return;
  }
  const optionText = `:${option.name}`;
  if (!(KNOWN_CC_OPTIONS as readonly string[]).includes(option.name)) {
    reportUnknown(context, option, optionText, nameRange);
    return;
  }
  if (FLAG_CC_OPTIONS.has(option.name)) {
    if (value === '') return;
    const removal = context.toRaw(field, node.argsStart + option.nameSpan.end, node.argsStart + option.value.end);
    context.report({
      messageId: 'flagWithValue',
      data: { option: optionText, value },
      startIndex: valueRange.start,
      endIndex: valueRange.end,
      suggest: [{ messageId: 'removeValue', data: { value }, edits: [{ startIndex: removal.start, endIndex: removal.end, insert: '' }] }],
    });
    return;
  }
  if (value === '') {
    context.report({
      messageId: 'missingValue',
      data: { option: optionText, expected: EXPECTED_VALUE[option.name] ?? 'value' },
      startIndex: nameRange.start,
      endIndex: nameRange.end,
    });
  }
}

function reportUnknown(context: RuleContext, option: CcOption, optionText: string, nameRange: { start: number; end: number }): void {
  const at = { startIndex: nameRange.start, endIndex: nameRange.end };
  const lower = option.name.toLowerCase();
  if (lower === 'timeout') {
    context.report({ messageId: 'timeout', data: { option: optionText }, ...at });
    return;
  }
  const safe = SAFE_RENAMES[lower];
  const candidate = safe?.to ?? closestName(option.name, KNOWN_CC_OPTIONS);
  if (!candidate) {
    context.report({ messageId: 'unknown', data: { option: optionText, known: KNOWN_CC_OPTIONS.map((n) => `:${n}`).join(', ') }, ...at });
    return;
  }
  const suggestion = `:${candidate}`;
  const edits: TextEdit[] = [{ ...at, insert: suggestion }];
  const isSafe = (safe !== undefined && safe.fits(option.value.text)) || candidate === lower;
  context.report({
    messageId: 'unknownDidYouMean',
    data: { option: optionText, suggestion },
    ...at,
    ...(isSafe ? { fix: edits } : { suggest: [{ messageId: 'rename', data: { suggestion }, edits }] }),
  });
}
