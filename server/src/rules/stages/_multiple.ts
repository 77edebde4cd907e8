/**
 * CMD, ENTRYPOINT and HEALTHCHECK: an image has one of each, so in a stage only the last one
 * counts. Reported, as BuildKit does, on the earlier ones (those that have no effect).
 */
import { t } from '../../l10n';
import type { RuleContext } from '../types';
import { byStage } from '../instructions/_words';

export function reportOverridden(ctx: RuleContext, keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): void {
  for (const { body } of byStage(ctx.model.instructions)) {
    const found = body.filter((ins) => ins.keyword === keyword);
    for (const ins of found.slice(0, -1)) {
      ctx.report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        message: t('Only the last {0} of a stage takes effect: a later {0} in this stage replaces this one', keyword),
      });
    }
  }
}
