import type { RegionNode, RuleDefinition } from '../../lint/types';
import type { LiquidField } from '../../template/template-file';
import { findPlaceholders, isExampleHost, isPlaceholderHost } from '../../util/placeholders';
import { docsUrl } from '../docs-url';
import { ccUrlInfo, literalRuns, literalSegments, type TextSpan, type UrlInfo, webhookUrls } from '../oauth-helpers';
import texts from './texts.json';

/** Any `[…]` inside a URL's host: Braze cannot parse such a URL. */
const BRACKETED = /\[[^\]\s]+\]/g;

/** Tags whose text is never sent: a placeholder noted there (`TODO`) is a note, not a value. */
const UNSENT_BLOCKS: Record<string, string> = { comment: 'endcomment' };

/**
 * Placeholders left in from Braze's recipe (`[insert_instance_name]`), Salesforce's and other docs
 * (`MyDomainName`, `yourInstance`, `YOUR_CLIENT_ID`, `<client_id>`, `xxx`, `CHANGE_ME`, `TODO`),
 * this product's own snippet defaults (`MyDomainName`), and documentation hosts (`example.com`).
 * Braze does not catch them: a bracketed host makes Braze log "<url> is not a valid URL" and send
 * nothing; a placeholder host does not resolve, so Braze gets a connection error; a placeholder
 * value is sent as written. The detector is `findPlaceholders` (src/core/util/placeholders.ts).
 * https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud
 * https://help.salesforce.com/s/articleView?id=sf.domain_name_overview.htm (My Domain; its URL-format pages write MyDomainName)
 */
export const Placeholder: RuleDefinition = {
  meta: {
    id: 'placeholder',
    docs: { recommended: true, url: docsUrl('placeholder') },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      Field({ field }) {
        const regions = context.fieldRegions(field);
        const nodes = context.connectedContentTags().filter((node) => node.field === field);
        const urls: UrlInfo[] = [...(field.kind === 'url' ? webhookUrls(regions, field) : []), ...nodes.flatMap((node) => ccUrlInfo(node) ?? [])];
        const found = new Map<number, string>();
        for (const span of sentText(field, regions, nodes.map((node) => ({ start: node.argsStart, end: node.region.innerEnd })))) {
          for (const m of findPlaceholders(span.text)) found.set(span.start + m.index, m.text);
        }
        for (const url of urls) {
          for (const m of url.host.text.matchAll(BRACKETED)) found.set(url.host.start + (m.index ?? 0), m[0]);
        }
        const reportAt = (start: number, end: number, messageId: string, data: Record<string, string>) => {
          const range = context.toRaw(field, start, end);
          context.report({ messageId, data, startIndex: range.start, endIndex: range.end });
        };
        for (const [index, placeholder] of [...found].sort((a, b) => a[0] - b[0])) {
          const url = urls.find((u) => index >= u.url.start && index < u.url.end);
          const inHost = url && index >= url.host.start && index < url.host.end;
          if (inHost && placeholder.startsWith('[')) reportAt(index, index + placeholder.length, 'inUrl', { placeholder, url: url.url.text });
          else if (inHost) reportAt(index, index + placeholder.length, 'inHost', { placeholder, host: url.host.text });
          else reportAt(index, index + placeholder.length, 'inValue', { placeholder });
        }
        for (const url of urls) {
          const host = url.host;
          if ([...found.keys()].some((index) => index >= host.start && index < host.end)) continue;
          if (isExampleHost(host.text)) reportAt(host.start, host.end, 'exampleHost', { host: host.text });
          else if (isPlaceholderHost(host.text)) reportAt(host.start, host.end, 'inHost', { placeholder: host.text, host: host.text });
        }
      },
    };
  },
};

/**
 * The parts of a field Braze sends or calls with, as written: the text outside Liquid (except what
 * a `{% comment %}` block holds), the arguments of its connected_content tags outside their own
 * `{{ … }}`, and the quoted strings of its outputs (`default: 'YOUR_NAME'` is sent as written).
 */
function sentText(field: LiquidField, regions: readonly RegionNode[], ccArgs: ReadonlyArray<{ start: number; end: number }>): TextSpan[] {
  const unsent = unsentRanges(regions);
  const spans = literalSegments(regions, field).filter((s) => !unsent.some(([start, end]) => s.start >= start && s.end <= end));
  for (const args of ccArgs) spans.push(...literalRuns({ text: field.text.slice(args.start, args.end), start: args.start, end: args.end }));
  for (const region of regions) {
    if (region.kind !== 'output') continue;
    for (const m of region.text.matchAll(/'([^']*)'|"([^"]*)"/g)) {
      const value = m[1] ?? m[2];
      const start = region.start + (m.index ?? 0) + 1;
      spans.push({ text: value, start, end: start + value.length });
    }
  }
  return spans;
}

/** Decoded ranges between a `{% comment %}` and its `{% endcomment %}`. */
function unsentRanges(regions: readonly RegionNode[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < regions.length; i++) {
    const closer = UNSENT_BLOCKS[regions[i].name ?? ''];
    if (!closer) continue;
    const end = regions.slice(i + 1).find((r) => r.name === closer);
    ranges.push([regions[i].end, end ? end.start : Number.MAX_SAFE_INTEGER]);
  }
  return ranges;
}
