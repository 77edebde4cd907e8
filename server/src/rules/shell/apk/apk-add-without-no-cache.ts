/**
 * apk-add-without-no-cache — `apk add` without `--no-cache` leaves the package index in
 * /var/cache/apk inside the layer. Found through the shell parse: in `&&`/`||`/`;` chains,
 * across continuations and in heredoc scripts, never in quotes or comments. Silent when the
 * RUN mounts a cache on /var/cache/apk (then keeping the cache is the point).
 *
 * Fixes: insert `--no-cache` after `add` (safe, preferred); and, where the script also runs
 * `apk update` or `rm -rf /var/cache/apk/*`, which `--no-cache` makes redundant, an optional
 * second fix that adds `--no-cache` everywhere in the script and removes those steps.
 */
import { t } from '../../../l10n';
import type { InstructionInfo } from '../../../model';
import { cacheCleanupTargets, hasNoCache, mayBringNoCache, readApk, type ApkCall } from '../../../shell/apk';
import { disjoint, insertAfter, removeCommand, removeWord } from '../../../shell/edits';
import type { RunScript } from '../../../shell/script';
import type { OffsetEdit } from '../../../text';
import type { Fix, Rule } from '../../types';
import en from './apk-add-without-no-cache.md';
import zhCn from './apk-add-without-no-cache.zh-cn.md';

/** `--mount=type=cache,target=/var/cache/apk` (or /etc/apk/cache, its usual symlink). */
export function hasApkCacheMount(ins: InstructionInfo): boolean {
  return ins.flags.some((f) => {
    if (f.name !== 'mount' || !f.value) return false;
    const opts = new Map(f.value.split(',').map((kv) => {
      const [k, ...v] = kv.split('=');
      return [k.trim().toLowerCase(), v.join('=').trim()] as [string, string];
    }));
    const target = (opts.get('target') ?? opts.get('dst') ?? opts.get('destination') ?? '').replace(/\/+$/, '');
    return opts.get('type') === 'cache' && (target === '/var/cache/apk' || target === '/etc/apk/cache');
  });
}

export interface ApkScriptFacts {
  calls: ApkCall[];
  adds: ApkCall[];
  /** Edits that remove `apk update` and `rm -rf /var/cache/apk/*` (null: cannot remove safely). */
  redundantSteps: { label: string; edit: OffsetEdit | null }[];
  /** Every apk call is add/del/update: once all adds use --no-cache, the steps are redundant. */
  onlyAddDelUpdate: boolean;
}

export function apkFacts(docText: string, script: RunScript): ApkScriptFacts {
  const calls: ApkCall[] = [];
  const redundantSteps: ApkScriptFacts['redundantSteps'] = [];
  for (const cmd of script.analysis.commands) {
    const call = readApk(cmd);
    if (call) {
      calls.push(call);
      if (call.subcommand?.value === 'update' && call.options.every((o) => o === '-q' || o === '--quiet')) {
        redundantSteps.push({ label: 'apk update', edit: removeCommand(docText, script, cmd) });
      }
      continue;
    }
    const targets = cacheCleanupTargets(cmd);
    if (targets.length === 0) continue;
    const others = cmd.args.filter((w) => !targets.includes(w) && !(w.value ?? '').startsWith('-'));
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
    for (const ins of model.instructions) {
      if (ins.keyword !== 'RUN' || hasApkCacheMount(ins)) continue;
      for (const script of ctx.scripts(ins)) {
        const facts = apkFacts(model.text, script);
        const missing = facts.adds.filter((c) => !hasNoCache(c) && c.subcommand && !mayBringNoCache(c, model.text));
        if (missing.length === 0) continue;
        const insertAll = missing.map((c) => insertAfter(script, c.subcommand!, ' --no-cache'));
        const removable = facts.onlyAddDelUpdate && facts.redundantSteps.length > 0
          && facts.redundantSteps.every((s) => s.edit !== null);
        const cleanupEdits = removable ? [...insertAll, ...facts.redundantSteps.map((s) => s.edit!)] : [];
        const labels = [...new Set(facts.redundantSteps.map((s) => s.label))].join(', ');
        for (const call of missing) {
          const sub = call.subcommand!;
          const fixes: Fix[] = [{
            title: t('Add --no-cache to apk add'),
            edits: [insertAfter(script, sub, ' --no-cache')],
            safety: 'safe',
          }];
          if (removable && disjoint(cleanupEdits)) {
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
