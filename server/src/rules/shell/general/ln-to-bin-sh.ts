/**
 * ln-to-bin-sh — `ln -sf /bin/bash /bin/sh`: replacing /bin/sh changes the shell of every
 * program in the image (package scripts, the distribution's own tools) to get another shell
 * for RUN. `SHELL ["/bin/bash", "-c"]` changes only what RUN uses.
 *
 * Reported when /bin/sh (or /usr/bin/sh) is the link created: the last operand, or the
 * `-t`-less target; `ln -s /bin/sh /usr/local/bin/x` (a link to sh) is fine.
 */
import { t } from '../../../l10n';
import { parseArgs } from '../../../shell/facts';
import type { Rule } from '../../types';
import en from './ln-to-bin-sh.md';
import zhCn from './ln-to-bin-sh.zh-cn.md';

const SH = new Set(['/bin/sh', '/usr/bin/sh']);

export const lnToBinSh: Rule = {
  id: 'ln-to-bin-sh',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL4005' },
  description: 'ln replaces /bin/sh instead of using SHELL',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      for (const inv of ctx.invocations(s.script)) {
        if (inv.program !== 'ln') continue;
        const args = parseArgs(inv.args, new Set(['-S', '--suffix', '-t', '--target-directory']));
        if (args.has('-t', '--target-directory')) continue;
        const ops = args.positionals;
        const target = ops.length >= 2 ? ops[ops.length - 1] : undefined;
        if (!target || target.value === null || !SH.has(target.value.replace(/\/+$/, ''))) continue;
        ctx.report({
          start: s.script.toDoc(inv.programStart),
          end: s.script.toDoc(inv.command.end, true),
          message: t('Use SHELL to change the shell of RUN instead of replacing {0}: every program in the image uses /bin/sh', target.value),
        });
      }
    }
  },
};
