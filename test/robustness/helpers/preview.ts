import {
  allRules,
  type Dependencies,
  lintRendered,
  lintStatic,
  type Problem,
  type Profile,
  redactRequest,
  type RenderedRequest,
  renderProfile,
  type RuleDefinition,
  type ScenarioName,
  type TemplateFile,
  toBrazeWebhookObject,
  toCurl,
  toHttpDocument,
} from '../../../src/core';
import type { PreviewState } from '../../../src/vscode/preview/protocol';
import { buildPreviewState } from '../../../src/vscode/preview/preview-model';
import { BUILT_IN_SALESFORCE } from '../../helpers/salesforce';

/** What the preview panel would show, and what its copy buttons would copy. */
export interface PreviewOutput {
  state: PreviewState;
  /** "Copy as cURL" / "Copy as HTTP" of the selected profile, as the panel builds them. */
  copies: string[];
}

/**
 * The editor preview without the editor: the same steps as `PreviewSession.compute` (static lint,
 * render and rendered lint per profile, redaction unless revealed, `buildPreviewState`). The
 * panel itself is covered by the VS Code suite.
 */
export async function computePreview(
  file: TemplateFile,
  profiles: readonly Profile[],
  deps: Dependencies,
  options: { scenario?: ScenarioName; revealed?: boolean; rules?: readonly RuleDefinition[] } = {},
): Promise<PreviewOutput> {
  const rules = options.rules ?? allRules;
  const staticProblems = lintStatic(file, rules, undefined, BUILT_IN_SALESFORCE);
  const renderable = file.syntaxErrors.length === 0 && file.url !== undefined;
  const matrix: Array<{ index: number; label: string; request: RenderedRequest; problems: Problem[] }> = [];
  let selected: RenderedRequest | undefined;
  let selectedProblems: Problem[] = [];
  if (renderable) {
    for (const profile of profiles) {
      const rendered = await renderProfile(file, profile, deps);
      const problems = lintRendered(file, [rendered], rules, undefined, BUILT_IN_SALESFORCE);
      matrix.push({ index: profile.index, label: profile.ref.label, request: redactRequest(rendered), problems });
      if (!selected) {
        selected = redactRequest(rendered, { reveal: options.revealed === true });
        selectedProblems = problems;
      }
    }
  }
  const state = buildPreviewState({
    templateName: 'template.braze-webhook.json',
    lineStarts: file.lineStarts,
    profiles: profiles.map((p) => ({ index: p.index, label: p.ref.label, builtIn: false })),
    selectedProfile: profiles[0]?.index ?? 1,
    scenario: options.scenario ?? 'token-ok',
    revealed: options.revealed === true,
    request: selected,
    problems: [...staticProblems, ...selectedProblems],
    matrix,
    patchRewritten: toBrazeWebhookObject(file).patchRewritten,
    notice: renderable ? null : 'not renderable',
    strings: {},
  });
  const copies = selected ? [toCurl(selected), toHttpDocument(selected)] : [];
  return { state, copies };
}
