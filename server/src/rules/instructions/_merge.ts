/**
 * Merging consecutive LABEL (or ENV) instructions into one: shared by consecutive-label,
 * consecutive-env and the "Merge with the next LABEL/ENV" refactoring.
 *
 * A run is instructions of one keyword, next to each other in one stage, with nothing but blank
 * lines between them (a comment between two breaks the run: merging would move it or drop it).
 * For ENV, an instruction whose text reads a variable (`$A`, `${A}`) that an earlier ENV of the
 * run sets starts a new run: inside one ENV, `$A` is the value from before that instruction, so
 * `ENV A=1` + `ENV B=$A` must stay two. Legacy `KEY value` forms are written as `KEY=value`
 * with legacy-key-value-format's quoting; where that cannot be proven the instruction is not
 * merged. The merged instruction keeps the first one's keyword as written, continues with the
 * file's escape character and line break, and indents the added lines like the instruction's
 * own continuation lines (else like the file's, else four spaces).
 */
import type { DockerfileModel, InstructionInfo } from '../../model';
import { applyOffsetEdits, trimBlankEnd, type OffsetEdit } from '../../text';
import { fixedValue } from '../style/legacy-key-value-format';

export type MergeKeyword = 'LABEL' | 'ENV';

/** The body of a LABEL/ENV as `key=value…` text, or null when it cannot be written so provably. */
function keyValueBody(model: DockerfileModel, ins: InstructionInfo): string | null {
  const { text, escape } = model;
  if (ins.bodyStart === null) return null;
  const body = text.slice(ins.bodyStart, ins.end);
  let k = 0;
  while (k < body.length && body[k] !== ' ' && body[k] !== '\t' && body[k] !== '\n' && body[k] !== '\r') k++;
  const key = body.slice(0, k);
  if (key === '') return null;
  // A body ending in the escape character continues into whatever comes next.
  if (trimBlankEnd(body).endsWith(escape)) return null;
  if (key.includes('=')) return trimBlankEnd(body);
  // `KEY value`: the legacy form; `KEY` alone (or `KEY \` + line break) is malformed.
  if (key.includes(escape) || key.includes('"') || key.includes("'")) return null;
  let v = k;
  while (v < body.length && (body[v] === ' ' || body[v] === '\t')) v++;
  const rest = trimBlankEnd(body.slice(v));
  if (rest === '' || (body[v] === escape && (body[v + 1] === '\n' || body[v + 1] === '\r'))) return null;
  const fixed = fixedValue(text, ins.bodyStart + k, ins.bodyStart + v + rest.length, escape);
  if (!fixed) return null;
  const local = fixed.edits.map((e) => ({ start: e.start - ins.bodyStart!, end: e.end - ins.bodyStart!, newText: e.newText }));
  return applyOffsetEdits(body.slice(0, v + rest.length), local);
}

/** The variable names an ENV sets (its keys). */
function envKeys(model: DockerfileModel, ins: InstructionInfo): string[] {
  const body = ins.bodyStart === null ? '' : model.text.slice(ins.bodyStart, ins.end);
  const first = /^[^\s=]*/.exec(body)?.[0] ?? '';
  if (!body.slice(first.length).startsWith('=')) return first ? [first] : [];
  return ins.args.map((a) => a.value.slice(0, Math.max(0, a.value.indexOf('=')))).filter(Boolean);
}

/** Whether `text` reads one of `names` (`$A`, `${A…}`): conservative, escapes not honoured. */
function readsAny(text: string, names: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (names.has(m[1])) return true;
  return false;
}

/** Only blank lines between two instructions. */
function adjacent(model: DockerfileModel, a: InstructionInfo, b: InstructionInfo): boolean {
  return a.stage === b.stage && /^[ \t\r\n]*$/.test(model.text.slice(a.end, b.start));
}

/**
 * The runs of mergeable instructions of `keyword` (two or more each), in file order. Every
 * instruction of a run has a `key=value` body (`bodies`, in the same order).
 */
export function mergeRuns(model: DockerfileModel, keyword: MergeKeyword): { run: InstructionInfo[]; bodies: string[] }[] {
  const out: { run: InstructionInfo[]; bodies: string[] }[] = [];
  const list = model.instructions;
  let run: InstructionInfo[] = [];
  let bodies: string[] = [];
  let names = new Set<string>();
  const close = () => {
    if (run.length > 1) out.push({ run, bodies });
    run = [];
    bodies = [];
    names = new Set();
  };
  for (let i = 0; i < list.length; i++) {
    const ins = list[i];
    const body = ins.keyword === keyword && ins.heredocs.length === 0 ? keyValueBody(model, ins) : null;
    if (body === null) {
      close();
      continue;
    }
    const prev = run[run.length - 1];
    if (prev && (!adjacent(model, prev, ins) || (keyword === 'ENV' && readsAny(model.text.slice(ins.bodyStart!, ins.end), names)))) close();
    run.push(ins);
    bodies.push(body);
    if (keyword === 'ENV') for (const n of envKeys(model, ins)) names.add(n);
  }
  close();
  return out;
}

/** The edit that writes a run as one instruction. */
export function mergeEdit(model: DockerfileModel, run: readonly InstructionInfo[], bodies: readonly string[]): OffsetEdit {
  const first = run[0];
  const { escape, eol } = model;
  // The indentation of the first instruction's own continuation lines, else the file's.
  let indent = model.continuationIndent;
  if (first.endLine > first.startLine) {
    const second = model.lines.lineText(first.startLine + 1);
    const m = /^[ \t]+/.exec(second);
    if (m) indent = m[0];
  }
  let out = bodies[0];
  for (let i = 1; i < run.length; i++) out += ` ${escape}${eol}${indent}${bodies[i]}`;
  return { start: first.bodyStart!, end: run[run.length - 1].end, newText: out };
}

/** "Merge with the next LABEL/ENV": the edit merging the instruction on `line` with the next one, or null. */
export function mergeNextAt(model: DockerfileModel, line: number): { keyword: MergeKeyword; edit: OffsetEdit } | null {
  const ins = model.instructions.find((i) => i.startLine <= line && line <= i.endLine);
  if (!ins || (ins.keyword !== 'LABEL' && ins.keyword !== 'ENV')) return null;
  const keyword = ins.keyword;
  for (const { run, bodies } of mergeRuns(model, keyword)) {
    const j = run.indexOf(ins);
    if (j < 0) continue;
    if (j === run.length - 1) return null;
    return { keyword, edit: mergeEdit(model, [run[j], run[j + 1]], [bodies[j], bodies[j + 1]]) };
  }
  return null;
}
