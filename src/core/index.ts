/**
 * The public API of the core. Adapters (src/vscode, src/cli) import the core only through this
 * file; tests may reach further in.
 */
export * from './types';
export { MAX_TEMPLATE_CHARS, parseTemplateFile, plainTextField, objectMembers, rangeOf, type TemplateFile, type LiquidField, type FieldKind, type MemberInfo } from './template/template-file';
export { looksLikeWebhookTemplate, toTemplateFileName, TEMPLATE_FILE_SUFFIX } from './template/looks-like-template';
export { decodeJsonString, toRawRange, type DecodedString } from './template/json-string';
export { decodeTextBytes, encodeText, withoutByteOrderMark, type DecodedText, type TextEncoding } from './util/decode-text';
export { computeLineStarts, offsetToLineColumn, stripBom, assertNever, type LineColumn } from './util/positions';
export { globToRegExp, findMatchingFiles, SKIPPED_DIRECTORIES, type ReadDirectory, type FindMatchingOptions } from './util/glob';
export { rewriteBrazeSyntax, contentBlockNames, type AttributeReference, type BrazeRewrite, type LiquidRegion } from './liquid/braze-syntax';
export { createBrazeEngine, sharedBrazeEngine, ENGINE_LIMITS } from './liquid/create-braze-engine';
export { compileTemplate, type CompiledTemplate, type CompiledField } from './liquid/compile';
export { parseConnectedContentArgs, KNOWN_CC_OPTIONS, type CcArgs, type CcOption } from './liquid/connected-content-args';
export { BRAZE_FILTER_SUPPORT, brazeFilters, brazeUnsupportedFilters, type BrazeFilterSupport } from './liquid/filters';
export { renderRequest, lookupReference, describeReference, type RenderTarget } from './request/render-request';
export { renderProfile, emptyProfile } from './request/render-profile';
export { renderLiquidText, type LiquidTextResult } from './request/render-liquid-text';
export { redactRequest, redactText, collectSecrets, REDACTED } from './request/redact';
export { prettyJson, statusLine, toAnswerComment, toBrazeWebhookObject, toCurl, toHttpDocument, toHttpMessage, shellQuote, toRenderJson, toLineColumnProblem, type RenderJson, type RenderJsonResponse, type LineColumnProblem } from './request/formats';
export type { RenderedRequest, RenderedSubRequest, RenderedField } from './request/rendered-request';
export { parseProfiles, toLiquidScope, withDistinctLabels, BUILTIN_EDGE_PROFILES, STANDARD_ATTRIBUTES, NAMESPACES, closestName, type Profile, type ParsedProfiles, type StandardAttribute, type LiquidNamespace } from './profile';
export { makeFixtureResolver, parseMocks, SCENARIOS, type ScenarioName, type MockRule } from './connected-content';
export { allRules, recommendedRules } from './rules';
export { setShippedRuleTexts } from './rules/shipped-texts';
export { lintStatic, lintRendered, lintRenderedPerProfile, groupAcrossProfiles, formatMessage, resolveRuleSetting, sortProblems, type ProfileFinding } from './lint/linter';
export { buildProfileMatrix, isErrorStatus, statusFromAnswer, statusFromFindings, type ProfileMatrix, type MatrixRow, type MatrixFinding, type ProfileRun, type ProfileGroup, type ProfileStatus, type ProfileStatusSource } from './lint/profile-matrix';
export { lintProfiles, lintTemplate, type LintOptions, type LintResult } from './lint/lint-template';
export { applyFixes, toJsonStringContent, type FixResult } from './lint/apply-fixes';
export type { RuleDefinition, RuleMeta, RuleTexts, RuleContext, LintConfig, RuleSetting, Report } from './lint/types';
export { parseConfig, CONFIG_FILE_NAME, type ConfigProblem } from './config/config';
export { validateTemplateSchema } from './schema/validate-template';
export * from './editor';
export {
  createSalesforceSchema,
  EMPTY_SALESFORCE_SCHEMA,
  NEWEST_KNOWN_API_VERSION,
  type DescribeField,
  type DescribeSObject,
  type FieldType,
  type ModelOrigin,
  type PicklistValue,
  type RecordTypeInfo,
  type SalesforceSchema,
  type SObjectField,
  type SObjectModel,
} from './salesforce/model';
export {
  brazeOutcome,
  isErrorAnswer,
  ORG_LOGIC_CAVEAT,
  parseErrorArray,
  redactAnswer,
  simulateSalesforceAnswer,
  type AnsweredError,
  type AnswerCause,
  type BrazeOutcome,
  type SalesforceAnswer,
  type SimulationOptions,
} from './salesforce/simulate';
export type { RecordOperation, SalesforceError } from './salesforce/field-checks';
export { explainSalesforceError, findErrors, type ExplainedError, type ExplainedLocation, type Explanation, type ExplainOptions } from './salesforce/explain';
export { loadSalesforceSchema, parseDescribe, type DescribeFileInput, type DescribeFileProblem, type LoadedSalesforceSchema, type ParsedDescribe } from './salesforce/describe-file';
export { describeApiVersion } from './salesforce/api-versions';
export { parseSobjectUrl, type SobjectUrl } from './salesforce/sobject-url';
export * from './send';
