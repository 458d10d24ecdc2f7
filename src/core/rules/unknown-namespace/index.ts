import type { Report, ReportedSuggestion, RuleDefinition } from '../../lint/types';
import { closestName, NAMESPACES, STANDARD_ATTRIBUTES } from '../../profile';
import { docsUrl } from '../docs-url';
import { toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

const NAMESPACE_NAMES = NAMESPACES.map((namespace) => namespace.name);
const STANDARD_TAGS = new Set(STANDARD_ATTRIBUTES.map((attribute) => attribute.tag));

/**
 * Near-misses whose intent is unambiguous (mostly the API/export spelling of a Liquid namespace),
 * so renaming is a safe fix. `custom_attributes` is the export field; Liquid says `custom_attribute`.
 */
const SAFE_RENAMES: Record<string, string> = {
  custom_attributes: 'custom_attribute',
  event_property: 'event_properties',
  trigger_properties: 'api_trigger_properties',
  api_trigger_property: 'api_trigger_properties',
  canvas_entry_property: 'canvas_entry_properties',
  content_block: 'content_blocks',
  subscription_state: 'subscribed_state',
};

/** Words people use for "the user's attributes"; the intent (standard or custom) needs a human. */
const PROFILE_WORDS = new Set(['user', 'users', 'customer', 'profile', 'contact', 'lead', 'attribute', 'attributes', 'custom', 'person']);

/** Channels that fill the namespaces Braze does not list for webhooks. */
const ONLY_IN: Record<string, string> = {
  targeted_device: 'push, in-app messages and Banners',
  app: 'in-app messages',
};

/**
 * The namespace before `.${…}` must be one Braze has; `targeted_device` and `app` are not filled in
 * webhooks, and `canvas_entry_properties` is the older spelling of `context`.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/supported_personalization_tags/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/personalization/canvas_entry_properties/
 */
export const UnknownNamespace: RuleDefinition = {
  meta: {
    id: 'unknown-namespace',
    docs: {
      recommended: true,
      url: docsUrl('unknown-namespace'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    fixable: true,
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      AttributeReference({ field, reference }) {
        const namespace = reference.namespace;
        if (!namespace) return;
        const text = field.text;
        const written = text.slice(reference.start, reference.end);
        const namespaceRange = context.toRaw(field, reference.start, reference.start + namespace.length);
        const renameTo = (suggestionText: string, start: number, end: number, replacement: string): ReportedSuggestion => ({
          messageId: 'rename',
          data: { suggestion: suggestionText },
          edits: [toFieldEdit(context, field, start, end, replacement)],
        });
        const renameNamespace = (to: string) => renameTo(`${to}.\${${reference.name}}`, reference.start, reference.start + namespace.length, to);
        const report = (messageId: string, data: Record<string, string>, extra: Partial<Report> = {}) =>
          context.report({ messageId, data: { namespace, reference: written, ...data }, startIndex: namespaceRange.start, endIndex: namespaceRange.end, ...extra });

        const known = NAMESPACES.find((candidate) => candidate.name === namespace);
        if (known) {
          if (!known.inWebhooks) report('notInWebhooks', { channels: ONLY_IN[namespace] ?? 'other channels' }, { severity: 'warning' });
          else if (known.legacy) {
            const suggestion = `context.\${${reference.name}}`;
            report('legacy', { suggestion }, { severity: 'info', suggest: [renameNamespace('context')] });
          }
          return;
        }

        const root = namespace.split('.')[0];
        if (root !== namespace && NAMESPACE_NAMES.includes(root)) {
          const suggestion = `${root}.\${${namespace.slice(root.length + 1)}.${reference.name}}`;
          report('nestedPath', { suggestion }, { suggest: [renameTo(suggestion, reference.start, reference.end, suggestion)] });
          return;
        }

        const safe = SAFE_RENAMES[namespace];
        if (safe) {
          const suggestion = `${safe}.\${${reference.name}}`;
          const edit = toFieldEdit(context, field, reference.start, reference.start + namespace.length, safe);
          report('didYouMean', { suggestion }, { fix: [edit] });
          return;
        }

        const suggest: ReportedSuggestion[] = [];
        const close = PROFILE_WORDS.has(namespace.toLowerCase()) ? undefined : closestName(namespace, NAMESPACE_NAMES);
        if (close) suggest.push(renameNamespace(close));
        if (PROFILE_WORDS.has(namespace.toLowerCase()) && STANDARD_TAGS.has(reference.name)) {
          suggest.push(renameTo(`\${${reference.name}}`, reference.start, reference.nameStart - 2, ''));
        }
        if (close !== 'custom_attribute') suggest.push(renameNamespace('custom_attribute'));
        if (close) report('didYouMean', { suggestion: `${close}.\${${reference.name}}` }, { suggest });
        else report('unknown', {}, { suggest });
      },
    };
  },
};
