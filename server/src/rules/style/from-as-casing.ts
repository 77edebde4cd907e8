/**
 * from-as-casing — BuildKit's FromAsCasing: `FROM alpine as base` / `from alpine AS base`.
 * Only when the FROM keyword itself is all upper or all lower case (a mixed `From` is
 * inconsistent-instruction-casing's). The fix writes `AS` in FROM's case: safe.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './from-as-casing.md';
import zhCn from './from-as-casing.zh-cn.md';

export const fromAsCasing: Rule = {
  id: 'from-as-casing',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { buildkit: 'FromAsCasing' },
  description: "The 'as' keyword does not match the case of 'from'",
  docs: { en, 'zh-cn': zhCn },
  fixSummary: "`AS` in the case of `FROM` (safe)",
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM' || ins.args.length < 3) continue;
      const as = ins.args[1];
      if (as.value.toLowerCase() !== 'as') continue;
      const from = ins.keywordText;
      const fromLower = from === from.toLowerCase();
      const fromUpper = from === from.toUpperCase();
      if (!fromLower && !fromUpper) continue;
      const want = fromLower ? 'as' : 'AS';
      if (as.value === want) continue;
      report({
        start: as.start,
        end: as.end,
        message: t('\'{0}\' and \'{1}\' keywords\' casing do not match', as.value, from),
        fixes: [{ title: t('Change to {0}', want), safety: 'safe', edits: [{ start: as.start, end: as.end, newText: want }] }],
      });
    }
  },
};
