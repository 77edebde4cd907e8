/**
 * apk-add-without-no-cache — `apk add` without `--no-cache` leaves the package index in
 * /var/cache/apk inside the layer. Found through the shell parse: in `&&`/`||`/`;` chains,
 * across continuations, in heredoc scripts and `ONBUILD RUN`, never in quotes or comments. Silent
 * when the RUN mounts a cache or tmpfs on /var/cache/apk (nothing stored there stays in the layer).
 *
 * Fixes: insert `--no-cache` after `add` (safe, preferred); and, where the script also runs
 * `apk update` or `rm -rf /var/cache/apk/*`, which `--no-cache` makes redundant, an optional
 * second fix that adds `--no-cache` everywhere in the script and removes those steps.
 */
import { t } from '../../../l10n';
import type { InstructionInfo } from '../../../model';
import type { Invocation } from '../../../shell/facts';
import { hasCacheOrTmpfsMount } from '../../../shell/mounts';
import { cacheCleanupTargets, hasNoCache, mayBringNoCache, readApk, type ApkCall } from '../../../shell/apk';
import { disjoint, insertAfter, removeCommand, removeWord } from '../../../shell/edits';
import type { RunScript } from '../../../shell/script';
import type { OffsetEdit } from '../../../text';
import { runGroups } from '../../../shell/packages';
import type { Fix, Rule } from '../../types';
import { groupApk, strayUpdates } from './_apk';
import en from './apk-add-without-no-cache.md';
import zhCn from './apk-add-without-no-cache.zh-cn.md';

/** The apk cache directories (`/etc/apk/cache` is its usual symlink). */
export const APK_CACHE_DIRS = ['/var/cache/apk', '/etc/apk/cache'];

/** A cache or tmpfs mount on the apk cache: nothing apk stores there stays in the layer. */
export function hasApkCacheMount(ins: InstructionInfo): boolean {
  return hasCacheOrTmpfsMount(ins, ...APK_CACHE_DIRS);
}

export interface ApkScriptFacts {
  calls: ApkCall[];
  adds: ApkCall[];
  /** Edits that remove `apk update` and `rm -rf /var/cache/apk/*` (null: cannot remove safely). */
  redundantSteps: { label: string; edit: OffsetEdit | null }[];
  /** Every apk call is add/del/update: once all adds use --no-cache, the steps are redundant. */
  onlyAddDelUpdate: boolean;
}

export function apkFacts(docText: string, script: RunScript, invs: readonly Invocation[]): ApkScriptFacts {
  const calls: ApkCall[] = [];
  const redundantSteps: ApkScriptFacts['redundantSteps'] = [];
  for (const inv of invs) {
    const cmd = inv.command;
    const call = readApk(inv);
    if (call) {
      calls.push(call);
      if (call.subcommand?.value === 'update' && call.options.every((o) => o === '-q' || o === '--quiet')) {
        redundantSteps.push({ label: 'apk update', edit: removeCommand(docText, script, cmd) });
      }
      continue;
    }
    const targets = cacheCleanupTargets(inv);
    if (targets.length === 0) continue;
    const others = inv.args.filter((w) => !targets.includes(w) && !(w.value ?? '').startsWith('-'));
    if (others.length === 0) {
      redundantSteps.push({ label: 'rm -rf /var/cache/apk/*', edit: removeCommand(docText, script, cmd) });
    } else {
      for (const w of targets) redundantSteps.push({ label: w.raw, edit: removeWord(docText, script, cmd, w) });
    }
  }
  const adds = calls.filter((c) => c.subcommand?.value === 'add');
  const onlyAddDelUpdate = calls.every((c) => ['add', 'del', 'update'].includes(c.subcommand?.value ?? ''));
  return { calls, adds, redundantSteps, onlyAddDelUpdate };
}

export const apkAddWithoutNoCache: Rule = {
  id: 'apk-add-without-no-cache',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3019' },
  description: 'apk add without --no-cache',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`--no-cache` (safe); drop redundant `apk update` / cache cleanup (unsafe)',
  check(ctx) {
    const { model } = ctx;
    for (const group of runGroups(ctx)) {
      if (hasApkCacheMount(group.ins)) continue;
      const entries = groupApk(ctx, group);
      const lacks = (c: ApkCall) => c.subcommand?.value === 'add' && !hasNoCache(c) && !mayBringNoCache(c, model.text);
      if (!entries.some((e) => lacks(e.call))) continue;
      for (const script of group.scripts) {
        const facts = apkFacts(model.text, script, ctx.invocations(script));
        const missing = facts.adds.filter(lacks);
        if (missing.length === 0) continue;
        const insertAll = missing.map((c) => insertAfter(script, c.subcommand!, ' --no-cache'));
        const removable = facts.onlyAddDelUpdate && facts.redundantSteps.length > 0
          && facts.redundantSteps.every((s) => s.edit !== null);
        const cleanupEdits = removable ? [...insertAll, ...facts.redundantSteps.map((s) => s.edit!)] : [];
        const labels = [...new Set(facts.redundantSteps.map((s) => s.label))].join(', ');
        for (const call of missing) {
          const sub = call.subcommand!;
          const fixes: Fix[] = [];
          if (!script.readOnly) {
            // Once this add has --no-cache, an `apk update` before it may be left with nothing to
            // do but store an index (apk-update-with-no-cache-add): the fix removes it too, or is
            // not offered when it cannot.
            const strays = strayUpdates(ctx, group, entries, (c) => c.command === call.command || !lacks(c));
            const insert = insertAfter(script, sub, ' --no-cache');
            if (strays.length === 0) {
              fixes.push({ title: t('Add --no-cache to apk add'), edits: [insert], safety: 'safe' });
            } else if (strays.every((u) => u.removal !== null) && disjoint([insert, ...strays.map((u) => u.removal!)])) {
              fixes.push({ title: t('Add --no-cache to apk add and remove the apk update it makes redundant'), edits: [insert, ...strays.map((u) => u.removal!)], safety: 'safe' });
            }
          }
          if (!script.readOnly && removable && disjoint(cleanupEdits)) {
            fixes.push({
              title: t('Add --no-cache and remove what it makes redundant ({0})', labels),
              edits: cleanupEdits,
              safety: 'unsafe',
            });
          }
          const message = facts.onlyAddDelUpdate && facts.redundantSteps.length > 0
            ? t('Use apk add --no-cache: it keeps the package index out of the image (and makes {0} unnecessary)', labels)
            : t('Use apk add --no-cache: it keeps the package index out of the image');
          report(ctx, script, call, sub.end, message, fixes);
        }
      }
    }
  },
};

function report(ctx: Parameters<Rule['check']>[0], script: RunScript, call: ApkCall, end: number, message: string, fixes: Fix[]): void {
  ctx.report({ start: script.toDoc(call.apkStart), end: script.toDoc(end, true), message, fixes });
}
