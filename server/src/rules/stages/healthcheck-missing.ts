/**
 * healthcheck-missing — opt-in: the final image has no HEALTHCHECK (neither its stage nor a
 * stage it starts from). Whole-file.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { byStage } from '../instructions/_words';
import { finalStage, lineage } from './_stages';
import en from './healthcheck-missing.md';
import zhCn from './healthcheck-missing.zh-cn.md';

interface Fact {
  at: Range;
  healthcheck: boolean;
}

export const healthcheckMissing: Rule = {
  id: 'healthcheck-missing',
  defaultSeverity: 'info',
  enabledByDefault: false,
  related: { hadolint: 'DL3057' },
  description: 'The final image has no HEALTHCHECK',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { from, body } of byStage(ctx.model.instructions)) {
      ctx.fact({ at: ctx.range(from.start, from.end), healthcheck: body.some((i) => i.keyword === 'HEALTHCHECK') } satisfies Fact);
    }
  },
  checkFile(ctx) {
    const last = finalStage(ctx.stages);
    if (!last) return;
    const byLine = new Map((ctx.facts as Fact[]).map((f) => [f.at.start.line, f]));
    const final = byLine.get(last.line);
    if (!final) return;
    if (lineage(ctx.stages, last).some((s) => byLine.get(s.line)?.healthcheck)) return;
    ctx.report({ range: final.at, message: t('The final image has no HEALTHCHECK'), instructionLine: final.at.start.line });
  },
};
