/**
 * pip-install-without-no-cache-dir — `pip install` keeps the downloaded wheels in ~/.cache/pip,
 * which stays in the layer. Satisfied by `--no-cache-dir`, `PIP_NO_CACHE_DIR` (on the command,
 * exported earlier in the script, or set by ENV/ARG earlier in the stage), a cache or tmpfs
 * mount on the pip cache (`/root/.cache/pip`, any `…/.cache` or `…/.cache/pip`, or the
 * `--cache-dir` given), and not reported in a stage whose layers never reach the final image.
 *
 * Fix: insert ` --no-cache-dir` after `install` (safe: the same packages are installed).
 */
import { t } from '../../../l10n';
import { insertAfter } from '../../../shell/edits';
import { hasCacheOrTmpfsMount, mountsOf } from '../../../shell/mounts';
import { layerDiscarded, mayHideOptions, recordSets, releaseHeld, reportOrHold, runGroups, scriptExports, setsVariable, stageSetsVariable } from '../../../shell/packages';
import type { Fix, Rule } from '../../types';
import { pipCalls } from './_lang';
import en from './pip-install-without-no-cache-dir.md';
import zhCn from './pip-install-without-no-cache-dir.zh-cn.md';

const VAR = 'PIP_NO_CACHE_DIR';

export const pipInstallWithoutNoCacheDir: Rule = {
  id: 'pip-install-without-no-cache-dir',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3042' },
  description: 'pip install without --no-cache-dir',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'insert `--no-cache-dir` (safe)',
  checkFile: releaseHeld,
  check(ctx) {
    const { model } = ctx;
    for (const i of model.instructions) if (setsVariable(i, VAR, ['ENV'])) recordSets(ctx, i, [VAR]);
    for (const group of runGroups(ctx)) {
      if (layerDiscarded(ctx, group)) continue;
      const ins = group.ins;
      const mounted = hasCacheOrTmpfsMount(ins, '/root/.cache/pip')
        || mountsOf(ins).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /\/\.cache(?:\/pip)?$/.test(m.target));
      if (mounted || stageSetsVariable(model, ins, VAR)) continue;
      for (const script of group.scripts) {
        for (const call of pipCalls(ctx, script)) {
          const sub = call.sub;
          if (sub?.value !== 'install' || call.args.has('--no-cache-dir') || mayHideOptions(call.words)) continue;
          if (call.inv.env.has(VAR) || scriptExports(script, VAR, call.inv.command.start)) continue;
          const cacheDir = call.args.valueOf('--cache-dir');
          if (cacheDir && hasCacheOrTmpfsMount(ins, cacheDir)) continue;
          const fixes: Fix[] = script.readOnly ? [] : [{ title: t('Add --no-cache-dir to pip install'), edits: [insertAfter(script, sub, ' --no-cache-dir')], safety: 'safe' }];
          reportOrHold(ctx, ins, {
            start: script.toDoc(call.start),
            end: script.toDoc(sub.end, true),
            message: t('Use pip install --no-cache-dir: the downloaded packages stay in ~/.cache/pip in the layer'),
            fixes,
          }, [VAR]);
        }
      }
    }
  },
};
