/**
 * legacy-key-value-format — BuildKit's LegacyKeyValueFormat: `ENV key value` / `LABEL key
 * value` instead of `key=value`. In the legacy form the value is the rest of the line as
 * written (spaces included) and is expanded afterwards, quotes and all; the fix writes the
 * `=` form only when it provably reads the same: the rest is one shell word (`key=rest`), or
 * holds no quote or escape character (`key="rest"`). Otherwise it is reported without a fix.
 */
import { t } from '../../l10n';
import { trimBlankEnd } from '../../text';
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

export const legacyKeyValueFormat: Rule = {
  id: 'legacy-key-value-format',
  defaultSeverity: 'warning',
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
      if (!rest.includes('\n') && !rest.includes('\r') && !key.includes(escape) && !key.includes('"') && !key.includes("'")) {
        let value: string | undefined;
        if (isOneWord(rest, escape)) value = rest;
        else if (!rest.includes('"') && !rest.includes("'") && !rest.includes(escape)) value = `"${rest}"`;
        if (value !== undefined) {
          fixes.push({
            title: t('Change to {0}', `${key}=${value}`),
            safety: 'safe' as const,
            edits: [{ start: ins.bodyStart, end: ins.bodyStart + v + rest.length, newText: `${key}=${value}` }],
          });
        }
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
