/**
 * Hover and completion, loaded on the first hover or completion (ADR 020): the Node host requires
 * dist/extension-editor.js then; the web host bundles it. The providers registered at activation
 * (language-features.ts) call these. Nothing here needs liquidjs or the rules.
 */
export { completionsAt, hoverAt, snippetContextAt } from '../core/editor';

export type EditorFeatures = typeof import('./editor-features');
