import { BRAZE_FILTER_SUPPORT, brazeUnsupportedFilters } from '../liquid/filters/support';
import { rewriteBrazeSyntax } from '../liquid/braze-syntax';
import { MAX_FIELD_CHARS } from '../liquid/field-limit';
import { toConnectedContentNodes, toRegionNodes } from '../lint/nodes';
import { NAMESPACES, STANDARD_ATTRIBUTES } from '../profile';
import { describeApiVersion } from '../salesforce/api-versions';
import { CONVERTS } from '../salesforce/conversions';
import { NEWEST_KNOWN_API_VERSION, type SalesforceSchema, type SObjectField, type SObjectModel } from '../salesforce/model';
import { parseSobjectUrl } from '../salesforce/sobject-url';
import type { LiquidField, TemplateFile } from '../template/template-file';
import type { OffsetRange } from '../types';
import { type EditorDocs, NO_EDITOR_DOCS } from './docs';
import { fieldAt, rawToDecoded, within } from './locate';

/** Hover content in Markdown and the raw range it describes. */
export interface HoverInfo {
  markdown: string;
  range: OffsetRange;
}

/** What hovers can tell besides the template itself. */
export interface HoverContext {
  /** Sample values seen in profiles, for hovers on custom attributes. */
  customAttributeSamples?: ReadonlyMap<string, string[]>;
  /** The Salesforce model of the run (built-in Lead, org describes), for hovers on body keys. */
  salesforce?: SalesforceSchema;
  /** The hover texts (data/editor-docs.json); without them only the model and profile facts show. */
  docs?: EditorDocs;
}

const FIDELITY_NOTE = '_Preview note: rendered with liquidjs and Braze\'s documented behaviour; Braze itself may differ in edge cases._';

/** What to show when hovering at a raw offset of a template; undefined when there is nothing. */
export function hoverAt(file: TemplateFile, offset: number, context: HoverContext = {}): HoverInfo | undefined {
  return hoverOnKey(file, offset, context) ?? hoverInField(file, offset, context);
}

function hoverOnKey(file: TemplateFile, offset: number, context: HoverContext): HoverInfo | undefined {
  for (const field of file.body) {
    if (field.keyRange && within(offset, field.keyRange.start + 1, field.keyRange.end - 1)) {
      const model = context.salesforce ? templateModel(file, context.salesforce) : undefined;
      const key = field.key ?? '';
      const known = model?.field(key);
      if (model && known) return { markdown: fieldMarkdown(model, known, key), range: field.keyRange };
      if (model && /__c$/i.test(key)) return { markdown: customFieldMarkdown(model, key), range: field.keyRange };
    }
  }
  for (const field of file.headers) {
    if (field.keyRange && within(offset, field.keyRange.start + 1, field.keyRange.end - 1)) {
      const doc = (context.docs ?? NO_EDITOR_DOCS).headers[(field.key ?? '').toLowerCase()];
      if (doc) return { markdown: `**${field.key}** header\n\n${doc}`, range: field.keyRange };
    }
  }
  return undefined;
}

/** The model of the template's sObject; Lead while the URL is not (yet) an sObject URL. */
function templateModel(file: TemplateFile, salesforce: SalesforceSchema): SObjectModel | undefined {
  const url = file.url ? parseSobjectUrl(file.url.text) : undefined;
  return salesforce.sobject(url ? url.sobject.text : 'Lead');
}

/** Markdown for a field: its describe facts (type, length, create/update, required, picklist values), from the built-in model or the org's describe. */
export function fieldMarkdown(model: SObjectModel, field: SObjectField, written: string): string {
  const lines = [`**${model.name}.${field.name}** — ${field.label}`, factsLine(field)];
  if (field.description) lines.push(field.description);
  const conversion = CONVERTS[field.type];
  if (conversion) lines.push(`Braze sends every value as a string: Salesforce converts ${conversion}; anything else fails with 400 JSON_PARSER_ERROR.`);
  if (field.type === 'reference' && field.referenceTo.length > 0) {
    const prefixes = field.referenceTo.map((name) => (model.keyPrefixes[name] ? `${name} (\`${model.keyPrefixes[name]}…\`)` : name));
    lines.push(`Points at ${prefixes.join(' or ')}: a 15- or 18-character Id.`);
  }
  if (field.name === 'RecordTypeId' && model.recordTypes?.length) {
    lines.push(`Record types in your org: ${model.recordTypes.filter((t) => t.active && !t.master).map((t) => `${t.name} \`${t.recordTypeId}\``).join(', ')}.`);
  }
  const values = field.picklistValues.filter((v) => v.active);
  if (values.length > 0) {
    const shown = values.slice(0, 12).map((v) => `\`${v.value}\``).join(', ');
    const more = values.length > 12 ? ` and ${values.length - 12} more` : '';
    const kind = field.restrictedPicklist ? 'Restricted picklist: any other value fails with 400 INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST.' : model.fromOrg ? 'Not restricted.' : 'Salesforce’s defaults; your org may have changed them.';
    lines.push(`Values: ${shown}${more}. ${kind}`);
  } else if (field.restrictedPicklist && !model.fromOrg) {
    lines.push('Restricted picklist whose values your org configures: give the product your org’s describe to check them.');
  }
  if (field.since) lines.push(`Available from API v${field.since}.0: an older version in the URL answers 400 INVALID_FIELD.`);
  if (field.feature) lines.push(`Exists only when the org has ${model.features[field.feature] ?? field.feature}.`);
  if (field.audit) lines.push('Audit field: Salesforce accepts it on create only with the "Set Audit Fields upon Record Creation" permission.');
  if (written !== field.name) lines.push(`Canonical API name: \`${field.name}\`.`);
  lines.push(modelSource(model));
  return lines.join('\n\n');
}

function factsLine(field: SObjectField): string {
  const facts = [`\`${field.type}\``];
  if (field.length) facts.push(`max length ${field.length}`);
  if (field.digits) facts.push(`up to ${field.digits} digits`);
  if (field.precision) facts.push(`${field.precision} digits, ${field.scale ?? 0} decimals`);
  facts.push(field.createable ? 'createable' : '**not createable**');
  facts.push(field.updateable ? 'updateable' : '**not updateable**');
  if (field.requiredOnCreate) facts.push('**required on create**');
  else if (field.defaultedOnCreate && field.createable) facts.push('defaulted on create');
  return facts.join(' · ');
}

function customFieldMarkdown(model: SObjectModel, key: string): string {
  return `**${model.name}.${key}** — custom field\n\nCustom fields can't be checked without the org's describe: the product assumes \`${key}\` exists and accepts the value. Point \`braze-webhook.config.json\` → \`salesforce.describe.${model.name}\` (or \`--describe\`) at the output of \`sf sobject describe --sobject ${model.name} --json\`.\n\n${modelSource(model)}`;
}

function modelSource(model: SObjectModel): string {
  return model.origin.kind === 'org' ? `_From your org's describe (${model.origin.file})._` : `_From the built-in model of the standard ${model.name} fields (${model.origin.release}, API v${model.origin.apiVersion}.0)._`;
}

function hoverInField(file: TemplateFile, offset: number, context: HoverContext): HoverInfo | undefined {
  const field = fieldAt(file, offset);
  if (!field) return undefined;
  const at = rawToDecoded(field, offset);
  // The Braze rewrite of this one field is all a hover needs: no liquidjs parse, so the hover code
  // loads without the engine (the lazy editor bundle, ADR 020). Over the size limit nothing is
  // checked or rendered (compileField), so nothing is described either.
  if (field.text.length > MAX_FIELD_CHARS) return undefined;
  const compiled = { field, rewrite: rewriteBrazeSyntax(field.text) };
  const toRaw = (start: number, end: number): OffsetRange => ({ start: field.decoded.map[start], end: field.decoded.map[end] });
  for (const reference of compiled.rewrite.references) {
    if (!within(at, reference.start, reference.end)) continue;
    const markdown = attributeMarkdown(reference.namespace, reference.name, context);
    if (markdown) return { markdown, range: toRaw(reference.start, reference.end) };
  }
  const regions = toRegionNodes(compiled);
  const docs = context.docs ?? NO_EDITOR_DOCS;
  for (const region of regions) {
    for (const filter of region.filters) {
      if (within(at, filter.start, filter.end)) return { markdown: filterMarkdown(filter.name, context.docs), range: toRaw(filter.start, filter.end) };
    }
  }
  for (const node of toConnectedContentNodes(regions)) {
    for (const option of node.args.options) {
      const start = node.argsStart + option.nameSpan.start;
      const end = node.argsStart + option.nameSpan.end;
      const doc = docs.connectedContentOptions[option.name];
      if (within(at, start, end) && doc) {
        return { markdown: `\`${doc.signature}\`\n\n${doc.description}`, range: toRaw(start, end) };
      }
    }
  }
  for (const region of regions) {
    if (region.kind !== 'tag' || !region.name || !docs.tags[region.name]) continue;
    const nameStart = field.text.indexOf(region.name, region.innerStart);
    if (within(at, nameStart, nameStart + region.name.length)) {
      return { markdown: `**{% ${region.name} %}**\n\n${docs.tags[region.name]}`, range: toRaw(nameStart, nameStart + region.name.length) };
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
export function filterMarkdown(name: string, docs: EditorDocs = NO_EDITOR_DOCS): string {
  const support = BRAZE_FILTER_SUPPORT[name];
  if (support) {
    const badge = support === 'braze-only' ? 'Braze filter' : support === 'supported' ? 'Supported by Braze' : 'Not confirmed by Braze docs';
    const doc = docs.filters[name];
    if (!doc) return `\`${name}\` — ${badge}\n\n${FIDELITY_NOTE}`;
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
    future: `Newer than the newest release (v${NEWEST_KNOWN_API_VERSION}.0): a production org answers 404 NOT_FOUND; only a preview sandbox may serve it.`,
  }[info.status];
  const release = info.release ? ` (${info.release})` : '';
  return { markdown: `**Salesforce REST API ${url.apiVersion.text}**${release}\n\n${text}`, range: toRaw(url.apiVersion.start, url.apiVersion.end) };
}
