/**
 * consecutive-label — LABEL instructions in a row that can be one LABEL (opt-in, info). Runs and the
 * merge are computed in `_merge.ts`; the same merge is offered as the "Merge with the next
 * LABEL" refactoring while the rule is off.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { mergeEdit, mergeRuns } from './_merge';
import en from './consecutive-label.md';
import zhCn from './consecutive-label.zh-cn.md';

export const consecutiveLabel: Rule = {
  id: 'consecutive-label',
  defaultSeverity: 'info',
  enabledByDefault: false,
  related: {},
  description: 'Consecutive LABEL instructions that can be one',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'merge into one LABEL (safe)',
  check(ctx) {
    const { model } = ctx;
    for (const { run, bodies } of mergeRuns(model, 'LABEL')) {
      const last = run[run.length - 1];
      ctx.report({
        start: run[0].start,
        end: last.end,
        message: t('{0} consecutive {1} instructions can be one {1}', run.length, 'LABEL'),
        fixes: [{ title: t('Merge the {0} {1} instructions into one', run.length, 'LABEL'), edits: [mergeEdit(model, run, bodies)], safety: 'safe' }],
      });
    }
  },
};
