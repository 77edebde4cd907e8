/**
 * apt-get-install-with-recommends — `apt-get install` without `--no-install-recommends`
 * also installs every package the named ones recommend: often hundreds of MB nobody asked for.
 * Satisfied by `--no-install-recommends`, `-o APT::Install-Recommends=false` (or 0/no/off),
 * `--install-recommends=false`, or `APT::Install-Recommends` configured earlier in the stage.
 *
 * Fix: insert ` --no-install-recommends` after `install` (unsafe: it changes what is installed,
 * and software may need a recommended package).
 */
import { t } from '../../../l10n';
import { insertAfter } from '../../../shell/edits';
import { mayHideOptions, releaseHeld, reportOrHold, runGroups } from '../../../shell/packages';
import type { Fix, Rule } from '../../types';
import { aptCalls, aptFalse, aptOption, callRange, configuredEarlier, recordConfigured, type AptCall } from './_apt';
import en from './apt-get-install-with-recommends.md';
import zhCn from './apt-get-install-with-recommends.zh-cn.md';

function noRecommends(call: AptCall): boolean {
  if (call.args.has('--no-install-recommends')) return true;
  if (call.args.options.some((o) => o.name === '--install-recommends' && aptFalse(o.value ?? undefined))) return true;
  return aptFalse(aptOption(call, 'APT::Install-Recommends'));
}

export const aptGetInstallWithRecommends: Rule = {
  id: 'apt-get-install-with-recommends',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3015' },
  description: 'apt-get install without --no-install-recommends',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'insert `--no-install-recommends` (unsafe)',
  checkFile: releaseHeld,
  check(ctx) {
    recordConfigured(ctx, 'Install-Recommends');
    for (const group of runGroups(ctx)) {
      for (const script of group.scripts) {
        for (const call of aptCalls(ctx, script)) {
          const sub = call.sub;
          if (sub?.value !== 'install' || noRecommends(call) || mayHideOptions(call.inv.args)) continue;
          if (configuredEarlier(ctx, group, call, 'Install-Recommends')) continue;
          const fixes: Fix[] = script.readOnly ? [] : [{
            title: t('Add --no-install-recommends (changes what is installed)'),
            edits: [insertAfter(script, sub, ' --no-install-recommends')],
            safety: 'unsafe',
          }];
          reportOrHold(ctx, group.ins, { ...callRange(call), message: t('Use {0} install --no-install-recommends: recommended packages add size nobody asked for', call.tool), fixes }, ['Install-Recommends']);
        }
      }
    }
  },
};
