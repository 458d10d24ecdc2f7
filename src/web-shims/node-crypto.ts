// Stand-in for `crypto` in the web bundle (ADR 013). liquidjs's CommonJS build uses it only in
// its `sha256` and `hmac_sha256` filters, and our engine never runs either: Braze's own
// `hmac_sha256` replaces liquidjs's, and `sha256` (not a Braze filter) fails as unsupported
// (src/core/liquid/filters). test/package/web-bundle.test.ts checks that both builds agree.
function notInTheWeb(): never {
  throw new Error('Node crypto is not available in VS Code for the Web');
}
export const createHash = notInTheWeb;
export const createHmac = notInTheWeb;
