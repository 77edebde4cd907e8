/**
 * expose-port-out-of-range — an EXPOSE port above 65535 (ports are 16-bit).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { exposedPorts } from './_expose';
import en from './expose-port-out-of-range.md';
import zhCn from './expose-port-out-of-range.zh-cn.md';

export const exposePortOutOfRange: Rule = {
  id: 'expose-port-out-of-range',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: { hadolint: 'DL3011' },
  description: 'EXPOSE port outside 0-65535',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.keyword !== 'EXPOSE') continue;
      for (const p of exposedPorts(ins, model.escape)) {
        if (p.dynamic || p.mapping || p.first === null || p.last === null) continue;
        if (p.first <= 65535 && p.last <= 65535) continue;
        report({ start: p.word.start, end: p.word.end, message: t('Port {0} is out of range: valid ports are 0 to 65535', p.ports) });
      }
    }
  },
};
