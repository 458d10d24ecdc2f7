/**
 * Whether the editor may send at all, before a template is even read: a trusted workspace, the
 * user's own switch turned on, and the desktop (Node) extension host — in VS Code for the Web the
 * request would come from the browser and hit CORS (ADR 017). Pure, so it is unit-tested.
 */
export type SendGateRefusal = 'web-host' | 'untrusted' | 'disabled';

export interface SendGateInput {
  /** `vscode.workspace.isTrusted`. */
  trusted: boolean;
  /** The user's `brazeWebhook.send.enable` (global value only). */
  enabled: boolean;
  /** True in the Node extension host only. */
  nodeHost: boolean;
}

/** The first reason sending is off, in the order a user would fix them; undefined when it is on. */
export function sendGate(input: SendGateInput): SendGateRefusal | undefined {
  if (!input.nodeHost) return 'web-host';
  if (!input.trusted) return 'untrusted';
  if (!input.enabled) return 'disabled';
  return undefined;
}
