// Stand-in for `path` in the web bundle (ADR 013). liquidjs's CommonJS build reads `sep` when it
// loads and uses the rest only in its file-system template loader, which our engine never uses
// (partials come from an empty in-memory map: src/core/liquid/create-braze-engine.ts).
export const sep = '/';

function noFiles(): never {
  throw new Error('liquidjs file loading is not available in VS Code for the Web');
}
export const extname = noFiles;
export const resolve = noFiles;
export const dirname = noFiles;
