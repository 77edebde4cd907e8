/**
 * What the apk rules share: the apk calls of one RUN in order, and the `apk update` that an
 * `apk add --no-cache` makes redundant (its index is left in /var/cache/apk for nothing).
 */
import { cacheCleanupTargets, hasNoCache, readApk, type ApkCall } from '../../../shell/apk';
import { removeCommand } from '../../../shell/edits';
import type { RunGroup } from '../../../shell/packages';
import type { RunScript } from '../../../shell/script';
import type { OffsetEdit } from '../../../text';
import type { RuleContext } from '../../types';

export interface ApkEntry {
  script: RunScript;
  /** Index of the script in its group. */
  si: number;
  call: ApkCall;
}

/** Every apk call of a RUN, in script order. */
export function groupApk(ctx: RuleContext, group: RunGroup): ApkEntry[] {
  const out: ApkEntry[] = [];
  group.scripts.forEach((script, si) => {
    for (const inv of ctx.invocations(script)) {
      const call = readApk(inv);
      if (call) out.push({ script, si, call });
    }
  });
  return out;
}

/** apk subcommands that read the package index, fetching it into the cache when it is missing or old. */
const READS_INDEX = new Set(['add', 'upgrade', 'fix', 'search', 'info', 'list', 'policy', 'dot', 'fetch', 'version', 'index', 'cache']);

const after = (a: ApkEntry, si: number, offset: number) => a.si > si || (a.si === si && a.call.command.start >= offset);

/** An `rm` of /var/cache/apk after a point of the RUN. */
function cacheRemovedAfter(ctx: RuleContext, group: RunGroup, si: number, offset: number): boolean {
  return group.scripts.some((script, k) => k >= si && ctx.invocations(script).some((inv) => (k > si || inv.command.start >= offset) && cacheCleanupTargets(inv).length > 0));
}

export interface StrayUpdate {
  entry: ApkEntry;
  /** Removes `apk update &&` from a plain `&&` list; null when it cannot be removed safely. */
  removal: OffsetEdit | null;
}

/**
 * `apk update` calls made redundant by `--no-cache`: every apk call after it that reads the
 * index uses `--no-cache` (it fetches its own index and stores none) and at least one does
 * (`noCache` says which do, so a caller can ask "after my fix"), and nothing removes the cache
 * afterwards. An update with `--no-cache` itself stores nothing and is not counted.
 */
export function strayUpdates(ctx: RuleContext, group: RunGroup, entries: readonly ApkEntry[], noCache: (c: ApkCall) => boolean): StrayUpdate[] {
  const out: StrayUpdate[] = [];
  for (const e of entries) {
    const c = e.call;
    if (c.subcommand?.value !== 'update' || hasNoCache(c)) continue;
    const end = c.command.end;
    const readers = entries.filter((x) => x !== e && after(x, e.si, end) && READS_INDEX.has(x.call.subcommand?.value ?? ''));
    if (readers.length === 0 || !readers.every((x) => noCache(x.call))) continue;
    if (!readers.some((x) => ['add', 'upgrade', 'fix'].includes(x.call.subcommand!.value!))) continue;
    if (cacheRemovedAfter(ctx, group, e.si, end)) continue;
    const plainOptions = c.options.every((o) => o === '-q' || o === '--quiet' || o === '-v' || o === '--verbose');
    const removal = !e.script.readOnly && plainOptions && c.dynamicArgs.length === 0 && c.operands.length === 0
      ? removeCommand(ctx.model.text, e.script, c.command) : null;
    out.push({ entry: e, removal });
  }
  return out;
}
