import { compileTemplate, decodedRangeToRaw } from '../liquid/compile';
import { collectTemplateSecrets, redactText } from '../request/redact';
import type { RenderedRequest } from '../request/rendered-request';
import { EMPTY_SALESFORCE_SCHEMA, type SalesforceSchema } from '../salesforce/model';
import type { LiquidField, TemplateFile } from '../template/template-file';
import type { Problem, ProfileRef, Severity, Suggestion } from '../types';
import { toConnectedContentNodes, toRegionNodes } from './nodes';
import type { ConnectedContentNode, LintConfig, RegionNode, Report, RuleDefinition, RuleSetting, Visitors } from './types';

/** Fills `{{name}}` placeholders of a meta message. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Severity and options a rule runs with, or undefined when it is off. */
export function resolveRuleSetting(rule: RuleDefinition, config: LintConfig | undefined): { severity: Severity; options: Record<string, unknown> } | undefined {
  const setting: RuleSetting | undefined = config?.rules?.[rule.meta.id];
  const defaults = defaultOptions(rule);
  if (setting === undefined) return { severity: rule.meta.severity, options: defaults };
  const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
  if (severity === 'off') return undefined;
  return { severity, options: { ...defaults, ...options } };
}

const defaultsByRule = new WeakMap<RuleDefinition, Readonly<Record<string, unknown>>>();

/** A rule's option defaults, computed once per rule (every lint of every keystroke asks). */
function defaultOptions(rule: RuleDefinition): Readonly<Record<string, unknown>> {
  let defaults = defaultsByRule.get(rule);
  if (!defaults) {
    defaults = Object.freeze(Object.fromEntries(Object.entries(rule.meta.schema).map(([k, s]) => [k, s.default])));
    defaultsByRule.set(rule, defaults);
  }
  return defaults;
}

interface ActiveRule {
  rule: RuleDefinition;
  severity: Severity;
  visitors: Visitors;
}

/**
 * Creates every enabled rule of one kind for a file; their reports land in `sink`.
 * Nodes (regions, connected_content tags) are built once and shared.
 */
interface FileNodes {
  regions(): RegionNode[];
  fieldRegions(field: LiquidField): RegionNode[];
  connectedContentTags(): ConnectedContentNode[];
}

const fileNodes = new WeakMap<TemplateFile, FileNodes>();

/** Regions and connected_content tags of a file, built on first use and cached with the file. */
function nodesOf(file: TemplateFile): FileNodes {
  let nodes = fileNodes.get(file);
  if (!nodes) {
    let regions: RegionNode[] | undefined;
    let byField: Map<LiquidField, RegionNode[]> | undefined;
    let ccTags: ConnectedContentNode[] | undefined;
    const compiled = compileTemplate(file);
    const allRegions = () => (regions ??= compiled.fields.flatMap(toRegionNodes));
    nodes = {
      regions: allRegions,
      fieldRegions: (field) => {
        byField ??= groupByField(allRegions());
        return byField.get(field) ?? [];
      },
      connectedContentTags: () => (ccTags ??= toConnectedContentNodes(allRegions())),
    };
    fileNodes.set(file, nodes);
  }
  return nodes;
}

function groupByField(regions: readonly RegionNode[]): Map<LiquidField, RegionNode[]> {
  const byField = new Map<LiquidField, RegionNode[]>();
  for (const region of regions) {
    const list = byField.get(region.field);
    if (list) list.push(region);
    else byField.set(region.field, [region]);
  }
  return byField;
}

function createRules(file: TemplateFile, rules: readonly RuleDefinition[], kind: 'static' | 'rendered', config: LintConfig | undefined, salesforce: SalesforceSchema, sink: (problem: Problem) => void): ActiveRule[] {
  const compiled = compileTemplate(file);
  const nodes = nodesOf(file);
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (rule.meta.kind !== kind) continue;
    const setting = resolveRuleSetting(rule, config);
    if (!setting) continue;
    const visitors = rule.create({
      file,
      compiled,
      options: setting.options,
      report: (report) => sink(toProblem(rule, setting.severity, report)),
      toRaw: decodedRangeToRaw,
      regions: nodes.regions,
      fieldRegions: nodes.fieldRegions,
      connectedContentTags: nodes.connectedContentTags,
      salesforce,
    });
    active.push({ rule, severity: setting.severity, visitors });
  }
  return active;
}

function toProblem(rule: RuleDefinition, severity: Severity, report: Report): Problem {
  const template = rule.meta.texts.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${report.messageId}"`);
  const problem: Problem = {
    ruleId: rule.meta.id,
    severity: report.severity && severity === rule.meta.severity ? report.severity : severity,
    message: formatMessage(template, report.data),
    startIndex: report.startIndex,
    endIndex: Math.max(report.startIndex, report.endIndex),
  };
  if (report.fix) problem.fix = { edits: report.fix };
  if (report.suggest?.length) {
    problem.suggest = report.suggest.map((s): Suggestion => ({ message: formatMessage(rule.meta.texts.messages[s.messageId] ?? s.messageId, s.data), edits: s.edits }));
  }
  return problem;
}

/**
 * Runs the static rules over a parsed template. Synchronous and cheap: fit for every keystroke.
 * `salesforce` is what the run knows of sObjects (the built-in Lead model, org describes); without
 * it the Salesforce field rules have nothing to check against and stay silent.
 */
export function lintStatic(file: TemplateFile, rules: readonly RuleDefinition[], config?: LintConfig, salesforce: SalesforceSchema = EMPTY_SALESFORCE_SCHEMA): Problem[] {
  const problems: Problem[] = [];
  const active = createRules(file, rules, 'static', config, salesforce, (p) => problems.push(p));
  const compiled = compileTemplate(file);
  // Each visitor's handlers, gathered once: every node of the file is offered to them in turn.
  const handlers = <K extends keyof Visitors>(key: K): Array<NonNullable<Visitors[K]>> => {
    const list: Array<NonNullable<Visitors[K]>> = [];
    for (const { visitors } of active) {
      const visit = visitors[key];
      if (visit) list.push(visit);
    }
    return list;
  };
  for (const visit of handlers('TemplateFile')) visit(file);
  const onField = handlers('Field');
  if (onField.length > 0) for (const field of compiled.fields) for (const visit of onField) visit(field);
  const onRegion = handlers('Region');
  if (onRegion.length > 0) for (const region of nodesOf(file).regions()) for (const visit of onRegion) visit(region);
  const onTag = handlers('ConnectedContentTag');
  if (onTag.length > 0) for (const node of nodesOf(file).connectedContentTags()) for (const visit of onTag) visit(node);
  const onReference = handlers('AttributeReference');
  if (onReference.length > 0) {
    for (const field of compiled.fields) for (const reference of field.rewrite.references) for (const visit of onReference) visit({ field: field.field, reference });
  }
  for (const visit of handlers('onFileEnd')) visit();
  // Static rules quote template text; a literal secret in it must not reach any output.
  const secrets = collectTemplateSecrets(file.fields.map((f) => f.text));
  for (const p of secrets.length > 0 ? problems : []) {
    p.message = redactText(p.message, secrets);
    for (const s of p.suggest ?? []) s.message = redactText(s.message, secrets);
  }
  return sortProblems(problems);
}

/**
 * Runs the rendered-request rules over each profile's rendered request (plus the problems the
 * renderer itself found), then merges identical findings so each is reported once with the
 * profiles that trigger it.
 */
export function lintRendered(file: TemplateFile, requests: readonly RenderedRequest[], rules: readonly RuleDefinition[], config?: LintConfig, salesforce: SalesforceSchema = EMPTY_SALESFORCE_SCHEMA): Problem[] {
  return sortProblems(mergeAcrossProfiles(lintRenderedPerProfile(file, requests, rules, config, salesforce).flat()));
}

/**
 * The rendered-request findings of each request, in the order given, unmerged: each problem
 * carries its request's profile and the rule's own message (no profile names appended).
 */
export function lintRenderedPerProfile(file: TemplateFile, requests: readonly RenderedRequest[], rules: readonly RuleDefinition[], config?: LintConfig, salesforce: SalesforceSchema = EMPTY_SALESFORCE_SCHEMA): Problem[][] {
  return requests.map((request) => {
    const perProfile: Problem[] = [];
    const active = createRules(file, rules, 'rendered', config, salesforce, (p) => perProfile.push(p));
    for (const { visitors } of active) visitors.RenderedRequest?.(request);
    for (const problem of perProfile) if (request.profile) problem.profile = request.profile;
    return perProfile;
  });
}

/** One finding and every profile that triggers it (in the order they were seen). */
export interface ProfileFinding {
  problem: Problem;
  profiles: ProfileRef[];
}

/** Groups identical findings (same rule, range and message) across profiles. */
export function groupAcrossProfiles(problems: readonly Problem[]): ProfileFinding[] {
  const groups = new Map<string, ProfileFinding>();
  for (const problem of problems) {
    const key = `${problem.ruleId}\u0000${problem.startIndex}\u0000${problem.endIndex}\u0000${problem.message}`;
    const group = groups.get(key);
    if (group) {
      if (problem.profile) group.profiles.push(problem.profile);
    } else {
      groups.set(key, { problem: { ...problem }, profiles: problem.profile ? [problem.profile] : [] });
    }
  }
  return [...groups.values()];
}

/** One problem per (rule, range, message), naming how many profiles trigger it. */
export function mergeAcrossProfiles(problems: readonly Problem[]): Problem[] {
  return groupAcrossProfiles(problems).map(({ problem, profiles }) => {
    if (profiles.length === 0) return problem;
    return { ...problem, profile: profiles[0], message: `${problem.message} ${describeProfiles(profiles)}` };
  });
}

function describeProfiles(profiles: ProfileRef[]): string {
  const names = profiles.slice(0, 3).map((p) => p.label);
  const more = profiles.length > 3 ? ` and ${profiles.length - 3} more` : '';
  return profiles.length === 1 ? `[profile ${names[0]}]` : `[profiles ${names.join(', ')}${more}]`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** File order, then severity, then rule id: stable output for CI. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId));
}
