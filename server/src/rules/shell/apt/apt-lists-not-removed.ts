/**
 * apt-lists-not-removed — `apt-get update` downloads the package lists to /var/lib/apt/lists
 * (tens of MB); unless the same RUN removes them they stay in the layer. Satisfied by a removal
 * after the last update in any form (`rm -rf /var/lib/apt/lists/*`, `rm -r /var/lib/apt/lists`,
 * `find /var/lib/apt/lists -delete`, `apt-get distclean`), by a cache or tmpfs mount on the
 * lists, and not reported in a stage whose layers never reach the final image.
 *
 * Fix: append ` && rm -rf /var/lib/apt/lists/*` to a plain `&&` list: safe in the last stage
 * when no later RUN of the stage uses the lists without its own update; unsafe in a stage other
 * stages build on (they may use the lists); not offered when a later RUN needs them.
 */
import { t } from '../../../l10n';
import { parseArgs } from '../../../shell/facts';
import { hasCacheOrTmpfsMount } from '../../../shell/mounts';
import { appendToPlainList, clears, groupRemoves, layerDiscarded, runGroups, type RunGroup } from '../../../shell/packages';
import type { Fix, Rule, RuleContext } from '../../types';
import { aptCalls, callRange, CHANGING_SUBCOMMANDS, type AptCall } from './_apt';
import en from './apt-lists-not-removed.md';
import zhCn from './apt-lists-not-removed.zh-cn.md';

const LISTS = '/var/lib/apt/lists';

/** `find /var/lib/apt/lists … -delete` or `apt-get distclean` after `offset` of script `si`. */
function otherCleanup(ctx: RuleContext, group: RunGroup, si: number, offset: number): boolean {
  return group.scripts.some((script, k) => k >= si && ctx.invocations(script).some((inv) => {
    if (k === si && inv.command.start < offset) return false;
    if ((inv.program === 'apt-get' || inv.program === 'apt') && inv.args.some((w) => w.value === 'distclean' || w.value === 'dist-clean')) return true;
    if (inv.program !== 'find' || !inv.args.some((w) => w.value === '-delete')) return false;
    const first = parseArgs(inv.args).positionals[0];
    return first?.value != null && clears(first.value, LISTS);
  }));
}

/** The RUN reads the lists before updating them (`apt-get install` alone, `apt-cache policy`). */
function readsListsFirst(ctx: RuleContext, group: RunGroup): boolean {
  let updated = false;
  for (const script of group.scripts) {
    const calls = new Map(aptCalls(ctx, script).map((c) => [c.inv, c]));
    for (const inv of ctx.invocations(script)) {
      if (inv.program === 'apt-cache' && !updated) return true;
      const sub = calls.get(inv)?.sub?.value;
      if (sub == null) continue;
      if (sub === 'update') updated = true;
      else if (!updated && (CHANGING_SUBCOMMANDS.has(sub) || sub === 'source' || sub === 'download')) return true;
    }
  }
  return false;
}

/** For each RUN: whether a later RUN of its stage reads the lists without updating them first (one pass, from the end). */
function laterRunsNeedLists(ctx: RuleContext, groups: readonly RunGroup[]): Set<RunGroup> {
  const out = new Set<RunGroup>();
  const needs = new Map<number, boolean>();
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g.trigger) continue;
    if (needs.get(g.ins.stage)) out.add(g);
    if (readsListsFirst(ctx, g)) needs.set(g.ins.stage, true);
  }
  return out;
}

export const aptListsNotRemoved: Rule = {
  id: 'apt-lists-not-removed',
  defaultSeverity: 'info',
  scope: 'instruction',
  related: { hadolint: 'DL3009' },
  description: 'apt-get update without removing /var/lib/apt/lists',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'append `&& rm -rf /var/lib/apt/lists/*` (safe in the last stage, else unsafe)',
  check(ctx) {
    const groups = runGroups(ctx);
    let needLists: Set<RunGroup> | undefined;
    for (const group of groups) {
      if (layerDiscarded(ctx, group) || hasCacheOrTmpfsMount(group.ins, LISTS)) continue;
      let last: { call: AptCall; si: number } | null = null;
      group.scripts.forEach((script, si) => {
        for (const call of aptCalls(ctx, script)) if (call.sub?.value === 'update') last = { call, si };
      });
      if (!last) continue;
      const { call, si } = last as { call: AptCall; si: number };
      const after = { script: si, offset: call.inv.command.end };
      if (groupRemoves(ctx, group, [LISTS], after) || otherCleanup(ctx, group, si, after.offset)) continue;
      const fixes: Fix[] = [];
      const edit = group.scripts.length === 1 ? appendToPlainList(call.script, 'rm -rf /var/lib/apt/lists/*') : null;
      if (edit && !(needLists ??= laterRunsNeedLists(ctx, groups)).has(group)) {
        const safe = !group.trigger && ctx.stageOf(group.ins)?.isLast === true;
        fixes.push({ title: t('Remove /var/lib/apt/lists/* at the end of the RUN'), edits: [edit], safety: safe ? 'safe' : 'unsafe' });
      }
      ctx.report({ ...callRange(call), message: t('Remove the package lists in the same RUN (&& rm -rf /var/lib/apt/lists/*): {0} update leaves them in the layer', call.tool), fixes });
    }
  },
};
