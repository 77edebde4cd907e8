/**
 * legacy-key-value-format — BuildKit's LegacyKeyValueFormat: `ENV key value` / `LABEL key
 * value` instead of `key=value`. In the legacy form the value is the rest of the line as
 * written (spaces included) and is expanded afterwards, quotes and all; the fix writes the
 * `=` form only when it provably reads the same: the rest is one shell word (`key=rest`), or
 * holds no quote or escape character (`key="rest"`). Otherwise it is reported without a fix.
 */
import { t } from '../../l10n';
import { joinLogical } from '../../model';
import { trimBlankEnd, type OffsetEdit } from '../../text';
import type { Rule } from '../types';
import en from './legacy-key-value-format.md';
import zhCn from './legacy-key-value-format.zh-cn.md';

/** Whether `s` is one word for BuildKit's word splitter (no blank outside quotes). */
function isOneWord(s: string, escape: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote === null && c === escape) {
      i++;
      continue;
    }
    if (quote === '"' && c === escape) {
      i++;
      continue;
    }
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t') return false;
  }
  return quote === null;
}

/**
 * The edits that turn `key value…` (from `keyEnd` to `end`, possibly continued over lines) into
 * `key=value…` with the same value, or undefined when that is not provable. The value is what
 * Docker reads: the lines joined, from the first character after the blanks following the key.
 */
export function fixedValue(text: string, keyEnd: number, end: number, escape: string): { edits: OffsetEdit[]; preview: string } | undefined {
  // The first character of the value in the source: blanks and escaped line breaks skipped.
  let at = keyEnd;
  for (;;) {
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    if (text[at] === escape && (text[at + 1] === '\n' || text[at + 1] === '\r')) {
      at += text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 2;
      continue;
    }
    break;
  }
  const source = text.slice(at, end);
  const logical = joinLogical(text, at, end, escape).text;
  // Comment or empty lines inside, or a line break left: not provably the same.
  const lineCount = source.split(/\r\n|\n|\r/).length;
  const continued = source.split(/\r\n|\n|\r/).slice(0, -1).every((l) => trimBlankEnd(l).endsWith(escape));
  if (lineCount > 1 && !continued) return undefined;
  if (/\r|\n/.test(logical) || logical === '') return undefined;
  const multi = lineCount > 1;
  if (!multi && isOneWord(logical, escape)) return { edits: [{ start: keyEnd, end: at, newText: '=' }], preview: logical };
  if (logical.includes('"') || logical.includes("'") || (multi ? stripContinuations(source, escape) : source).includes(escape)) return undefined;
  if (!/[ \t]/.test(logical)) return { edits: [{ start: keyEnd, end: at, newText: '=' }], preview: logical };
  return {
    edits: [{ start: keyEnd, end: at, newText: '="' }, { start: end, end, newText: '"' }],
    preview: multi ? `"${logical.slice(0, 20)}…"` : `"${logical}"`,
  };
}

/** `source` without its escape + line break continuations. */
function stripContinuations(source: string, escape: string): string {
  return source.split(/\r\n|\n|\r/).map((l, i, all) => (i < all.length - 1 ? trimBlankEnd(l).slice(0, -escape.length) : l)).join('');
}

export const legacyKeyValueFormat: Rule = {
  id: 'legacy-key-value-format',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { buildkit: 'LegacyKeyValueFormat' },
  description: 'Legacy "key value" form in ENV or LABEL',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`key=value` with the right quoting (safe)',
  check({ model, report }) {
    const { text, escape } = model;
    for (const ins of model.instructions) {
      if ((ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') || ins.bodyStart === null) continue;
      const body = text.slice(ins.bodyStart, ins.end);
      let k = 0;
      while (k < body.length && body[k] !== ' ' && body[k] !== '\t' && body[k] !== '\n' && body[k] !== '\r') k++;
      const key = body.slice(0, k);
      if (key.includes('=') || key === '' || (k + 1 < body.length && body[k] === escape && (body[k + 1] === '\n' || body[k + 1] === '\r'))) continue;
      let v = k;
      while (v < body.length && (body[v] === ' ' || body[v] === '\t')) v++;
      const rest = trimBlankEnd(body.slice(v));
      if (rest === '') continue;
      const cmd = ins.keywordText.toUpperCase();
      const fixes = [];
      const value = fixedValue(text, ins.bodyStart + k, ins.bodyStart + v + rest.length, escape);
      if (value !== undefined && !key.includes(escape) && !key.includes('"') && !key.includes("'")) {
        fixes.push({
          title: t('Change to {0}', `${key}=${value.preview}`),
          safety: 'safe' as const,
          edits: value.edits,
        });
      }
      report({
        start: ins.bodyStart,
        end: ins.bodyStart + v + rest.length,
        message: t('"{0} key=value" should be used instead of legacy "{0} key value" format', cmd),
        fixes,
      });
    }
  },
};
