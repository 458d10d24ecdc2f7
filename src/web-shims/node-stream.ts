// Stand-in for `stream` in the web bundle (ADR 013). liquidjs's CommonJS build, which both
// bundles use for its native async/await (docs/performance.md), imports it only for
// `renderToNodeStream`, which the extension never calls.
export class PassThrough {
  constructor() {
    throw new Error('Node streams are not available in VS Code for the Web');
  }
}
