/**
 * zypper-dist-upgrade — `zypper dist-upgrade` / `dup` (and `update` / `up`) in a build: it
 * upgrades the base image's packages to whatever the repositories hold that day.
 */
import { t } from '../../../l10n';
import { callRange, rpmCalls, subcommand } from '../../../shell/rpm';
import type { Rule } from '../../types';
import en from './zypper-dist-upgrade.md';
import zhCn from './zypper-dist-upgrade.zh-cn.md';

const UPGRADES = new Set(['dist-upgrade', 'dup', 'update', 'up']);

export const zypperDistUpgrade: Rule = {
  id: 'zypper-dist-upgrade',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3035' },
  description: 'zypper dist-upgrade or update in a build',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      for (const call of rpmCalls(ctx.invocations(s.script))) {
        if (call.family !== 'zypper' || !UPGRADES.has(subcommand(call))) continue;
        // `zypper up pkg`: updating named packages is an install of a newer version, not of everything.
        if ((call.sub!.value === 'update' || call.sub!.value === 'up') && call.operands.length > 0) continue;
        const { start, end } = callRange(s.script, call);
        ctx.report({ start, end, message: t('Do not run zypper {0} in a build: it upgrades every package of the base image to whatever the repositories hold that day; use a newer base image, or install the packages you need with versions', subcommand(call)) });
      }
    }
  },
};
