/**
 * What the package-manager rules (apt, apk, pip, npm, gem, go, yarn) share: the scripts of one
 * RUN together, whether a stage's layers reach the final image, what the stage's ENV/ARG set,
 * `rm` targets, and the edit that appends a clean-up step to a plain `&&` list.
 * Everything reads the shell facts (`invocations`, `Command`), never the instruction text.
 */
import type { DockerfileModel, InstructionInfo, StageFacts } from '../model';
import type { FileReport, FileRuleContext, Report, RuleContext } from '../rules/types';
import type { OffsetEdit, Range } from '../text';
import type { Invocation } from './facts';
import { parseArgs } from './facts';
import type { Command, Word } from './parser';
import type { RunScript } from './script';

/** A RUN (or the RUN of an `ONBUILD RUN`) with every POSIX script it runs, in order. */
export interface RunGroup {
  ins: InstructionInfo;
  scripts: RunScript[];
  /** `ONBUILD RUN`: it runs in the build of another image, not in this one. */
  trigger: boolean;
  /** Its position among the chunk's groups. */
  index: number;
}

const groupCache = new WeakMap<readonly unknown[], RunGroup[]>();

/** The shell scripts grouped by instruction (a RUN can have several: heredoc bodies, `sh -c '…'`). */
export function runGroups(ctx: RuleContext): RunGroup[] {
  const list = ctx.shellScripts();
  let hit = groupCache.get(list);
  if (hit) return hit;
  const triggers = new Set<InstructionInfo>();
  for (const i of ctx.model.instructions) if (i.trigger) triggers.add(i.trigger);
  const byIns = new Map<InstructionInfo, RunGroup>();
  for (const { ins, script } of list) {
    let g = byIns.get(ins);
    if (!g) byIns.set(ins, (g = { ins, scripts: [], trigger: triggers.has(ins), index: byIns.size }));
    g.scripts.push(script);
  }
  hit = [...byIns.values()];
  groupCache.set(list, hit);
  return hit;
}

/**
 * Clean-up and cache rules are moot when the RUN's layer never reaches the final image (a
 * stage that is only copied from). An `ONBUILD RUN` runs in another build: it always counts.
 */
export function layerDiscarded(ctx: RuleContext, group: RunGroup): boolean {
  return !group.trigger && ctx.stageOf(group.ins)?.reachesFinal === false;
}

const indexCache = new WeakMap<DockerfileModel, Map<InstructionInfo, number>>();

/** The index of an instruction in the model (for a trigger: of its ONBUILD), -1 when absent; O(1) after the first call. */
export function indexOf(model: DockerfileModel, ins: InstructionInfo): number {
  let m = indexCache.get(model);
  if (!m) {
    m = new Map();
    model.instructions.forEach((i, k) => {
      m!.set(i, k);
      if (i.trigger) m!.set(i.trigger, k);
    });
    indexCache.set(model, m);
  }
  return m.get(ins) ?? -1;
}

/** The instructions of the stage of `ins` that come before it (for a trigger: before its ONBUILD). */
export function earlierInStage(model: DockerfileModel, ins: InstructionInfo): InstructionInfo[] {
  const list = model.instructions;
  const at = indexOf(model, ins);
  if (at < 0) return [];
  const out: InstructionInfo[] = [];
  for (let i = at - 1; i >= 0 && list[i].keyword !== 'FROM'; i--) out.push(list[i]);
  return out.reverse();
}

/** The instructions of the stage of `ins` after it. */
export function laterInStage(model: DockerfileModel, ins: InstructionInfo): InstructionInfo[] {
  const list = model.instructions;
  const at = indexOf(model, ins);
  if (at < 0) return [];
  const out: InstructionInfo[] = [];
  for (let i = at + 1; i < list.length && list[i].keyword !== 'FROM'; i++) out.push(list[i]);
  return out;
}

/** An `ENV` or `ARG` instruction that sets `name` (`ENV NAME=value`, `ENV NAME value`, `ARG NAME=…`). */
export function setsVariable(i: InstructionInfo, name: string, keywords: readonly string[] = ['ENV', 'ARG']): boolean {
  return keywords.includes(i.keyword)
    && i.args.some((a, k) => a.value.startsWith(`${name}=`) || (k === 0 && a.value === name && i.keyword === 'ENV'));
}

const varCache = new WeakMap<DockerfileModel, Map<string, number[]>>();

/** An `ENV` or `ARG` in the stage before `ins` sets `name` (indexed once per model: no scan per call). */
export function stageSetsVariable(model: DockerfileModel, ins: InstructionInfo, name: string, keywords: readonly string[] = ['ENV', 'ARG']): boolean {
  let byName = varCache.get(model);
  if (!byName) {
    byName = new Map();
    model.instructions.forEach((i, k) => {
      if (i.keyword !== 'ENV' && i.keyword !== 'ARG') return;
      i.args.forEach((a, n) => {
        const eq = a.value.indexOf('=');
        const key = eq > 0 ? a.value.slice(0, eq) : n === 0 && i.keyword === 'ENV' ? a.value : '';
        if (!key) return;
        let list = byName!.get(key);
        if (!list) byName!.set(key, (list = []));
        list.push(k);
      });
    });
    varCache.set(model, byName);
  }
  const at = indexOf(model, ins);
  const list = model.instructions;
  return (byName.get(name) ?? []).some((k) => k < at && keywords.includes(list[k].keyword) && list[k].stage === list[at].stage);
}

/** Every instruction of the stage of `ins` (for a trigger: of the stage of its ONBUILD). */
export function wholeStage(model: DockerfileModel, ins: InstructionInfo): InstructionInfo[] {
  const at = indexOf(model, ins);
  if (at < 0) return [];
  const own = model.instructions[at];
  return [...earlierInStage(model, own), own, ...laterInStage(model, own)];
}

/** `export NAME=…` (or `export NAME`) in the main shell of the script before `offset`. */
export function scriptExports(script: RunScript, name: string, offset: number): boolean {
  return script.analysis.exports.some((e) => e.name === name && e.start < offset);
}

/** The paths `rm` removes (options skipped; expansions as their raw text). */
export function rmTargets(inv: Invocation): string[] {
  if (inv.program !== 'rm') return [];
  return parseArgs(inv.args).positionals.map((w) => w.value ?? w.raw);
}

/**
 * Whether removing `target` (an `rm` operand, maybe a glob like `/var/lib/apt/lists/*`)
 * clears `dir`: the target is `dir`, `dir/*`, `dir/`, or a parent of `dir`.
 */
export function clears(target: string, dir: string): boolean {
  const t = target.replace(/^["']|["']$/g, '').replace(/\/\*$/, '').replace(/\/+$/, '');
  if (t === '' || t.includes('$')) return false;
  return t === dir || dir.startsWith(`${t}/`);
}

/** Some command of the group removes `dir` (`rm -rf dir/*`), at or after `after` in script order. */
export function groupRemoves(ctx: RuleContext, group: RunGroup, dirs: readonly string[], after?: { script: number; offset: number }): boolean {
  return group.scripts.some((script, si) => ctx.invocations(script).some((inv) => {
    if (after && (si < after.script || (si === after.script && inv.command.start < after.offset))) return false;
    return rmTargets(inv).some((t) => dirs.some((d) => clears(t, d)));
  }));
}

/**
 * The last command of a plain script: one `&&` list of simple commands (no `;`, `||`,
 * subshells, compound commands), where appending ` && next` after it runs `next` last and
 * only when everything before succeeded. Null otherwise (or when the script cannot be edited).
 */
export function plainListEnd(script: RunScript): Command | null {
  const a = script.analysis;
  if (script.readOnly || script.kind === 'heredoc-command' || a.skipped || a.hasError || !a.flat) return null;
  let last: Command | null = null;
  for (const c of a.commands) if (c.inMainShell && (!last || c.unitEnd > last.unitEnd)) last = c;
  if (!last || last.underListRedirect) return null;
  // A pipeline or redirected pipeline at the end: its last command is not main-shell.
  if (a.pipelines.some((p) => p.end > last!.unitEnd)) return null;
  if (a.commands.some((c) => c.unitEnd > last!.unitEnd)) return null;
  return last;
}

/** Appends ` && <text>` after the last command of a plain script (see `plainListEnd`). */
export function appendToPlainList(script: RunScript, text: string): OffsetEdit | null {
  const last = plainListEnd(script);
  if (!last) return null;
  const at = script.toDoc(last.unitEnd, true);
  return { start: at, end: at, newText: ` && ${text}` };
}

/** An expansion among the words whose variable name suggests it carries options (`$APT_OPTS`, `${PIP_FLAGS}`). */
export function mayHideOptions(words: readonly Word[]): boolean {
  return words.some((w) => {
    if (w.value !== null) return false;
    for (const m of w.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = m[1].toUpperCase();
      if (name.split('_').some((part) => OPTION_WORDS.has(part)) || /(?:OPTS|OPTIONS|FLAGS|ARGS)$/.test(name)) return true;
    }
    return false;
  });
}

const OPTION_WORDS = new Set(['OPT', 'OPTS', 'OPTION', 'OPTIONS', 'FLAG', 'FLAGS', 'ARG', 'ARGS', 'ARGUMENTS', 'EXTRA']);

/**
 * What an earlier stage passes on through `FROM <stage>` (`ENV PIP_NO_CACHE_DIR`, `ENV TZ`,
 * a written /etc/localtime) is in another chunk: a finding in a stage that starts from another
 * stage is held as a fact and decided in `checkFile`, which sees every stage's facts. The same
 * result whether the file is linted whole or in chunks.
 */
interface HeldFinding {
  kind: 'held';
  range: Range;
  /** The instruction's first line (a range, so that it is shifted with the chunk). */
  line: Range;
  message: string;
  fixes: NonNullable<FileReport['fixes']>;
  /** What an ancestor stage may set that settles the finding. */
  names: string[];
  /** When an ancestor sets one of `names`: report it anyway, without its fixes (instead of dropping it). */
  keepWithoutFixes?: boolean;
}

interface SetsFact {
  kind: 'sets';
  range: Range;
  names: string[];
}

/** The stage of `ins` starts from an earlier stage of the file (`FROM base`), not from an image. */
export function inheritsFromStage(ctx: RuleContext, ins: InstructionInfo): boolean {
  const v = ctx.stageOf(ins);
  return !!v && v.from !== v.inherited.image;
}

/**
 * Reports now, or, in a stage that starts from another stage, holds the finding for `releaseHeld`.
 * `keepWithoutFixes`: an ancestor setting one of `names` only makes the fixes uncertain, not the finding.
 */
export function reportOrHold(ctx: RuleContext, ins: InstructionInfo, report: Report, names: string[], keepWithoutFixes = false): void {
  if (!inheritsFromStage(ctx, ins)) {
    ctx.report(report);
    return;
  }
  const held: HeldFinding = {
    kind: 'held',
    range: ctx.range(report.start, report.end),
    line: ctx.range(ins.start, ins.start),
    message: report.message,
    fixes: (report.fixes ?? []).map((f) => ({ title: f.title, safety: f.safety, edits: f.edits.map((e) => ({ range: ctx.range(e.start, e.end), newText: e.newText })) })),
    names,
    ...(keepWithoutFixes ? { keepWithoutFixes } : {}),
  };
  ctx.fact(held);
}

/** Records that the stage of `ins` sets these names (for the stages built on it). */
export function recordSets(ctx: RuleContext, ins: InstructionInfo, names: string[]): void {
  const fact: SetsFact = { kind: 'sets', range: ctx.range(ins.start, ins.end), names };
  ctx.fact(fact);
}

/** `checkFile`: reports the held findings that no ancestor stage settles. */
export function releaseHeld(ctx: FileRuleContext): void {
  const stages = ctx.stages;
  const stageAt = (line: number): StageFacts | undefined => {
    let found: StageFacts | undefined;
    for (const st of stages) {
      if (st.line > line) break;
      found = st;
    }
    return found;
  };
  const parentOf = (st: StageFacts): StageFacts | undefined => {
    for (let i = st.index - 1; i >= 0; i--) if (stages[i].name !== null && stages[i].name === st.from) return stages[i];
    return undefined;
  };
  const sets = new Map<number, Set<string>>();
  for (const f of ctx.facts as (HeldFinding | SetsFact)[]) {
    if (f.kind !== 'sets') continue;
    const st = stageAt(f.range.start.line);
    if (!st) continue;
    let s = sets.get(st.index);
    if (!s) sets.set(st.index, (s = new Set()));
    for (const n of f.names) s.add(n);
  }
  for (const f of ctx.facts as (HeldFinding | SetsFact)[]) {
    if (f.kind !== 'held') continue;
    const st = stageAt(f.line.start.line);
    let settled = false;
    // Each parent is an earlier stage: the walk ends.
    for (let cur = st && parentOf(st); cur && !settled; cur = parentOf(cur)) settled = f.names.some((n) => sets.get(cur!.index)?.has(n));
    if (!settled) ctx.report({ range: f.range, message: f.message, instructionLine: f.line.start.line, fixes: f.fixes });
    else if (f.keepWithoutFixes) ctx.report({ range: f.range, message: f.message, instructionLine: f.line.start.line, fixes: [] });
  }
}
