/**
 * copy-from-unknown-stage — `COPY --from=<name>` where no stage has that name (BuildKit then
 * pulls an image of that name), `--from=<n>` beyond the last stage, or a stage defined *after*
 * the COPY's own (BuildKit fails: stages can only copy from the stages above them). Whole-file.
 */
import { t } from '../../l10n';
import type { FileReport, Rule } from '../types';
import { closestName, recordCopyFrom, resolveFrom, type CopyFromFact } from './_from';
import { stageAt } from './_stages';
import en from './copy-from-unknown-stage.md';
import zhCn from './copy-from-unknown-stage.zh-cn.md';

export const copyFromUnknownStage: Rule = {
  id: 'copy-from-unknown-stage',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3022' },
  description: 'COPY --from names no stage of the file',
  fixSummary: 'the close stage name (unsafe)',
  docs: { en, 'zh-cn': zhCn },
  check: recordCopyFrom,
  checkFile(ctx) {
    const names = ctx.stages.map((s) => s.name).filter((n): n is string => n !== null);
    for (const f of ctx.facts as CopyFromFact[]) {
      const target = resolveFrom(f.value, ctx.stages);
      let message: string;
      let fixes: FileReport['fixes'] = [];
      if (target.kind === 'index-out-of-range') {
        message = t('There is no stage {0}: the file has {1} stages, numbered from 0', f.value, ctx.stages.length);
      } else if (target.kind === 'name-not-found') {
        const near = closestName(f.value.toLowerCase(), names);
        message = near
          ? t('No stage is named {0} (did you mean {1}?): COPY --from will pull an image named {0} instead', f.value, near)
          : t('No stage is named {0}: COPY --from will pull an image named {0} instead', f.value);
        // The flag as a whole is replaced (its value may have been quoted).
        if (near) fixes = [{ title: t('Copy from stage {0}', near), safety: 'unsafe', edits: [{ range: f.range, newText: `--from=${near}` }] }];
      } else if (target.kind === 'stage' && (stageAt(ctx.stages, f.range.start.line)?.index ?? Infinity) < target.index) {
        message = t('Stage {0} is defined after this one: BuildKit fails, a stage can only copy from the stages above it', f.value);
      } else {
        continue;
      }
      ctx.report({ range: f.range, message, instructionLine: f.ins.start.line, fixes });
    }
  },
};
