/** `COPY --from` references, recorded per chunk for the whole-file checks. */
import type { StageFacts } from '../../model';
import type { Range } from '../../text';
import { firstByName } from './_stages';
import type { RuleContext } from '../types';
import { unquoteSource } from '../instructions/add-instead-of-copy';

export interface CopyFromFact {
  /** The `--from=…` flag. */
  range: Range;
  /** Its value, unquoted. */
  value: string;
  /** The instruction's first line (where an ignore comment goes). */
  ins: Range;
}

export function recordCopyFrom(ctx: RuleContext): void {
  for (const outer of ctx.model.instructions) {
    // `ONBUILD COPY --from` runs in another build: its stages are not this file's.
    if (outer.keyword !== 'COPY') continue;
    for (const f of outer.flags) {
      if (f.name !== 'from' || f.value === null) continue;
      ctx.fact({ range: ctx.range(f.start, f.end), ins: ctx.range(outer.start, outer.start), value: unquoteSource(f.value, ctx.model.escape).value } satisfies CopyFromFact);
    }
  }
}

/** What a `--from` value names. */
export type FromTarget = { kind: 'stage'; index: number } | { kind: 'image' } | { kind: 'unknown' } | { kind: 'index-out-of-range' } | { kind: 'name-not-found' };

export function resolveFrom(value: string, stages: readonly StageFacts[]): FromTarget {
  const v = value.trim().toLowerCase();
  if (v === '' || v.includes('$')) return { kind: 'unknown' };
  // `nginx:1.27`, `ghcr.io/x/y`, `alpine@sha256:…`: an image reference.
  if (/[:/@]/.test(v)) return { kind: 'image' };
  if (/^[0-9]+$/.test(v)) {
    const n = Number(v);
    return n < stages.length ? { kind: 'stage', index: n } : { kind: 'index-out-of-range' };
  }
  const i = firstByName(stages).get(v);
  return i !== undefined ? { kind: 'stage', index: i } : { kind: 'name-not-found' };
}

/** The stage name closest to `value` (edit distance ≤ 2), for "did you mean". */
export function closestName(value: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    if (Math.abs(n.length - value.length) >= bestD || n.length > 64 || value.length > 64) continue;
    const d = distance(value, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
