import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { findBodyValue, quoteRendered, renderedLeadStrings } from '../rendered-helpers';

const LOCAL_PART = /^[^\s@"(),:;<>[\]\\]+$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * A Lead email field (Email) that renders to something that is not an address. An empty value
 * is fine (Email is optional); anything else must look like `name@domain.tld`, or Salesforce
 * refuses the record with 400 INVALID_EMAIL_ADDRESS, which Braze does not retry.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm (Email: type email)
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const RenderInvalidEmail: RuleDefinition = {
  meta: {
    id: 'render-invalid-email',
    docs: {
      description: 'Email must render to an email address (or to nothing) for every sample profile.',
      recommended: true,
      url: docsUrl('render-invalid-email'),
    },
    severity: 'warning',
    kind: 'rendered',
    schema: {},
    messages: {
      invalid:
        '{{key}} renders "{{value}}" for this profile, which is not an email address ({{reason}}). Salesforce answers 400 INVALID_EMAIL_ADDRESS and saves nothing.',
    },
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const [key, value] of renderedLeadStrings(request)) {
          if (context.salesforce.sobject('Lead')?.field(key)?.type !== 'email') continue;
          const reason = emailProblem(value.trim());
          if (!reason) continue;
          const location = findBodyValue(context, key);
          if (!location) continue;
          context.report({
            messageId: 'invalid',
            data: { key: location.key, value: quoteRendered(request, value, 80), reason },
            startIndex: location.range.start,
            endIndex: location.range.end,
          });
        }
      },
    };
  },
};

/** Why `address` is not an email address; undefined when it is one (or empty). */
export function emailProblem(address: string): string | undefined {
  if (address === '') return undefined;
  if (/\s/.test(address)) return 'it contains whitespace';
  const at = address.split('@');
  if (at.length === 1) return 'there is no "@"';
  if (at.length > 2) return 'there is more than one "@"';
  const [local, domain] = at;
  if (local === '') return 'nothing before the "@"';
  if (domain === '') return 'nothing after the "@"';
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'the part before the "@" has characters an address cannot hold';
  const labels = domain.split('.');
  if (labels.length < 2) return 'the domain has no "."';
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return 'the domain is not a host name';
  if (!/^\p{L}{2,}$/u.test(labels[labels.length - 1])) return 'the domain does not end in a top-level domain';
  return undefined;
}
