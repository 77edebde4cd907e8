/**
 * Completion: instruction keywords at the start of a line, in the case the file uses.
 */
import { CompletionItemKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import { INSTRUCTION_DOCS } from './instructions';

export function completion(doc: TextDocument, params: CompletionParams): CompletionItem[] {
  const { line, character } = params.position;
  const before = doc.getText({ start: { line, character: 0 }, end: { line, character } });
  if (!/^[ \t]*[A-Za-z]*$/.test(before)) return [];
  if (line > 0) {
    const prev = doc.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).trimEnd();
    if (prev.endsWith('\\') || prev.endsWith('`')) return [];
  }
  const lower = /^[ \t]*[a-z]+$/.test(before);
  return Object.entries(INSTRUCTION_DOCS).map(([kw, info]) => ({
    label: lower ? kw.toLowerCase() : kw,
    kind: CompletionItemKind.Keyword,
    detail: info.syntax,
    documentation: t(info.summary),
    insertText: `${lower ? kw.toLowerCase() : kw} `,
  }));
}
