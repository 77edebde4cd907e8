/**
 * heredoc-invalid — a heredoc BuildKit rejects: one never closed (no line equal to its
 * delimiter before the end of the file: "unterminated heredoc"; with `<<-` only leading *tabs*
 * are stripped, so a delimiter indented with spaces never closes it), and a heredoc used as the
 * destination of COPY/ADD ("cannot accept a heredoc as a destination").
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { headArgs } from './_words';
import en from './heredoc-invalid.md';
import zhCn from './heredoc-invalid.zh-cn.md';

const OPENER = /^<<(-?)(["']?)([^"'\s]+)\2$/;

/** The heredoc names of `<<NAME` / `<<-"NAME"` words outside quotes in [from, to). */
function openersOutsideQuotes(text: string, from: number, to: number, escape: string): string[] {
  const names: string[] = [];
  let quote = '';
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === escape && quote === '"') i++;
      continue;
    }
    if (ch === escape) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (ch !== '<' || text[i + 1] !== '<' || text[i + 2] === '<' || text[i - 1] === '<') continue;
    const m = /^<<-?\s*(["']?)([^\s"'<>|&;]+)\1/.exec(text.slice(i, Math.min(to, i + 256)));
    if (m) names.push(m[2]);
  }
  return names;
}

export const heredocInvalid: Rule = {
  id: 'heredoc-invalid',
  defaultSeverity: 'error',
  related: {},
  description: 'Invalid heredoc',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.heredocs.length === 0) continue;
      const head = headArgs(ins);
      const openers = head.filter((a) => OPENER.test(a.value) || /^\d?<<-?["']?\w/.test(a.value));
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && head.length > 0) {
        const dest = head[head.length - 1];
        if (head.length >= 2 && /^<</.test(dest.value)) {
          report({ start: dest.start, end: dest.end, message: t('{0} cannot take a heredoc as its destination: the last argument must be a path', ins.keyword) });
        }
      }
      const real = openersOutsideQuotes(model.text, ins.keywordEnd, ins.heredocs[0].contentStart, model.escape);
      for (const h of ins.heredocs) {
        if (h.terminated) continue;
        // dockerfile-ast also sees `<<EOF` inside quotes (`echo 'x <<EOF'`); BuildKit does not.
        if (!real.some((name) => name === h.name)) continue;
        const opener = openers.find((a) => a.value.includes(h.name)) ?? head[head.length - 1];
        const dash = opener ? /<<-/.test(opener.value) : false;
        // BuildKit reads heredoc bodies raw: a body line ending in the escape character does not
        // continue onto the delimiter (dockerfile-ast thinks it does). A delimiter line anywhere
        // below closes it.
        let near: number | null = null; // a line that closes it once re-indented
        let closed = false;
        for (let l = model.lines.positionAt(h.contentStart).line; l < model.lines.lineCount; l++) {
          const text = model.lines.lineText(l);
          if (text === h.name || (dash && text.replace(/^\t+/, '') === h.name)) {
            closed = true;
            break;
          }
          if (near === null && text.trim() === h.name) near = l;
        }
        if (closed) continue;
        const start = opener ? opener.start : ins.keywordStart;
        const end = opener ? opener.end : ins.keywordEnd;
        let message: string;
        if (near !== null && dash) message = t('Unterminated heredoc {0}: <<- strips only leading tabs, and its delimiter line is indented with spaces', h.name);
        else if (near !== null) message = t('Unterminated heredoc {0}: the indented delimiter line does not close it (start the line with it, or use <<- and indent with tabs)', h.name);
        else message = t('Unterminated heredoc {0}: no line "{0}" closes it', h.name);
        report({ start, end, message });
      }
    }
  },
};
