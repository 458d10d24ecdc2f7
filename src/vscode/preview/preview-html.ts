/**
 * The preview's HTML shell: a strict Content-Security-Policy (no inline script without the
 * nonce, no remote content), one script and one stylesheet from `media/`. Content arrives later
 * as messages and is rendered with textContent only. Pure, so escaping is unit-tested.
 */
export interface PreviewHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  /** BCP 47 language of the UI. */
  lang: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

export function buildPreviewHtml(input: PreviewHtmlInput): string {
  const e = escapeHtml;
  const csp = [
    "default-src 'none'",
    `img-src ${e(input.cspSource)}`,
    `style-src ${e(input.cspSource)}`,
    `script-src 'nonce-${e(input.nonce)}'`,
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${e(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(input.styleUri)}">
<title>${e(input.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">…</p></main>
<script nonce="${e(input.nonce)}" src="${e(input.scriptUri)}"></script>
</body>
</html>`;
}

/** A nonce from a source of random bytes (the adapter passes crypto.getRandomValues). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(24), (b) => b.toString(16).padStart(2, '0')).join('');
}
