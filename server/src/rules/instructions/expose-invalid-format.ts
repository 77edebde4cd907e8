/**
 * expose-invalid-format — `EXPOSE 8080:80` / `EXPOSE 127.0.0.1:80:80`: a `docker run -p`
 * mapping in EXPOSE. The host side is ignored (BuildKit warns; it is to become an error).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { exposedPorts } from './_expose';
import en from './expose-invalid-format.md';
import zhCn from './expose-invalid-format.zh-cn.md';

export const exposeInvalidFormat: Rule = {
  id: 'expose-invalid-format',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { buildkit: 'ExposeInvalidFormat' },
  description: 'EXPOSE with an IP address or host-port mapping',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'keep the container port (safe)',
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.keyword !== 'EXPOSE') continue;
      for (const p of exposedPorts(ins, model.escape)) {
        if (!p.mapping) continue;
        // The container side is the last `:` part; the image records only that one.
        const container = p.word.value.slice(p.word.value.lastIndexOf(':') + 1);
        const plain = p.word.raw === p.word.value && /^[0-9]+(?:-[0-9]+)?(?:\/[A-Za-z]+)?$/.test(container);
        report({
          start: p.word.start,
          end: p.word.end,
          message: t('EXPOSE takes the container port only, not an IP address or host mapping: {0}', p.word.value),
          fixes: plain ? [{ title: t('Keep only the container port {0}', container), edits: [{ start: p.word.start, end: p.word.end, newText: container }], safety: 'safe' }] : [],
        });
      }
    }
  },
};
