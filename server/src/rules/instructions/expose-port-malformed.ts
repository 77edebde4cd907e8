/**
 * expose-port-malformed — an EXPOSE word Docker cannot read: not a number or range, a range that
 * runs backwards, an empty or unknown protocol. The build fails on it.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { exposedPorts, PROTOCOLS } from './_expose';
import en from './expose-port-malformed.md';
import zhCn from './expose-port-malformed.zh-cn.md';

export const exposePortMalformed: Rule = {
  id: 'expose-port-malformed',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'EXPOSE port or protocol Docker cannot read',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.keyword !== 'EXPOSE') continue;
      for (const p of exposedPorts(ins, model.escape)) {
        if (p.dynamic || p.mapping) continue;
        const at = { start: p.word.start, end: p.word.end };
        if (p.first === null || p.last === null) {
          report({ ...at, message: t('{0} is not a port: write a number (80) or a range (8000-8010), optionally with /tcp, /udp or /sctp', p.word.value) });
        } else if (p.first > p.last) {
          report({ ...at, message: t('The port range {0} runs backwards: write the lower port first', p.ports) });
        } else if (p.proto !== null && p.proto !== '' && !PROTOCOLS.has(p.proto.toLowerCase())) {
          // (`80/` is read as `80/tcp`.)
          report({ ...at, message: t('Unknown protocol {0}: EXPOSE knows tcp, udp and sctp', p.proto) });
        }
      }
    }
  },
};
