/**
 * Whole-file helpers for `checkFile`: which stage a fact belongs to (by its FROM line) and the
 * stages a stage inherits from through `FROM <earlier stage>`.
 */
import type { StageFacts } from '../../model';
import type { Range } from '../../text';

/** The stage whose FROM is on `line` or is the last one above it. */
export function stageAt(stages: readonly StageFacts[], line: number): StageFacts | undefined {
  let lo = 0;
  let hi = stages.length - 1;
  let found: StageFacts | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (stages[mid].line <= line) {
      found = stages[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const FIRST_BY_NAME = new WeakMap<readonly StageFacts[], Map<string, number>>();

/** The index of the first stage of each name (built once per file's stage list). */
export function firstByName(stages: readonly StageFacts[]): Map<string, number> {
  let m = FIRST_BY_NAME.get(stages);
  if (!m) {
    m = new Map();
    for (const s of stages) if (s.name !== null && !m.has(s.name)) m.set(s.name, s.index);
    FIRST_BY_NAME.set(stages, m);
  }
  return m;
}

/** The earlier stage a stage starts from (`FROM build`), if any. */
export function parentOf(stages: readonly StageFacts[], st: StageFacts): StageFacts | undefined {
  const i = firstByName(stages).get(st.from);
  return i !== undefined && i < st.index ? stages[i] : undefined;
}

/** The stage, then its parent, grandparent … (each parent is earlier: no cycle). */
export function lineage(stages: readonly StageFacts[], st: StageFacts): StageFacts[] {
  const out: StageFacts[] = [];
  for (let s: StageFacts | undefined = st; s; s = parentOf(stages, s)) out.push(s);
  return out;
}

/** The last stage of the file (the one `docker build` builds without `--target`). */
export function finalStage(stages: readonly StageFacts[]): StageFacts | undefined {
  return stages[stages.length - 1];
}

/** Facts keyed by the line of their stage's FROM (`at` is the FROM's range). */
export function byFromLine<T extends { at: Range }>(facts: readonly T[]): Map<number, T> {
  return new Map(facts.map((f) => [f.at.start.line, f]));
}

/**
 * Whether the working directory at the start of a stage is defined by this Dockerfile: an
 * earlier stage it starts from (`FROM <stage>`, followed up the chain) sets an absolute
 * WORKDIR (`setsWorkdir`, asked by FROM line), or its base is `scratch`, whose working directory
 * is always `/`.
 */
export function startWorkdirKnown(stages: readonly StageFacts[], st: StageFacts | undefined, setsWorkdir: (fromLine: number) => boolean): boolean {
  if (!st) return false;
  if (lineage(stages, st).slice(1).some((a) => setsWorkdir(a.line))) return true;
  return st.inherited.image === 'scratch';
}
