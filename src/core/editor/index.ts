export { hoverAt, filterMarkdown, fieldMarkdown, type HoverInfo, type HoverContext } from './hover-at';
export { completionsAt, snippetContextAt, type CompletionCandidate, type CompletionContext, type SnippetContext } from './completions-at';
export { fieldAt, rawToDecoded } from './locate';
export { CC_OPTION_DOCS, TAG_DOCS, HEADER_DOCS } from './docs';
