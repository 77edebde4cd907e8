/**
 * consecutive-env — ENV instructions in a row that can be one ENV (opt-in, info). Runs and the
 * merge are computed in `_merge.ts`; the same merge is offered as the "Merge with the next
 * ENV" refactoring while the rule is off.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { mergeEdit, mergeRuns } from './_merge';
import en from './consecutive-env.md';
import zhCn from './consecutive-env.zh-cn.md';

export const consecutiveEnv: Rule = {
  id: 'consecutive-env',
  defaultSeverity: 'info',
  enabledByDefault: false,
  related: {},
  description: 'Consecutive ENV instructions that can be one',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'merge into one ENV (safe)',
  check(ctx) {
    const { model } = ctx;
    for (const { run, bodies } of mergeRuns(model, 'ENV')) {
      const last = run[run.length - 1];
      ctx.report({
        start: run[0].start,
        end: last.end,
        message: t('{0} consecutive {1} instructions can be one {1}', run.length, 'ENV'),
        fixes: [{ title: t('Merge the {0} {1} instructions into one', run.length, 'ENV'), edits: [mergeEdit(model, run, bodies)], safety: 'safe' }],
      });
    }
  },
};
