/** Every command the extension contributes (meta-tested against package.json). */
export enum CommandId {
  PreviewRequest = 'brazeWebhook.previewRequest',
  OpenRenderedRequest = 'brazeWebhook.openRenderedRequest',
  SelectProfile = 'brazeWebhook.selectProfile',
  SelectScenario = 'brazeWebhook.selectScenario',
  CopyAsCurl = 'brazeWebhook.copyAsCurl',
  CopyAsHttp = 'brazeWebhook.copyAsHttp',
  CopyAsBrazeObject = 'brazeWebhook.copyAsBrazeObject',
  FixAll = 'brazeWebhook.fixAll',
  ToggleRevealSecrets = 'brazeWebhook.toggleRevealSecrets',
}

/** Files the extension works on. */
export const TEMPLATE_GLOB = '**/*.braze-webhook.json';
export const TEMPLATE_SELECTOR = { language: 'json', pattern: TEMPLATE_GLOB } as const;

export function isTemplateUri(path: string): boolean {
  return path.endsWith('.braze-webhook.json');
}
