import type { CcArgs } from '../liquid/connected-content-args';
import type { CompiledField, CompiledTemplate } from '../liquid/compile';
import type { AttributeReference } from '../liquid/braze-syntax';
import type { RenderedRequest } from '../request/rendered-request';
import type { SalesforceSchema } from '../salesforce/model';
import type { LiquidField, TemplateFile } from '../template/template-file';
import type { OffsetRange, Severity, TextEdit } from '../types';

/** A rule option: type, default and a sentence for the docs. */
export interface RuleOptionSchema {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: unknown;
  description: string;
}

/**
 * A rule's words. Data, in the rule folder's texts.json: the CLI and the tests bundle them; the
 * extension's bundles read them from the package when first needed (ADR 021).
 */
export interface RuleTexts {
  /** One sentence, shown in `--list-rules`, SARIF and the editor's rule list. */
  readonly description: string;
  /** messageId → template with `{{name}}` placeholders. */
  readonly messages: Readonly<Record<string, string>>;
}

/** Everything about a rule except its behaviour: the single source for docs, CLI and editor. */
export interface RuleMeta {
  /** Kebab-case id, equal to the rule's folder name. */
  id: string;
  docs: {
    recommended: boolean;
    /** Relative doc path inside the package, `docs/rules/<id>.md`. */
    url: string;
  };
  /** Default severity; the config can override it. */
  severity: Severity;
  /** `static` rules see the template; `rendered` rules see each profile's rendered request. */
  kind: 'static' | 'rendered';
  /** Options with defaults. */
  schema: Record<string, RuleOptionSchema>;
  /** Its words, from the rule folder's texts.json (ADR 021). */
  texts: RuleTexts;
  /** True when some reports carry a safe `fix`. */
  fixable?: boolean;
  /** True when some reports carry `suggest` entries. */
  hasSuggestions?: boolean;
}

/** A suggestion as a rule reports it. */
export interface ReportedSuggestion {
  messageId: string;
  data?: Record<string, string | number>;
  edits: TextEdit[];
}

/** What a rule reports; positions are raw-file offsets. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  startIndex: number;
  endIndex: number;
  fix?: TextEdit[];
  suggest?: ReportedSuggestion[];
  /** Overrides the rule's severity for this one report (e.g. a "deprecated" tier). */
  severity?: Severity;
}

/** A `{{ … }}` or `{% … %}` region of a field, with its filters found textually. */
export interface RegionNode {
  field: LiquidField;
  kind: 'output' | 'tag';
  /** Tag name (`if`, `assign`, `connected_content`, …). */
  name?: string;
  /** Decoded offsets of the whole region, delimiters included. */
  start: number;
  end: number;
  /** The region's decoded text. */
  text: string;
  /** Decoded offsets of the text between the delimiters (and `-` trim markers). */
  innerStart: number;
  innerEnd: number;
  /** Filters applied in this region, `| name: args`. */
  filters: FilterUse[];
}

/** One `| name` filter application; decoded offsets of the name. */
export interface FilterUse {
  name: string;
  start: number;
  end: number;
}

/** A `{% connected_content %}` tag with its arguments parsed (offsets relative to `argsStart`). */
export interface ConnectedContentNode {
  field: LiquidField;
  region: RegionNode;
  args: CcArgs;
  /** Decoded offset where the arguments start. */
  argsStart: number;
}

/** A `${…}` attribute reference in a field. */
export interface ReferenceNode {
  field: LiquidField;
  reference: AttributeReference;
}

/** Static visitors, keyed by node kind; all optional. */
export interface StaticVisitors {
  TemplateFile?(file: TemplateFile): void;
  Field?(field: CompiledField): void;
  Region?(region: RegionNode): void;
  ConnectedContentTag?(node: ConnectedContentNode): void;
  AttributeReference?(node: ReferenceNode): void;
  onFileEnd?(): void;
}

/** Rendered-request visitors: called once per profile. */
export interface RenderedVisitors {
  RenderedRequest?(request: RenderedRequest): void;
}

export type Visitors = StaticVisitors & RenderedVisitors;

/** What a rule gets when it is created for one file. */
export interface RuleContext {
  file: TemplateFile;
  compiled: CompiledTemplate;
  /** Options merged with the schema defaults. */
  options: Record<string, unknown>;
  report(report: Report): void;
  /** Raw range of a decoded range inside a field. */
  toRaw(field: LiquidField, start: number, end: number): OffsetRange;
  /** Every region of every field (parsed once per file and shared by rules). */
  regions(): readonly RegionNode[];
  /** The regions of one field, in text order (grouped once per file, so per-field loops stay linear). */
  fieldRegions(field: LiquidField): readonly RegionNode[];
  /** Every connected_content tag in the file. */
  connectedContentTags(): readonly ConnectedContentNode[];
  /**
   * What the run knows of Salesforce sObjects: the built-in Lead model and any org describes,
   * injected by the adapter; a schema that knows nothing when none was given.
   */
  salesforce: SalesforceSchema;
}

/** A lint rule: ESLint's `{ meta, create }` contract. */
export interface RuleDefinition {
  meta: RuleMeta;
  create(context: RuleContext): Visitors;
}

/** Per-rule configuration: `off`, a severity, or `[severity, options]`. */
export type RuleSetting = 'off' | Severity | [Severity | 'off', Record<string, unknown>];

/** `braze-webhook.config.json`, read the same way by the CLI and the extension. */
export interface LintConfig {
  rules?: Record<string, RuleSetting>;
  /** Sample-profile files (relative to the config file). */
  profiles?: string[];
  /** A connected_content fixture file (relative to the config file). */
  mocks?: string;
  /** A named fixture scenario. */
  scenario?: string;
  /** Salesforce settings: `describe` maps an sObject name to its describe file (relative to the config file). */
  salesforce?: { describe?: Record<string, string> };
}
