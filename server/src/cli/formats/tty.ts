/**
 * The terminal format: `file:line:col: severity rule-id (codes): message`, the offending line
 * with a caret under the range, the fixes offered and the docs link. Colours when asked.
 */
import { t } from '../../l10n';
import { docsUrl, RULES_BY_ID } from '../../rules';
import { LineIndex } from '../../text';
import type { FileResult, FormatOptions } from './types';

const COLORS: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '90' };

function paint(on: boolean, code: string, s: string): string {
  return on ? `\x1b[${code}m${s}\x1b[0m` : s;
}

/** Tabs as one space each, so the caret lines up whatever the terminal's tab width. */
function visible(s: string): string {
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

const MAX_FRAME = 160;

export function formatFileTty(result: FileResult, opts: FormatOptions): string {
  const color = opts.color;
  let lines: LineIndex | undefined;
  let out = '';
  for (const f of result.findings) {
    const related = [f.related.hadolint, f.related.buildkit].filter(Boolean).join(', ');
    out += `${result.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${paint(color, COLORS[f.severity], f.severity)} ${paint(color, '1', f.ruleId)}${related ? ` (${related})` : ''}: ${f.message}\n`;
    lines ??= new LineIndex(result.text);
    const l = f.range.start.line;
    if (l < lines.lineCount) {
      const text = lines.lineText(l);
      const num = String(l + 1);
      const start = Math.min(f.range.start.character, text.length);
      const end = f.range.end.line === l ? Math.max(start + 1, Math.min(f.range.end.character, text.length)) : Math.max(start + 1, text.length);
      // Long lines: a window around the range.
      const from = text.length > MAX_FRAME ? Math.max(0, Math.min(start - 20, text.length - MAX_FRAME)) : 0;
      const shown = visible(text.slice(from, from + MAX_FRAME));
      const caretStart = start - from;
      const caretLen = Math.max(1, Math.min(end - from, shown.length) - caretStart);
      out += `  ${paint(color, '2', `${num} |`)} ${shown}\n`;
      out += `  ${' '.repeat(num.length)} ${paint(color, '2', '|')} ${' '.repeat(caretStart)}${paint(color, COLORS[f.severity], '^'.repeat(caretLen))}\n`;
    }
    for (const fix of f.fixes) {
      out += `    ${paint(color, '32', fix.safety === 'safe' ? t('fix') : t('fix (unsafe)'))}: ${fix.title}\n`;
    }
    const rule = RULES_BY_ID.get(f.ruleId);
    if (rule) out += `    ${paint(color, '2', `${t('docs')}: ${docsUrl(rule)}`)}\n`;
  }
  return out;
}

export function formatTty(results: readonly FileResult[], opts: FormatOptions): string {
  return results.map((r) => formatFileTty(r, opts)).join('');
}
