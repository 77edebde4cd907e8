/**
 * copy-from-own-stage — `COPY --from` naming the stage it is in (by name or index): a stage
 * cannot read its own result. Whole-file (the index needs the stages above the chunk).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { recordCopyFrom, resolveFrom, type CopyFromFact } from './_from';
import { stageAt } from './_stages';
import en from './copy-from-own-stage.md';
import zhCn from './copy-from-own-stage.zh-cn.md';

export const copyFromOwnStage: Rule = {
  id: 'copy-from-own-stage',
  defaultSeverity: 'error',
  related: { hadolint: 'DL3023' },
  description: 'COPY --from names its own stage',
  docs: { en, 'zh-cn': zhCn },
  check: recordCopyFrom,
  checkFile(ctx) {
    for (const f of ctx.facts as CopyFromFact[]) {
      const own = stageAt(ctx.stages, f.range.start.line);
      if (!own) continue;
      const target = resolveFrom(f.value, ctx.stages);
      if (target.kind !== 'stage' || target.index !== own.index) continue;
      ctx.report({ range: f.range, message: t('COPY --from={0} names the stage it is in: a stage cannot copy from itself', f.value), instructionLine: f.ins.start.line });
    }
  },
};
