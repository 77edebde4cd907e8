/**
 * stage-name-duplicate — two stages with the same name (`AS build` twice). Whole-file.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { fromParts } from '../instructions/_words';
import en from './stage-name-duplicate.md';
import zhCn from './stage-name-duplicate.zh-cn.md';

interface Fact {
  range: Range;
  ins: Range;
  name: string;
}

export const stageNameDuplicate: Rule = {
  id: 'stage-name-duplicate',
  defaultSeverity: 'error',
  related: { hadolint: 'DL3024', buildkit: 'DuplicateStageName' },
  description: 'Two stages with the same name',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const { name } = fromParts(ins, ctx.model.escape);
      if (name && name.value !== '') ctx.fact({ range: ctx.range(name.start, name.end), ins: ctx.range(ins.start, ins.start), name: name.value } satisfies Fact);
    }
  },
  checkFile(ctx) {
    const seen = new Set<string>();
    for (const f of ctx.facts as Fact[]) {
      const key = f.name.toLowerCase();
      if (seen.has(key)) {
        ctx.report({ range: f.range, message: t('Stage name {0} is already used by an earlier stage', f.name), instructionLine: f.ins.start.line });
      }
      seen.add(key);
    }
  },
};
