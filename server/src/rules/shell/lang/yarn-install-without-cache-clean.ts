/**
 * yarn-install-without-cache-clean — `yarn install` keeps every downloaded package in the yarn
 * cache (`/usr/local/share/.cache/yarn` for root with Yarn 1, `~/.yarn/berry/cache` for Yarn 2+),
 * which stays in the layer unless the same RUN cleans it. Satisfied by `yarn cache clean` in any
 * form after the install (`--all`, `--force`, `--mirror`), an `rm` of the cache directory, a
 * cache or tmpfs mount on it (or on the `--cache-folder` given), and not reported in a stage whose
 * layers never reach the final image.
 *
 * Fix: append ` && yarn cache clean` to a plain `&&` list (unsafe: with Yarn 2+ and a project
 * cache (`enableGlobalCache: false`) it deletes .yarn/cache, which Plug'n'Play installs read).
 */
import { t } from '../../../l10n';
import { hasCacheOrTmpfsMount, mountsOf } from '../../../shell/mounts';
import { appendToPlainList, clears, layerDiscarded, rmTargets, runGroups } from '../../../shell/packages';
import type { Fix, Rule } from '../../types';
import { yarnCalls, type ToolCall } from './_lang';
import en from './yarn-install-without-cache-clean.md';
import zhCn from './yarn-install-without-cache-clean.zh-cn.md';

const CACHE_DIRS = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'];
const CACHE_TAIL = /\/(?:\.cache\/yarn|\.yarn\/berry\/cache|\.yarn\/cache|\.yarn-cache)$/;

/** `yarn install`, and `yarn` alone or with options only (it means install; not `yarn --version`). */
function isInstall(call: ToolCall): boolean {
  if (call.sub) return call.sub.value === 'install';
  return call.args.positionals.length === 0 && !call.args.has('-v', '--version', '-h', '--help');
}

export const yarnInstallWithoutCacheClean: Rule = {
  id: 'yarn-install-without-cache-clean',
  defaultSeverity: 'info',
  scope: 'instruction',
  related: { hadolint: 'DL3060' },
  description: 'yarn install without yarn cache clean',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'append `&& yarn cache clean` (unsafe)',
  check(ctx) {
    for (const group of runGroups(ctx)) {
      if (layerDiscarded(ctx, group)) continue;
      const ins = group.ins;
      if (hasCacheOrTmpfsMount(ins, ...CACHE_DIRS)
        || mountsOf(ins).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && CACHE_TAIL.test(m.target))) continue;
      const calls = group.scripts.flatMap((s, si) => yarnCalls(ctx, s).map((c) => ({ c, si })));
      const installs = calls.filter(({ c }) => isInstall(c));
      if (installs.length === 0) continue;
      const after = (si: number, offset: number, k: number, start: number) => k > si || (k === si && start > offset);
      for (const { c, si } of installs) {
        const end = c.inv.command.end;
        const cleaned = calls.some((x) => after(si, end, x.si, x.c.inv.command.start) && x.c.sub?.value === 'cache' && x.c.operands[0]?.value === 'clean')
          || group.scripts.some((s, k) => ctx.invocations(s).some((inv) => after(si, end, k, inv.command.start)
            && rmTargets(inv).some((tg) => CACHE_DIRS.some((d) => clears(tg, d)) || CACHE_TAIL.test(tg.replace(/\/\*?$/, '')))));
        const folder = c.args.valueOf('--cache-folder');
        if (cleaned || (folder && hasCacheOrTmpfsMount(ins, folder))) continue;
        const edit = group.scripts.length === 1 ? appendToPlainList(c.script, 'yarn cache clean') : null;
        const fixes: Fix[] = edit ? [{ title: t('Append && yarn cache clean (check Yarn 2+ projects)'), edits: [edit], safety: 'unsafe' }] : [];
        ctx.report({
          start: c.script.toDoc(c.start),
          end: c.script.toDoc((c.sub ?? { end: c.inv.programEnd }).end, true),
          message: t('Run yarn cache clean in the same RUN after yarn install: the yarn cache stays in the layer'),
          fixes,
        });
      }
    }
  },
};
