import { type Dependencies, type Profile, type RuleDefinition, type ScenarioName, type TemplateFile, simulateSalesforceAnswer, toCurl, toHttpDocument } from '../../../src/core';
import type { PreviewState } from '../../../src/vscode/preview/protocol';
import { computePreview as computePreviewState, type PreviewLocalizer } from '../../../src/vscode/preview/preview-model';
import { BUILT_IN_SALESFORCE } from '../../helpers/salesforce';

/** What the preview panel would show, and what its copy buttons would copy. */
export interface PreviewOutput {
  state: PreviewState;
  /** "Copy as cURL" / "Copy as HTTP" of the selected profile, as the panel builds them. */
  copies: string[];
}

/** English words, as the adapter would give them (the words do not matter to these tests). */
export const TEST_LOCALIZER: PreviewLocalizer = {
  strings: { patchNote: 'PATCH note' },
  problemCount: (n) => (n === 1 ? '1 problem' : `${n} problems`),
  groupTitle: (group, n) => `${group} (${n})`,
  problemsTitle: (n) => `Problems (${n})`,
  noProfilesHint: 'no profiles',
  status: (status) => (status.kind === 'findings' ? status.worst : status.kind === 'answered' ? `${status.status} ${status.errorCodes.join(' ')}`.trim() : status.kind),
  answerErrors: (n, total) => `${n}/${total} error answers`,
  noAnswer: (reason) => `no answer: ${reason}`,
  answerSource: (answer) => answer.source,
  brazeOutcome: (outcome) => outcome,
  answerLimits: 'limits',
  modelNote: (sobject, builtIn) => `${builtIn ? 'built-in' : 'no'} ${sobject} model`,
};

/**
 * The editor preview without the editor: the very computation `PreviewSession.compute` runs
 * (`computePreview` from preview-model), with the profiles as the user's own. The panel itself
 * is covered by the VS Code suite.
 */
export async function computePreview(
  file: TemplateFile,
  profiles: readonly Profile[],
  deps: Dependencies,
  options: { scenario?: ScenarioName; revealed?: boolean; rules?: readonly RuleDefinition[] } = {},
): Promise<PreviewOutput> {
  const { state, request } = await computePreviewState({
    templateName: 'template.braze-webhook.json',
    file,
    profiles: profiles.map((profile) => ({ profile, builtIn: false })),
    selectedProfile: profiles[0]?.index ?? 1,
    deps,
    salesforce: BUILT_IN_SALESFORCE,
    simulate: simulateSalesforceAnswer,
    scenario: options.scenario ?? 'token-ok',
    revealed: options.revealed === true,
    edgeProfiles: 'collapsed',
    notRenderable: 'not renderable',
    localizer: TEST_LOCALIZER,
    rules: options.rules,
  });
  return { state, copies: request ? [toCurl(request), toHttpDocument(request)] : [] };
}
