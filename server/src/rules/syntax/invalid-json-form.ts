/**
 * invalid-json-form — arguments written as a JSON array that is not valid JSON, such as
 * `CMD ['node', 'app.js']`. BuildKit then silently runs the text as a shell command,
 * brackets and quotes included; SHELL accepts the JSON form only.
 */
import { t } from '../../l10n';
import type { Fix, Rule } from '../types';
import en from './invalid-json-form.md';
import zhCn from './invalid-json-form.zh-cn.md';

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019' };

/** Reads `[ 'a', "b" ]` written with the wrong quotes; null when it is not that simple. */
export function readLooseArray(text: string): string[] | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  skip();
  if (text[i] !== '[') return null;
  i++;
  const out: string[] = [];
  skip();
  if (text[i] === ']') return text.slice(i + 1).trim() === '' ? out : null;
  for (;;) {
    skip();
    const close = QUOTES[text[i]];
    if (!close) return null;
    const end = text.indexOf(close, i + 1);
    if (end < 0) return null;
    const value = text.slice(i + 1, end);
    if (value.includes('\\') || value.includes('"')) return null;
    out.push(value);
    i = end + 1;
    skip();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') return text.slice(i + 1).trim() === '' ? out : null;
    return null;
  }
}

export const invalidJsonForm: Rule = {
  id: 'invalid-json-form',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Malformed JSON (exec) form',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'double quotes (unsafe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.bodyStart === null) continue;
      if (ins.json === null) {
        const body = model.text.slice(ins.bodyStart, ins.end);
        const fixes: Fix[] = [];
        const loose = ins.startLine === ins.endLine ? readLooseArray(body) : null;
        if (loose) {
          fixes.push({
            title: t('Rewrite as a JSON array with double quotes'),
            edits: [{ start: ins.bodyStart, end: ins.end, newText: JSON.stringify(loose).replace(/","/g, '", "') }],
            safety: 'unsafe',
          });
        }
        report({
          start: ins.bodyStart,
          end: ins.end,
          message: t('Malformed JSON form: {0} will run this text as a shell command. Use double quotes: ["executable", "arg"]', ins.keyword),
          fixes,
        });
      } else if (ins.keyword === 'SHELL' && ins.json === undefined) {
        report({
          start: ins.bodyStart,
          end: ins.end,
          message: t('SHELL requires the JSON form, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"]'),
        });
      }
    }
  },
};
