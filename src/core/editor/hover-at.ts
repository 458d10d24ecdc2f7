import { BRAZE_FILTER_DOCS, brazeUnsupportedFilters } from '../liquid/filters';
import { compileTemplate } from '../liquid/compile';
import { toConnectedContentNodes, toRegionNodes } from '../lint/nodes';
import { NAMESPACES, STANDARD_ATTRIBUTES } from '../profile';
import { describeApiVersion } from '../salesforce/api-versions';
import { findLeadField, type LeadField } from '../salesforce/lead-fields';
import { parseSobjectUrl } from '../salesforce/sobject-url';
import type { LiquidField, TemplateFile } from '../template/template-file';
import type { OffsetRange } from '../types';
import { CC_OPTION_DOCS, HEADER_DOCS, TAG_DOCS } from './docs';
import { fieldAt, rawToDecoded, within } from './locate';

/** Hover content in Markdown and the raw range it describes. */
export interface HoverInfo {
  markdown: string;
  range: OffsetRange;
}

/** Sample values seen in profiles, for hovers on custom attributes. */
export interface HoverContext {
  customAttributeSamples?: ReadonlyMap<string, string[]>;
}

const FIDELITY_NOTE = '_Preview note: rendered with liquidjs and Braze\'s documented behaviour; Braze itself may differ in edge cases._';

/** What to show when hovering at a raw offset of a template; undefined when there is nothing. */
export function hoverAt(file: TemplateFile, offset: number, context: HoverContext = {}): HoverInfo | undefined {
  return hoverOnKey(file, offset) ?? hoverInField(file, offset, context);
}

function hoverOnKey(file: TemplateFile, offset: number): HoverInfo | undefined {
  for (const field of file.body) {
    if (field.keyRange && within(offset, field.keyRange.start + 1, field.keyRange.end - 1)) {
      const lead = isLeadTemplate(file) ? findLeadField(field.key ?? '') : undefined;
      if (lead) return { markdown: leadFieldMarkdown(lead, field.key ?? ''), range: field.keyRange };
    }
  }
  for (const field of file.headers) {
    if (field.keyRange && within(offset, field.keyRange.start + 1, field.keyRange.end - 1)) {
      const doc = HEADER_DOCS[(field.key ?? '').toLowerCase()];
      if (doc) return { markdown: `**${field.key}** header\n\n${doc}`, range: field.keyRange };
    }
  }
  return undefined;
}

function isLeadTemplate(file: TemplateFile): boolean {
  const url = file.url ? parseSobjectUrl(file.url.text) : undefined;
  return !url || url.sobject.text.toLowerCase() === 'lead';
}

/** Markdown for a Lead field: type, max length, required on create. */
export function leadFieldMarkdown(lead: LeadField, written: string): string {
  const facts = [`type \`${lead.type}\``];
  if (lead.maxLength) facts.push(`max length ${lead.maxLength}`);
  if (lead.requiredOnCreate) facts.push('**required on create**');
  if (lead.readOnly) facts.push('read-only');
  const caseNote = written !== lead.name ? `\n\nCanonical API name: \`${lead.name}\`.` : '';
  const values = lead.values ? `\n\nStandard values: ${lead.values.map((v) => `\`${v}\``).join(', ')} (org-configurable).` : '';
  return `**Lead.${lead.name}** — ${facts.join(', ')}\n\n${lead.description}${values}${caseNote}`;
}

function hoverInField(file: TemplateFile, offset: number, context: HoverContext): HoverInfo | undefined {
  const field = fieldAt(file, offset);
  if (!field) return undefined;
  const at = rawToDecoded(field, offset);
  const compiled = compileTemplate(file).fields.find((f) => f.field === field);
  if (!compiled) return undefined;
  const toRaw = (start: number, end: number): OffsetRange => ({ start: field.decoded.map[start], end: field.decoded.map[end] });
  for (const reference of compiled.rewrite.references) {
    if (!within(at, reference.start, reference.end)) continue;
    const markdown = attributeMarkdown(reference.namespace, reference.name, context);
    if (markdown) return { markdown, range: toRaw(reference.start, reference.end) };
  }
  const regions = toRegionNodes(compiled);
  for (const region of regions) {
    for (const filter of region.filters) {
      if (within(at, filter.start, filter.end)) return { markdown: filterMarkdown(filter.name), range: toRaw(filter.start, filter.end) };
    }
  }
  for (const node of toConnectedContentNodes(regions)) {
    for (const option of node.args.options) {
      const start = node.argsStart + option.nameSpan.start;
      const end = node.argsStart + option.nameSpan.end;
      if (within(at, start, end) && CC_OPTION_DOCS[option.name]) {
        const doc = CC_OPTION_DOCS[option.name];
        return { markdown: `\`${doc.signature}\`\n\n${doc.description}`, range: toRaw(start, end) };
      }
    }
  }
  for (const region of regions) {
    if (region.kind !== 'tag' || !region.name || !TAG_DOCS[region.name]) continue;
    const nameStart = field.text.indexOf(region.name, region.innerStart);
    if (within(at, nameStart, nameStart + region.name.length)) {
      return { markdown: `**{% ${region.name} %}**\n\n${TAG_DOCS[region.name]}`, range: toRaw(nameStart, nameStart + region.name.length) };
    }
  }
  return field.kind === 'url' ? apiVersionHover(field, at, toRaw) : undefined;
}

function attributeMarkdown(namespace: string, name: string, context: HoverContext): string | undefined {
  if (namespace === '') {
    const attribute = STANDARD_ATTRIBUTES.find((a) => a.tag === name);
    if (!attribute) return undefined;
    return `**\${${name}}** — ${attribute.description}\n\nSample profiles: \`${attribute.exportField}\` in the Braze export.`;
  }
  const ns = NAMESPACES.find((n) => n.name === namespace);
  if (!ns) return undefined;
  const samples = namespace === 'custom_attribute' ? context.customAttributeSamples?.get(name) : undefined;
  const sampleLine = samples?.length ? `\n\nIn the sample profiles: ${samples.slice(0, 5).map((s) => `\`${s}\``).join(', ')}` : namespace === 'custom_attribute' ? '\n\nNo sample profile sets it: Braze renders it empty.' : '';
  return `**${namespace}.\${${name}}** — ${ns.description}${sampleLine}\n\nSample profiles: \`${ns.source}\`.`;
}

/** Markdown for a filter: signature, what it does, whether Braze supports it. */
export function filterMarkdown(name: string): string {
  const doc = BRAZE_FILTER_DOCS[name];
  if (doc) {
    const badge = doc.braze === 'braze-only' ? 'Braze filter' : doc.braze === 'supported' ? 'Supported by Braze' : 'Not confirmed by Braze docs';
    return `\`${doc.signature}\` — ${badge}\n\n${doc.description}${doc.fidelity ? `\n\n${doc.fidelity}` : ''}\n\n${FIDELITY_NOTE}`;
  }
  const reason = brazeUnsupportedFilters[name];
  if (reason) return `\`${name}\` — **not supported by Braze**\n\n${reason}`;
  return `\`${name}\` — unknown filter: Braze would fail to render it.`;
}

function apiVersionHover(field: LiquidField, at: number, toRaw: (s: number, e: number) => OffsetRange): HoverInfo | undefined {
  const url = parseSobjectUrl(field.text);
  if (!url || !within(at, url.apiVersion.start, url.apiVersion.end)) return undefined;
  const info = describeApiVersion(url.apiVersion.text);
  const text = {
    malformed: 'Malformed version: Salesforce expects `vNN.0` and answers 404 NOT_FOUND otherwise.',
    retired: 'Retired: Salesforce answers 410 GONE.',
    deprecated: "Deprecated: versions 31.0–40.0 are retired in Summer '28.",
    supported: 'Supported.',
  }[info.status];
  const release = info.release ? ` (${info.release})` : '';
  return { markdown: `**Salesforce REST API ${url.apiVersion.text}**${release}\n\n${text}`, range: toRaw(url.apiVersion.start, url.apiVersion.end) };
}
