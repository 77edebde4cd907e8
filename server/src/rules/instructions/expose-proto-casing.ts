/**
 * expose-proto-casing — `EXPOSE 80/TCP`: protocols are written in lower case.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { exposedPorts, PROTOCOLS } from './_expose';
import en from './expose-proto-casing.md';
import zhCn from './expose-proto-casing.zh-cn.md';

export const exposeProtoCasing: Rule = {
  id: 'expose-proto-casing',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { buildkit: 'ExposeProtoCasing' },
  description: 'EXPOSE protocol not in lower case',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'lower case (safe)',
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.keyword !== 'EXPOSE') continue;
      for (const p of exposedPorts(ins, model.escape)) {
        // A host mapping (`8080:80/TCP`) is expose-invalid-format's too: BuildKit reports both.
        if (p.dynamic || p.proto === null || p.protoStart < 0) continue;
        const lower = p.proto.toLowerCase();
        if (lower === p.proto || !PROTOCOLS.has(lower)) continue;
        const start = p.word.start + p.protoStart;
        const end = start + p.proto.length;
        // Only when the written protocol is exactly the value (no quotes around it).
        const exact = model.text.slice(start, end) === p.proto;
        report({
          start: p.word.start,
          end: p.word.end,
          message: t('Write the protocol of {0} in lower case: {1}', p.word.value, lower),
          fixes: exact ? [{ title: t('Write the protocol in lower case'), edits: [{ start, end, newText: lower }], safety: 'safe' }] : [],
        });
      }
    }
  },
};
