/**
 * Fix-all: applies the safe fixes (or also the unsafe ones, when asked) until nothing
 * changes. Used by `source.fixAll.dockerfile-doctor` and by the CLI's `--fix`.
 */
import { Linter, type Finding, type FindingFix } from './lint';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import { LineIndex, applyOffsetEdits, type OffsetEdit } from './text';

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

/**
 * `linter`: pass the document's own (warm) linter, so that round one costs nothing when the
 * text was just linted and later rounds re-check only the chunks the fixes changed.
 */
export function fixAll(
  text: string,
  settings: Settings = DEFAULT_SETTINGS,
  options: { unsafe?: boolean; maxRounds?: number; linter?: Linter; ruleIds?: ReadonlySet<string> } = {},
): FixAllResult {
  const linter = options.linter ?? new Linter();
  let applied = 0;
  for (let round = 0; round < (options.maxRounds ?? 10); round++) {
    const lines = new LineIndex(text);
    const chosen: OffsetEdit[][] = [];
    const seen = new Set<string>();
    for (const f of linter.lint(text, settings)) {
      if (options.ruleIds && !options.ruleIds.has(f.ruleId)) continue;
      const fix = automaticFix(f, options.unsafe);
      if (!fix) continue;
      const edits = toOffsetEdits(text, fix, lines);
      const key = JSON.stringify(edits);
      if (seen.has(key)) continue; // the same merge is offered on every RUN of a group
      seen.add(key);
      // Skip fixes that touch a range another fix of this round already changes.
      const overlaps = chosen.some((c) => c.some((a) => edits.some((b) => a.start < b.end && b.start < a.end
        || (a.start === a.end && a.start === b.start) || (b.start === b.end && b.start === a.start))));
      if (overlaps) continue;
      chosen.push(edits);
    }
    if (chosen.length === 0) break;
    const next = applyOffsetEdits(text, chosen.flat());
    applied += chosen.length;
    if (next === text) break;
    text = next;
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
