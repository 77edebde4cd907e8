/**
 * Hover: an instruction keyword shows what it does and its syntax.
 */
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Finding } from '../lint';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import { INSTRUCTION_DOCS } from './instructions';

export function hover(doc: TextDocument, params: HoverParams): Hover | null {
  const { line, character } = params.position;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const m = /^([ \t]*)([A-Za-z]+)/.exec(text);
  if (!m) return null;
  const start = m[1].length;
  const end = start + m[2].length;
  if (character < start || character > end) return null;
  // Only the first word of an instruction, not a continuation line.
  if (line > 0) {
    const prev = doc.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).trimEnd();
    if (prev.endsWith('\\') || prev.endsWith('`')) return null;
  }
  const info = INSTRUCTION_DOCS[m[2].toUpperCase()];
  if (!info) return null;
  return {
    contents: { kind: 'markdown', value: `**${m[2].toUpperCase()}** — ${t(info.summary)}\n\n\`\`\`dockerfile\n${info.syntax}\n\`\`\`` },
    range: { start: { line, character: start }, end: { line, character: end } },
  };
}

/**
 * On a finding: which configuration file applied to the document (or that none did), so a
 * user can tell where a severity or an ignored rule comes from. Shown with the diagnostic.
 */
export function configHover(params: HoverParams, findings: readonly Finding[], configFile: string | undefined): Hover | null {
  const at = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  const hit = findings.filter((f) => at(f.range.start, params.position) && at(params.position, f.range.end));
  if (hit.length === 0) return null;
  const codes = [...new Set(hit.map((f) => f.ruleId))].map((c) => `\`${c}\``).join(', ');
  const value = configFile ? t('{0}: configured by {1}', codes, `\`${configFile}\``) : t('{0}: no .hadolint.yaml applies (defaults and editor settings)', codes);
  return { contents: { kind: 'markdown', value }, range: hit[0].range };
}
