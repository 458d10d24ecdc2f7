export { hoverAt, filterMarkdown, fieldMarkdown, type HoverInfo, type HoverContext } from './hover-at';
export { completionsAt, snippetContextAt, type CompletionCandidate, type CompletionContext, type SnippetContext } from './completions-at';
export { fieldAt, rawToDecoded } from './locate';
export { type EditorDocs, type FilterDoc, NO_EDITOR_DOCS, toEditorDocs } from './docs';
