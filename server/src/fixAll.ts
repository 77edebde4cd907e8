/**
 * Fix-all: applies the safe fixes (or also the unsafe ones, when asked) until nothing
 * changes. Used by `source.fixAll.dockerfile-doctor` and by the CLI's `--fix`.
 */
import { Linter, type Finding, type FindingFix } from './lint';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import { LineIndex, applyOffsetEdits, type OffsetEdit } from './text';
import { yieldTurns } from './yieldTurns';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
}

export function toOffsetEdits(text: string, fix: FindingFix, lines = new LineIndex(text)): OffsetEdit[] {
  return fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
}

/**
 * The fix fix-all applies for a finding: its first safe one (or, with `unsafe`, its first unsafe
 * one). Suggestions are templates for the user to complete: never applied automatically.
 */
export function automaticFix(f: Finding, unsafe = false): FindingFix | undefined {
  return f.fixes.find((x) => x.safety === 'safe') ?? (unsafe ? f.fixes.find((x) => x.safety === 'unsafe') : undefined);
}

type FixAllOptions = { unsafe?: boolean; maxRounds?: number; linter?: Linter; ruleIds?: ReadonlySet<string> };

/**
 * One round: the fixes to apply to `text`, non-overlapping (the first of two that touch the
 * same range wins; a later round takes the other if it still applies). O(n log n) in the
 * number of fixes: the chosen ranges are kept sorted and each new one is checked against its
 * neighbours by binary search.
 */
function chooseFixes(text: string, findings: readonly Finding[], options: FixAllOptions): { edits: OffsetEdit[]; fixes: number } {
  const lines = new LineIndex(text);
  const taken: { start: number; end: number }[] = []; // sorted by start, non-overlapping
  const chosen: OffsetEdit[] = [];
  let fixes = 0;
  const seen = new Set<string>();
  const at = (pos: number): number => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Whether the range touches a taken one (an insertion clashes with a range at its place). */
  const clashes = (e: { start: number; end: number }): boolean => {
    const conflict = (t: { start: number; end: number }) => (e.start < t.end && t.start < e.end)
      || (e.start === e.end && e.start === t.start) || (t.start === t.end && t.start === e.start);
    const i = at(e.start);
    if (i > 0 && conflict(taken[i - 1])) return true;
    for (let k = i; k < taken.length && taken[k].start <= e.end; k++) if (conflict(taken[k])) return true;
    return false;
  };
  for (const f of findings) {
    if (options.ruleIds && !options.ruleIds.has(f.ruleId)) continue;
    const fix = automaticFix(f, options.unsafe);
    if (!fix) continue;
    const edits = toOffsetEdits(text, fix, lines);
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue; // the same merge is offered on every RUN of a group
    seen.add(key);
    if (edits.some(clashes)) continue;
    for (const e of edits) taken.splice(at(e.start), 0, { start: e.start, end: e.end });
    chosen.push(...edits);
    fixes++;
  }
  return { edits: chosen, fixes };
}

/**
 * `linter`: pass the document's own (warm) linter, so that round one costs nothing when the
 * text was just linted and later rounds re-check only the chunks the fixes changed. The rounds
 * run on a fork of it: the document's linter keeps its chunks, and gets the fixed text's too.
 */
export function fixAll(text: string, settings: Settings = DEFAULT_SETTINGS, options: FixAllOptions = {}): FixAllResult {
  const linter = options.linter?.fork() ?? new Linter();
  try {
    return fixRounds(text, settings, options, linter);
  } finally {
    options.linter?.adopt(linter);
  }
}

function fixRounds(text: string, settings: Settings, options: FixAllOptions, linter: Linter): FixAllResult {
  let applied = 0;
  for (let round = 0; round < (options.maxRounds ?? 10); round++) {
    const chosen = chooseFixes(text, linter.lint(text, settings), options);
    if (chosen.fixes === 0) break;
    const next = applyOffsetEdits(text, chosen.edits);
    applied += chosen.fixes;
    if (next === text) break;
    text = next;
  }
  return { text, applied };
}

/**
 * `fixAll` for the server: each round's lint runs in slices (other requests are answered in
 * between), and `cancelled` (the document changed) stops it with `undefined`.
 */
export async function fixAllAsync(text: string, settings: Settings, options: FixAllOptions & { cancelled?: () => boolean } = {}): Promise<FixAllResult | undefined> {
  const linter = options.linter?.fork() ?? new Linter();
  try {
    return await fixRoundsAsync(text, settings, options, linter);
  } finally {
    options.linter?.adopt(linter);
  }
}

async function fixRoundsAsync(text: string, settings: Settings, options: FixAllOptions & { cancelled?: () => boolean }, linter: Linter): Promise<FixAllResult | undefined> {
  const cancelled = options.cancelled ?? (() => false);
  let applied = 0;
  for (let round = 0; round < (options.maxRounds ?? 10); round++) {
    const findings = await linter.lintAsync(text, settings, cancelled);
    if (!findings || cancelled()) return undefined;
    await yieldTurns();
    const chosen = chooseFixes(text, findings, options);
    if (chosen.fixes === 0) break;
    const next = applyOffsetEdits(text, chosen.edits);
    applied += chosen.fixes;
    if (next === text) break;
    text = next;
    // Yield between rounds too: applying and choosing are linear, but not free on big files.
    await yieldTurns();
  }
  return { text, applied };
}

/** The smallest single edit that turns `a` into `b` (common prefix and suffix kept). */
export function minimalEdit(a: string, b: string): OffsetEdit | null {
  if (a === b) return null;
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { start, end: endA, newText: b.slice(start, endB) };
}
