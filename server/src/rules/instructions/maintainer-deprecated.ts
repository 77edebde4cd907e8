/**
 * maintainer-deprecated — MAINTAINER is deprecated; the OCI label says the same thing.
 * The fix writes `LABEL org.opencontainers.image.authors="…"` with the value quoted for LABEL.
 */
import { matchKeywordCase } from '../../text';
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './maintainer-deprecated.md';
import zhCn from './maintainer-deprecated.zh-cn.md';

/** `value` as a LABEL double-quoted string: the escape character, `"` and `$` escaped. */
export function labelQuote(value: string, escape: string): string {
  let out = '"';
  for (const c of value) out += c === escape || c === '"' || c === '$' ? escape + c : c;
  return `${out}"`;
}

export const maintainerDeprecated: Rule = {
  id: 'maintainer-deprecated',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL4000', buildkit: 'MaintainerDeprecated' },
  description: 'MAINTAINER is deprecated',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`LABEL org.opencontainers.image.authors` (safe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'MAINTAINER') continue;
      const value = ins.bodyStart === null ? '' : model.text.slice(ins.bodyStart, ins.end).trim();
      // One line, no continuation: the value is exactly that text.
      const single = ins.startLine === ins.endLine && value !== '' && !/[\r\n]/.test(value);
      const label = `${matchKeywordCase(ins.keywordText, 'LABEL')} org.opencontainers.image.authors=${labelQuote(value, model.escape)}`;
      report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        message: t('MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors'),
        fixes: single ? [{ title: t('Replace with LABEL org.opencontainers.image.authors'), edits: [{ start: ins.start, end: ins.end, newText: label }], safety: 'safe' }] : [],
      });
    }
  },
};
