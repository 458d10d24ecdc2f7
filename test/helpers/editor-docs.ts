import editorDocs from '../../data/editor-docs.json';
import { type EditorDocs, toEditorDocs } from '../../src/core/editor/docs';

/** The hover and completion texts exactly as the extension injects them (data/editor-docs.json, ADR 020). */
export const EDITOR_DOCS: EditorDocs = toEditorDocs(editorDocs);
