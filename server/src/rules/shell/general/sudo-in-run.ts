/**
 * sudo-in-run — `sudo` in a RUN. A build runs as the USER in force; sudo needs a password or
 * sudoers rules baked into the image, and its behaviour with a TTY-less build varies.
 */
import { t } from '../../../l10n';
import type { Rule } from '../../types';
import { wrapperWord } from './_general';
import en from './sudo-in-run.md';
import zhCn from './sudo-in-run.zh-cn.md';

export const sudoInRun: Rule = {
  id: 'sudo-in-run',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: { hadolint: 'DL3004' },
  description: 'sudo in a RUN instruction',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      for (const inv of ctx.invocations(s.script)) {
        if (inv.program !== 'sudo' && !inv.wrappers.includes('sudo')) continue;
        const w = inv.program === 'sudo' ? { start: inv.programStart, end: inv.programEnd } : wrapperWord(inv, 'sudo');
        if (!w) continue;
        ctx.report({
          start: s.script.toDoc(w.start),
          end: s.script.toDoc(w.end, true),
          message: t('Do not use sudo: a RUN already runs as the USER in force; switch users with USER, and use gosu or su-exec in entrypoint scripts'),
        });
      }
    }
  },
};
