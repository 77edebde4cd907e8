/**
 * stage-name-reserved — `FROM … AS scratch` / `AS context`: names BuildKit gives another meaning.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { fromParts } from './_words';
import en from './stage-name-reserved.md';
import zhCn from './stage-name-reserved.zh-cn.md';

const RESERVED = new Set(['scratch', 'context']);

export const stageNameReserved: Rule = {
  id: 'stage-name-reserved',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { buildkit: 'ReservedStageName' },
  description: 'Stage named scratch or context',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const { name } = fromParts(ins, model.escape);
      if (!name || !RESERVED.has(name.value.toLowerCase())) continue;
      report({ start: name.start, end: name.end, message: t('{0} is reserved and should not be used as a stage name', name.value.toLowerCase()) });
    }
  },
};
