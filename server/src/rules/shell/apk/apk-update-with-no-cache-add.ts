/**
 * apk-update-with-no-cache-add — `apk update && apk add --no-cache …`: `--no-cache` fetches a
 * fresh index and stores none, so the `apk update` only downloads an index that stays in
 * /var/cache/apk in the layer. The same holds before `apk upgrade --no-cache`.
 *
 * Reported when every apk call after the update that reads the index uses `--no-cache`, and
 * nothing removes the cache afterwards; not with a cache/tmpfs mount on the apk cache, nor in
 * a stage whose layers never reach the final image.
 *
 * Fix: remove `apk update` with its `&&` (safe; only when it is a plain `&&` list member).
 */
import { t } from '../../../l10n';
import { layerDiscarded, runGroups } from '../../../shell/packages';
import { hasNoCache, mayBringNoCache } from '../../../shell/apk';
import type { Rule } from '../../types';
import { groupApk, strayUpdates } from './_apk';
import { hasApkCacheMount } from './apk-add-without-no-cache';
import en from './apk-update-with-no-cache-add.md';
import zhCn from './apk-update-with-no-cache-add.zh-cn.md';

export const apkUpdateWithNoCacheAdd: Rule = {
  id: 'apk-update-with-no-cache-add',
  defaultSeverity: 'info',
  scope: 'instruction',
  related: {},
  description: 'apk update before apk add --no-cache',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'remove `apk update &&` (safe)',
  check(ctx) {
    const text = ctx.model.text;
    for (const group of runGroups(ctx)) {
      if (hasApkCacheMount(group.ins) || layerDiscarded(ctx, group)) continue;
      const entries = groupApk(ctx, group);
      if (!entries.some((e) => e.call.subcommand?.value === 'update')) continue;
      for (const { entry, removal } of strayUpdates(ctx, group, entries, (c) => hasNoCache(c) || mayBringNoCache(c, text))) {
        const c = entry.call;
        ctx.report({
          start: entry.script.toDoc(c.apkStart),
          end: entry.script.toDoc(c.subcommand!.end, true),
          message: t('apk update is redundant before apk add --no-cache, which fetches its own index: it only leaves an index in /var/cache/apk'),
          fixes: removal ? [{ title: t('Remove the redundant apk update'), edits: [removal], safety: 'safe' }] : [],
        });
      }
    }
  },
};
