/**
 * The engine: parse once → run the enabled rules → apply suppressions → findings.
 *
 * Speed: the file is cut into chunks at `FROM` lines (where no continuation or heredoc can
 * cross), each chunk is parsed by dockerfile-ast and checked by the rules once, and the
 * result is kept with the chunk's place and text (ChunkCache). While the user types, only the
 * chunk that changed is parsed again; its shell scripts' analyses travel with its result.
 */
import { DockerfileModel, fileStyle, sameStageLines, type FileStyle, type InstructionInfo, type StageFacts } from './model';
import { RULES, RULES_BY_ID } from './rules';
import { UNUSED_IGNORE } from './rules/config/unused-ignore';
import { topDirectives } from './rules/syntax/_directives';
import { unusedIgnores } from './unusedIgnores';
import type { FileReport, FixSafety, LintContext, RelatedCodes, Report, Rule, RuleContext, Severity, ShellScript, StageView } from './rules/types';
import { invocations } from './shell/facts';
import { initShellParser, withScriptScope, type ScriptAnalysis } from './shell/parser';
import { runScripts, type RunScript } from './shell/script';
import { isPosixShell } from './shell/shells';
import { LineIndex, trimBlankEnd, type Position, type Range } from './text';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { parseCheckDirective, parsePragma, scanPragmas, type IgnorePragma } from './suppressions';
import { yieldTurns } from './yieldTurns';

export interface FindingEdit {
  range: Range;
  newText: string;
}

export interface FindingFix {
  title: string;
  safety: FixSafety;
  edits: FindingEdit[];
}

export interface Finding {
  ruleId: string;
  /** First line of the instruction the finding is in (where an ignore comment goes). */
  instructionLine: number;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedCodes;
  fixes: FindingFix[];
}

/** Loads the shell parser (WebAssembly). Call once before `lint`. */
export function initEngine(): Promise<void> {
  return initShellParser();
}

interface ChunkFinding {
  ruleId: string;
  instructionLine: number;
  message: string;
  range: Range;
  fixes: FindingFix[];
}

/** One code of a suppression comment: where it is (chunk lines until shifted). */
interface IgnoreRef {
  code: string;
  line: number;
  start: number;
}

/** A suppression comment of the chunk, for the unused-ignore report. */
interface PragmaAt {
  line: number;
  pragma: IgnorePragma;
}

interface ChunkResult {
  /** What the result depends on besides the chunk's text (escape prefix, style, stage views): checked on every cache hit. */
  meta?: string;
  /**
   * The facts and findings moved to file lines, for the line the chunk was last at: while the
   * user types inside a line nothing moves, so a keystroke re-shifts nothing.
   */
  placed?: { line: number; facts: Map<string, unknown[]>; findings: Map<ChunkFinding, Finding> };
  findings: ChunkFinding[];
  /** Findings an inline or stage ignore comment suppressed, and by which code (for `disable-ignore-pragma` and unused ignores). */
  suppressed: { f: ChunkFinding; by: IgnoreRef }[];
  /** Facts the rules recorded for their file-level check, by rule id (ranges in chunk lines). */
  facts: Map<string, unknown[]>;
  /** Instruction start line → the codes of its ignore comments, stage ones included (for file-level findings). */
  ignores: Map<number, IgnoreRef[]>;
  /** Rule ids or related codes ignored for the whole file by comments in this chunk. */
  globalIgnores: IgnoreRef[];
  /** Every `ignore=` comment of the chunk. */
  pragmas: PragmaAt[];
  /** `# check=skip=…` directive values (first chunk only). */
  checkSkips: string[];
  /** `# check=…;error=true` (first chunk only): warnings fail the CLI run. */
  checkError?: boolean;
  /** `# check=…;experimental=A,B|all` (first chunk only). */
  checkExperimental?: string[];
  /** The chunk ends inside heredocs (their delimiters): it must be joined with what follows. */
  openHeredoc?: string[];
  /** Why the chunk could not be checked, when it could not. */
  error?: string;
  /** What the next version of the chunk (a keystroke in one instruction) starts from: see `Rule.scope`. */
  previous?: PreviousChunk;
  /** Parts left unchecked on purpose (a shell script the parser cannot read), at chunk lines. */
  notes?: { line: number; message: string }[];
}

/** A checked chunk as the check of its next version needs it. */
interface PreviousChunk {
  /** The text checked (escape prefix included). */
  text: string;
  lineCount: number;
  /** Per instruction: its first line and where that line starts, where its text ends (its heredoc bodies included), its keyword. */
  extents: { line: number; lineStart: number; end: number; keyword: string }[];
  /** Every finding of the chunk, before ignore comments, in rule order. */
  all: ChunkFinding[];
  /** The shell analyses the check used, by script text (the next check looks here first). */
  scripts?: ReadonlyMap<string, ScriptAnalysis>;
}

/**
 * The one instruction a keystroke changed, when a chunk's new text differs from its previous
 * version inside one instruction that is neither FROM, SHELL nor ONBUILD (which change what
 * the others are read with), with no pragma in the change: its index, the first line after it
 * in the old text, and how many lines the text gained. undefined when it is anything else.
 */
function changedInstruction(prev: PreviousChunk, text: string, model: DockerfileModel): { k: number; oldAfter: number; lineDelta: number } | undefined {
  const old = prev.text;
  const list = model.instructions;
  if (list.length !== prev.extents.length || list.length === 0) return undefined;
  if (old === text) return undefined;
  const { prefix: p, suffix: q } = commonEnds(old, text);
  const changedOld = old.slice(p, old.length - q);
  const changedNew = text.slice(p, text.length - q);
  if (/hadolint|dockerfile-doctor|\bescape\b|\bcheck\b/i.test(changedOld + changedNew)) return undefined;
  // The instruction whose extent holds the change's start (in both texts: the same up to p).
  let k = -1;
  for (let lo = 0, hi = list.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (prev.extents[mid].lineStart <= p) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (k < 0) return undefined;
  const o = prev.extents[k];
  const n = list[k];
  const blocked = (kw: string) => kw === 'FROM' || kw === 'SHELL' || kw === 'ONBUILD';
  if (blocked(o.keyword) || blocked(n.keyword) || model.lines.starts[n.startLine] !== o.lineStart) return undefined;
  // Inside the instruction's own text (its heredoc bodies included; not the comments after it,
  // which may be pragmas), in both texts.
  if (old.length - q > o.end || text.length - q > instructionEnd(n)) return undefined;
  // The instructions after it moved by the same amount.
  const shift = text.length - old.length;
  if (k + 1 < list.length && model.lines.starts[list[k + 1].startLine] !== prev.extents[k + 1].lineStart + shift) return undefined;
  const oldAfter = k + 1 < list.length ? prev.extents[k + 1].line : prev.lineCount;
  return { k, oldAfter, lineDelta: model.lines.lineCount - prev.lineCount };
}

/** Where an instruction's text ends: its last line, or the end of its last heredoc body. */
function instructionEnd(ins: InstructionInfo): number {
  let end = ins.end;
  for (const h of ins.heredocs) end = Math.max(end, h.contentEnd);
  return end;
}

const DIRECTIVE = /^[ \t]*#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*)$/;
const COMMENT_LINE = /^\uFEFF?[ \t]*#/;

/** The escape character from the parser directives at the top of the file. */
export function escapeOf(lines: LineIndex): string {
  for (let i = 0; i < lines.lineCount && i < 50; i++) {
    const m = DIRECTIVE.exec(i === 0 ? lines.lineText(0).replace(/^\uFEFF/, '') : lines.lineText(i));
    if (!m) break;
    const value = trimBlankEnd(m[2]);
    if (m[1].toLowerCase() === 'escape' && (value === '`' || value === '\\')) return value;
  }
  return '\\';
}

/**
 * Line numbers where chunks may start (always 0 first): the file's `FROM` lines (found once, by
 * fileStages), with the comments right above them, whose previous content line does not
 * continue onto them. A heredoc still open at the end of a chunk is found after parsing, and
 * the chunk is then joined up to its delimiter.
 */
export function chunkStarts(lines: LineIndex, escape: string, fromLines: readonly number[]): number[] {
  const starts = [0];
  let seenFrom = false;
  let prevStart = 0;
  for (const line of fromLines) {
    if (!seenFrom) {
      seenFrom = true;
      continue;
    }
    // Comments right above a FROM belong to it (e.g. `# hadolint ignore=…`).
    let b = line;
    while (b - 1 > prevStart && COMMENT_LINE.test(lines.lineText(b - 1))) b--;
    // The last line that carries content must not continue onto the next one.
    let p = b - 1;
    while (p > prevStart && (lines.lineText(p).trim() === '' || COMMENT_LINE.test(lines.lineText(p)))) p--;
    if (trimBlankEnd(lines.lineText(p)).endsWith(escape)) continue;
    starts.push(b);
    prevStart = b;
  }
  return starts;
}

function matchOf(list: readonly IgnoreRef[], rule: Rule): IgnoreRef | undefined {
  const h = rule.related.hadolint?.toLowerCase();
  const b = rule.related.buildkit?.toLowerCase();
  return list.find((x) => {
    if (x.code === rule.id) return true;
    const c = x.code.toLowerCase();
    return c === h || c === b;
  });
}

function refsOf(pragma: IgnorePragma, line: number): IgnoreRef[] {
  return pragma.entries.map((e) => ({ code: e.code, line, start: e.start }));
}

/**
 * dockerfile-ast needs about a second per megabyte on one line; a chunk with a line longer
 * than this is not checked at all (nothing is better than a stalled editor).
 */
export const MAX_LINE_LENGTH = 64 * 1024;

function longestLine(text: string): number {
  let max = 0;
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (nl - at > max) max = nl - at;
    at = nl + 1;
  }
  return max;
}

/** No SHELL since the stage's FROM (the stage's inherited shell applies). */
const NO_SHELL = Symbol('no SHELL');

function checkChunk(text: string, rules: readonly Rule[], style: FileStyle, stages: readonly StageView[], stageLines: readonly number[] = [], previous?: PreviousChunk, scriptsBefore?: ReadonlyMap<string, ScriptAnalysis>): ChunkResult {
  // The shell analyses this check uses go with its result: the next version of the chunk finds
  // its unchanged scripts there, whatever the shared cache has dropped since (an analysis depends
  // on its script only: they serve a check under other settings too).
  const { value, used } = withScriptScope(scriptsBefore, () => checkChunkText(text, rules, style, stages, stageLines, previous));
  if (value.previous) value.previous.scripts = used;
  return value;
}

function checkChunkText(text: string, rules: readonly Rule[], style: FileStyle, stages: readonly StageView[], stageLines: readonly number[], previous: PreviousChunk | undefined): ChunkResult {
  const empty = (error: string, globalIgnores: IgnoreRef[] = []): ChunkResult => ({ findings: [], suppressed: [], facts: new Map(), ignores: new Map(), globalIgnores, pragmas: [], checkSkips: [], error });
  if (text.length > MAX_LINE_LENGTH && longestLine(text) > MAX_LINE_LENGTH) {
    // Unchecked, but its file-wide ignore comments still apply to the other chunks.
    return empty(`a line is longer than ${MAX_LINE_LENGTH} characters: not checked`, globalIgnoresIn(text));
  }
  let model: DockerfileModel;
  try {
    model = new DockerfileModel(text);
  } catch (first) {
    // dockerfile-ast throws on a few inputs (a continuation ended by a lone CR …). A lone CR
    // is a line break for LSP too, so turning it into LF keeps every position.
    try {
      model = new DockerfileModel(text.replace(/\r(?!\n)/g, '\n'));
    } catch {
      return empty(String((first as Error)?.message ?? first));
    }
  }
  model.style = style;
  let reported: ChunkFinding[] = [];
  const facts = new Map<string, unknown[]>();
  const scriptCache = new Map<InstructionInfo, RunScript[]>();
  let indexOf: Map<InstructionInfo, number> | undefined;
  let shellBefore: (string[] | undefined | typeof NO_SHELL)[] | undefined;
  let shellScriptList: ShellScript[] | undefined;
  let notes: { line: number; message: string }[] | undefined;
  let current: Rule = rules[0];
  // Pragma comments outside instructions: ignore comments (for unused ones) and `# hadolint shell=`.
  const { pragmaLines, shellIsNotPosix: pragmaShellIsNotPosix } = scanPragmas(model.lines, model.instructions, (l) => instructionAt(model.instructions, l));
  // The views follow the FROM lines of the text, a FROM line inside a heredoc included (see
  // fileStages); an instruction's stage is counted over FROM instructions. Map one onto the other
  // by the line of the stage's FROM, so that such a heredoc does not shift the later stages.
  let viewOfStage: (StageView | undefined)[] | undefined;
  const stageOf = (ins: InstructionInfo): StageView | undefined => {
    if (ins.stage < 0) return undefined;
    if (!viewOfStage) {
      viewOfStage = [];
      const froms = model.instructions.filter((i) => i.keyword === 'FROM');
      let k = 0;
      for (const f of froms) {
        while (k < stageLines.length && stageLines[k] < f.startLine) k++;
        viewOfStage.push(stageLines[k] === f.startLine ? stages[k] : undefined);
      }
      if (stageLines.length !== stages.length) viewOfStage = stages.slice();
    }
    return viewOfStage[ins.stage] ?? stages[ins.stage];
  };
  const ctx: RuleContext = {
    model,
    report(r: Report) {
      const range = model.range(r.start, r.end);
      reported.push({
        ruleId: current.id,
        instructionLine: instructionAt(model.instructions, range.start.line)?.startLine ?? range.start.line,
        message: r.message,
        range,
        fixes: (r.fixes ?? []).map((f) => ({
          title: f.title,
          safety: f.safety,
          edits: f.edits.map((e) => ({ range: model.range(e.start, e.end), newText: e.newText })),
        })),
      });
    },
    scripts(ins) {
      let s = scriptCache.get(ins);
      if (!s) {
        // `# hadolint shell=pwsh` says the stage's RUNs are not POSIX shell: no scripts to read.
        s = pragmaShellIsNotPosix(ins) ? [] : runScripts(model, ins);
        scriptCache.set(ins, s);
      }
      return s;
    },
    shellScripts() {
      if (!shellScriptList) {
        shellScriptList = [];
        for (const ins of model.instructions) {
          const run = ins.keyword === 'RUN' ? ins : ins.keyword === 'ONBUILD' && ins.trigger?.keyword === 'RUN' ? ins.trigger : undefined;
          if (!run || !isPosixShell(ctx.shellOf(ins), stageOf(ins)?.inherited.image ?? '')) continue;
          for (const script of ctx.scripts(run)) {
            // A script the shell parser cannot read (a syntax error, or too long to parse) gets
            // no shell findings: a finding read from a misparsed script would be a guess.
            if (script.analysis.hasError || script.analysis.skipped) {
              (notes ??= []).push({
                line: model.range(script.toDoc(0), script.toDoc(0)).start.line,
                message: script.analysis.skipped ? 'the shell script is too long to parse: its shell checks are not checked' : 'the shell script has a syntax error the parser cannot read past: its shell checks are not checked',
              });
              continue;
            }
            shellScriptList.push({ ins: run, script });
          }
        }
      }
      return shellScriptList;
    },
    invocations(script) {
      return script.analysis.skipped || script.analysis.hasError ? [] : invocations(script.analysis);
    },
    shellOf(ins) {
      indexOf ??= new Map(model.instructions.map((x, i) => [x, i]));
      const at = indexOf.get(ins);
      if (at !== undefined) {
        // The SHELL of this stage before each instruction, in one forward pass (a stage of
        // thousands of RUNs must not scan back from every one of them).
        if (!shellBefore) {
          shellBefore = [];
          let current: string[] | undefined | typeof NO_SHELL = NO_SHELL;
          for (const x of model.instructions) {
            shellBefore.push(current);
            if (x.keyword === 'FROM') current = NO_SHELL;
            else if (x.keyword === 'SHELL') current = Array.isArray(x.json) ? x.json : undefined;
          }
        }
        const own = shellBefore[at];
        if (own !== NO_SHELL) return own;
        return stageOf(ins)?.inherited.shell ?? null;
      }
      for (let i = model.instructions.length - 1; i >= 0; i--) {
        const prev = model.instructions[i];
        if (prev.keyword === 'SHELL') return Array.isArray(prev.json) ? prev.json : undefined;
        if (prev.keyword === 'FROM') break;
      }
      return stageOf(ins)?.inherited.shell ?? null;
    },
    stageOf,
    fact(data) {
      let list = facts.get(current.id);
      if (!list) facts.set(current.id, (list = []));
      list.push(data);
    },
    range(start, end) {
      return model.range(start, end);
    },
  };
  let error: string | undefined;
  const run = (rule: Rule, on: RuleContext): ChunkFinding[] => {
    current = rule;
    reported = [];
    try {
      rule.check(on);
    } catch (e) {
      error = `${rule.id}: ${(e as Error)?.stack ?? e}`;
    }
    return reported;
  };
  // A keystroke inside one instruction: the instruction-scoped rules run on that instruction
  // only, and their findings on the others come from the chunk's previous version (moved down
  // or up when the instruction gained or lost lines). Everything else runs on the whole chunk.
  const change = previous ? changedInstruction(previous, text, model) : undefined;
  let reuse: Map<string, { before: ChunkFinding[]; after: ChunkFinding[] }> | undefined;
  if (change) {
    const list = model.instructions;
    const firstLine = list[change.k].startLine;
    reuse = new Map();
    for (const f of previous!.all) {
      if (RULES_BY_ID.get(f.ruleId)?.scope !== 'instruction') continue;
      const lines = [f.range.start.line, f.range.end.line, f.instructionLine];
      for (const fx of f.fixes) for (const e of fx.edits) lines.push(e.range.start.line, e.range.end.line);
      const before = lines.every((l) => l < firstLine);
      const after = lines.every((l) => l >= change.oldAfter);
      const inside = lines.every((l) => l >= firstLine && l < change.oldAfter);
      if (!before && !after && !inside) {
        reuse = undefined;
        break;
      }
      if (inside) continue;
      let r = reuse.get(f.ruleId);
      if (!r) reuse.set(f.ruleId, (r = { before: [], after: [] }));
      if (before) r.before.push(f);
      else r.after.push(change.lineDelta === 0 ? f : shiftFinding(f, change.lineDelta));
    }
  }
  let scopedCtx: RuleContext | undefined;
  if (change && reuse) {
    const only = model.instructions[change.k];
    const part = DockerfileModel.view(model, [only]);
    let scripts: readonly ShellScript[] | undefined;
    scopedCtx = { ...ctx, model: part, shellScripts: () => (scripts ??= ctx.shellScripts().filter((x) => x.ins === only || x.ins === only.trigger)) };
  }
  const findings: ChunkFinding[] = [];
  for (const rule of rules) {
    if (scopedCtx && rule.scope === 'instruction') {
      const r = reuse!.get(rule.id);
      const fresh = run(rule, scopedCtx);
      const k = model.instructions[change!.k];
      for (const f of fresh) {
        // A scoped rule reports inside the instruction it was given; anything else means it is not scoped.
        if (f.range.start.line < k.startLine || (change!.k + 1 < model.instructions.length && f.range.start.line >= model.instructions[change!.k + 1].startLine)) {
          error ??= `${rule.id}: reported outside the instruction it was given (it is not instruction-scoped)`;
        }
      }
      if (r) for (const f of r.before) findings.push(f);
      for (const f of fresh) findings.push(f);
      if (r) for (const f of r.after) findings.push(f);
    } else {
      for (const f of run(rule, ctx)) findings.push(f);
    }
  }
  // Suppressions: `# hadolint ignore=DL3020` / `# dockerfile-doctor ignore=…` right above, and
  // `# hadolint stage ignore=…` above the stage's FROM (see suppressions.ts for every form).
  // Scanned in the text: dockerfile-ast mistakes such a comment at the top for a directive.
  const globalIgnores = globalIgnoresIn(text);
  // Read from the text as BuildKit does: dockerfile-ast cuts a directive's value at the first
  // blank (`# check=skip=A, B` would lose B).
  const check = parseCheckDirective(topDirectives(model).filter((d) => d.name === 'check').map((d) => d.value).join(';'));
  const pragmas: PragmaAt[] = pragmaLines;
  const ignores = new Map<number, IgnoreRef[]>();
  let stageRefs: IgnoreRef[] = [];
  for (const ins of model.instructions) {
    const own: IgnoreRef[] = [];
    const stage: IgnoreRef[] = [];
    // The comment lines right above the instruction (not inside an earlier one).
    for (let l = ins.startLine - 1; l >= 0; l--) {
      const lt = model.lines.lineText(l);
      if (!COMMENT_LINE.test(lt) || instructionAt(model.instructions, l)) break;
      const p = parsePragma(lt);
      if (p?.kind !== 'ignore' || p.scope === 'global') continue;
      if (p.scope === 'next') own.push(...refsOf(p, l));
      else if (ins.keyword === 'FROM') stage.push(...refsOf(p, l));
    }
    if (ins.keyword === 'FROM') stageRefs = stage;
    const list = [...own, ...stageRefs];
    if (list.length > 0) ignores.set(ins.startLine, list);
  }
  const kept: ChunkFinding[] = [];
  const suppressed: { f: ChunkFinding; by: IgnoreRef }[] = [];
  for (const f of findings) {
    const ins = instructionAt(model.instructions, f.range.start.line);
    const by = ins ? matchOf(ignores.get(ins.startLine) ?? [], RULES_BY_ID.get(f.ruleId)!) : undefined;
    if (by) suppressed.push({ f, by });
    else kept.push(f);
  }
  const last = model.instructions[model.instructions.length - 1];
  const open = last ? last.heredocs.filter((h) => !h.terminated).map((h) => h.name) : [];
  const openHeredoc = open.length > 0 ? open : undefined;
  const previousForNext: PreviousChunk = {
    text,
    lineCount: model.lines.lineCount,
    extents: model.instructions.map((x) => ({ line: x.startLine, lineStart: model.lines.starts[x.startLine], end: instructionEnd(x), keyword: x.keyword })),
    all: findings,
  };
  return {
    previous: previousForNext, findings: kept, suppressed, facts, ignores, globalIgnores, pragmas, checkSkips: check.skip,
    checkError: check.error, checkExperimental: check.experimental, error, openHeredoc, notes,
  };
}

/** The first line from `from` on that ends heredoc `name` (`<<-` allows leading tabs), or -1. */
function delimiterLine(lines: LineIndex, from: number, name: string): number {
  for (let l = from; l < lines.lineCount; l++) {
    const text = lines.lineText(l);
    if (text === name || (text.charCodeAt(0) === 9 && text.replace(/^\t+/, '') === name)) return l;
  }
  return -1;
}

/** `# hadolint global ignore=…` / `# dockerfile-doctor global ignore=…`, read from the text. */
function globalIgnoresIn(text: string): IgnoreRef[] {
  const out: IgnoreRef[] = [];
  if (!/global/i.test(text)) return out;
  const lines = new LineIndex(text);
  for (let l = 0; l < lines.lineCount; l++) {
    const lt = lines.lineText(l);
    if (!COMMENT_LINE.test(lt) || !/global/i.test(lt)) continue;
    const p = parsePragma(lt);
    if (p?.kind === 'ignore' && p.scope === 'global') out.push(...refsOf(p, l));
  }
  return out;
}

function instructionAt(list: readonly InstructionInfo[], line: number): InstructionInfo | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const ins = list[mid];
    if (line < ins.startLine) hi = mid - 1;
    else if (line > ins.endLine) lo = mid + 1;
    else return ins;
  }
  return undefined;
}

/** The stages whose FROM is on lines [from, to), as the chunk's rules see them, and their cache key. */
function stageViews(stages: readonly StageFacts[], from: number, to: number): { views: StageView[]; lines: number[]; key: string } {
  let lo = 0;
  let hi = stages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stages[mid].line < from) lo = mid + 1;
    else hi = mid;
  }
  let key = '';
  const views: StageView[] = [];
  const lines: number[] = [];
  for (let k = lo; k < stages.length && stages[k].line < to; k++) {
    const st = stages[k];
    lines.push(st.line);
    const isLast = k === stages.length - 1;
    views.push({ name: st.name, from: st.from, inherited: st.inherited, reachesFinal: st.reachesFinal, isLast });
    const inh = st.inherited;
    key += `${st.reachesFinal ? 'F' : '-'}${isLast ? 'L' : '-'}`;
    if (inh.shell !== null || inh.image !== st.from) key += JSON.stringify(inh);
  }
  return { views, lines, key };
}

function shiftFixes(fixes: readonly FindingFix[], by: number): FindingFix[] {
  return fixes.map((fx) => ({ title: fx.title, safety: fx.safety, edits: fx.edits.map((e) => ({ range: shiftRange(e.range, by), newText: e.newText })) }));
}

function shiftFinding(f: ChunkFinding, by: number): ChunkFinding {
  return { ruleId: f.ruleId, instructionLine: f.instructionLine + by, message: f.message, range: shiftRange(f.range, by), fixes: shiftFixes(f.fixes, by) };
}

function placedAt(result: ChunkResult, line: number): NonNullable<ChunkResult['placed']> {
  if (!result.placed || result.placed.line !== line) result.placed = { line, facts: new Map(), findings: new Map() };
  return result.placed;
}

/** A chunk's facts for one rule in file lines (shifted once per place of the chunk). */
function placedFacts(result: ChunkResult, line: number, ruleId: string): readonly unknown[] {
  const placed = placedAt(result, line);
  let list = placed.facts.get(ruleId);
  if (!list) placed.facts.set(ruleId, (list = (result.facts.get(ruleId) ?? []).map((f) => shiftFact(f, line))));
  return list;
}

/**
 * A chunk finding in file lines, as the linter returns it: made once per place of the chunk and
 * severity, so a keystroke returns the same Finding objects for every chunk it did not touch
 * (findings are never modified after they are made).
 */
function placedFinding(result: ChunkResult, line: number, f: ChunkFinding, rule: Rule, severity: Severity): Finding {
  const placed = placedAt(result, line);
  let at = placed.findings.get(f);
  if (!at || at.severity !== severity) {
    at = {
      ruleId: rule.id,
      instructionLine: f.instructionLine + line,
      severity,
      message: f.message,
      range: shiftRange(f.range, line),
      related: rule.related,
      fixes: line === 0 ? f.fixes : shiftFixes(f.fixes, line),
    };
    placed.findings.set(f, at);
  }
  return at;
}

/** A copy of a fact with every `{ start: {line, character}, end: … }` range moved down `by` lines. */
function shiftFact(value: unknown, by: number): unknown {
  if (by === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shiftFact(v, by));
  const o = value as Record<string, unknown>;
  const isPos = (p: unknown): p is Position => !!p && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
  if (isPos(o.start) && isPos(o.end) && Object.keys(o).length === 2) return shiftRange(o as unknown as Range, by);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = shiftFact(o[k], by);
  return out;
}

function shift(p: Position, by: number): Position {
  return { line: p.line + by, character: p.character };
}

function shiftRange(r: Range, by: number): Range {
  return by === 0 ? r : { start: shift(r.start, by), end: shift(r.end, by) };
}

/**
 * The rules whose `check` runs on chunks under these settings: all but those that are off
 * whatever the file says (turned off in the settings, or opt-in and not turned on; an opt-in
 * BuildKit check may be turned on by the file's `# check=experimental=`, so it always runs).
 * Their findings would be dropped anyway; skipping them saves ~7 % of a first lint (1,000
 * lines, default settings). `key` names the set in a chunk result's meta (a settings change
 * that turns a rule on re-checks the chunks).
 */
interface ActiveRules {
  rules: readonly Rule[];
  key: number;
}

const activeBySettings = new WeakMap<Settings, ActiveRules>();
/** Skip sets seen so far → small ids, never reused (the map is bounded; an id in a cached meta stays unique). */
const skipKeys = new Map<string, number>();
let nextSkipKey = 1;

function activeRules(settings: Settings): ActiveRules {
  let a = activeBySettings.get(settings);
  if (a) return a;
  // The part of steps()'s baseSeverity that does not depend on the file's `# check=` directive.
  const off = (r: Rule) => settings.rules[r.id] === 'off' || (settings.rules[r.id] === undefined && r.enabledByDefault === false && !r.related.buildkit);
  const skipped = RULES.filter(off).map((r) => r.id).join(',');
  let key = skipKeys.get(skipped);
  if (key === undefined) {
    if (skipKeys.size >= 1000) skipKeys.clear();
    skipKeys.set(skipped, (key = nextSkipKey++));
  }
  a = { rules: skipped === '' ? RULES : RULES.filter((r) => !off(r)), key };
  activeBySettings.set(settings, a);
  return a;
}

/**
 * The chunk results of one text, in file order, with where each chunk's own text is in it. A
 * keystroke finds the chunks it did not touch by place (`at`: the same offsets before the edit,
 * shifted by what the text gained after it; the caller knows their text is the same from the two
 * texts' common ends), without reading them; a lookup by content (`get`: a moved or duplicated
 * stage, another document's chunks) compares only the chunks of the same length, in place.
 * Nothing is hashed or copied: a Map keyed by chunk text hashed every chunk of the file on every
 * keystroke (~1 ms at 10,000 lines).
 */
class ChunkCache {
  private readonly entries: { from: number; to: number; result: ChunkResult }[] = [];
  private byLength?: Map<number, number[]>;

  constructor(readonly text: string = '') {}

  get empty(): boolean {
    return this.entries.length === 0;
  }

  /** Entries are added in file order (`from` never decreases). */
  add(from: number, to: number, result: ChunkResult): void {
    this.entries.push({ from, to, result });
    if (this.byLength) this.index(this.entries.length - 1);
  }

  /** The entry at offset `from` of `len` characters checked under `meta` (a chunk joined over a heredoc shares its `from`). */
  private find(from: number, len: number, meta: string): ChunkCache['entries'][number] | undefined {
    const list = this.entries;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].from < from) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let k = lo; k < list.length && list[k].from === from; k++) {
      const e = list[k];
      if (e.to - e.from === len && e.result.meta === meta) return e;
    }
    return undefined;
  }

  /** The result of the chunk at offset `from` of this text, `len` characters long, if there is one (no text compared: the caller knows it is the same). */
  at(from: number, len: number, meta: string): ChunkResult | undefined {
    return this.find(from, len, meta)?.result;
  }

  /** The result of a chunk whose text is `raw`: any chunk of this text with that text. */
  get(raw: string, meta: string): ChunkResult | undefined {
    if (!this.byLength) {
      this.byLength = new Map();
      for (let k = 0; k < this.entries.length; k++) this.index(k);
    }
    for (const k of this.byLength.get(raw.length) ?? []) {
      const e = this.entries[k];
      if (e.result.meta === meta && this.text.startsWith(raw, e.from)) return e.result;
    }
    return undefined;
  }

  private index(k: number): void {
    const e = this.entries[k];
    const len = e.to - e.from;
    const list = this.byLength!.get(len);
    if (list) list.push(k);
    else this.byLength!.set(len, [k]);
  }
}

/** Block size of commonEnds: compared as slices (a memory compare each), then character by character. */
const BLOCK = 2048;

/**
 * How many characters two texts share at their start and at their end (never overlapping): a
 * keystroke's chunks outside that change are the last text's, with no chunk compared or hashed.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const min = Math.min(a.length, b.length);
  let p = 0;
  while (p + BLOCK <= min && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  const room = min - p;
  while (q + BLOCK <= room && a.slice(a.length - q - BLOCK, a.length - q) === b.slice(b.length - q - BLOCK, b.length - q)) q += BLOCK;
  while (q < room && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return { prefix: p, suffix: q };
}

/**
 * The chunk caches of the documents closed last (at most two): a document opened with the same
 * text again (a reopened file, the other side of a diff view, a preview) starts warm. Chunk
 * results depend on nothing but their text and meta, so sharing them is safe.
 */
const recentlyClosed: ChunkCache[] = [];
const RECENTLY_CLOSED = 2;

function fromClosed(text: string, meta: string): ChunkResult | undefined {
  for (const c of recentlyClosed) {
    const r = c.get(text, meta);
    if (r) return r;
  }
  return undefined;
}

/** What a file-level rule last reported, and from which inputs (to skip it when none changed). */
interface FileRuleRun {
  /** The chunks and their lines, in file order (the rule's facts are read from these). */
  chunks: readonly PlacedChunk[];
  stages: readonly StageFacts[];
  settings: Settings;
  /** The file's place and build context it ran with (`''` without one). */
  contextKey: string;
  reports: FileReport[];
}

interface PlacedChunk {
  result: ChunkResult;
  /** The file line of the chunk's first line (its escape prefix included: may be above `start`). */
  line: number;
  /** The file line where the chunk's own text starts. */
  start: number;
}

/**
 * Whether two facts are the same data: plain objects and arrays compared member by member,
 * anything else (strings, numbers, Maps, class instances …) by identity. Facts are plain data,
 * so equal facts at the same line give a file-level rule the same input. Stricter than comparing
 * their JSON (a Map is never equal to another), and it allocates nothing: the JSON of the
 * changed chunk's facts, once per file-level rule, was ~5 % of a keystroke at 1,000 lines.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * The rule's facts compared with last time, chunk by chunk (the same result, or equal facts in
 * the chunk's own lines): `'same'` at the same lines, `'moved'` when chunks only moved up or down
 * (lines added or removed in an earlier chunk), `'changed'` otherwise.
 */
function compareFacts(a: readonly PlacedChunk[], b: readonly PlacedChunk[], ruleId: string, diff: ChunkDiff | null): 'same' | 'moved' | 'changed' {
  if (a === b) return 'same';
  if (!diff) return 'changed';
  for (const i of diff.changed) {
    const x = a[i].result;
    const y = b[i].result;
    if ((x.facts.has(ruleId) || y.facts.has(ruleId)) && !sameData(x.facts.get(ruleId) ?? [], y.facts.get(ruleId) ?? [])) return 'changed';
  }
  return diff.moved ? 'moved' : 'same';
}

/** Two chunk lists of the same length compared once for every rule: which chunks have another result, and whether any moved. */
interface ChunkDiff {
  changed: number[];
  moved: boolean;
}

function chunkDiff(a: readonly PlacedChunk[], b: readonly PlacedChunk[]): ChunkDiff | null {
  if (a.length !== b.length) return null;
  const changed: number[] = [];
  let moved = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.line !== y.line || x.start !== y.start) moved = true;
    if (x.result !== y.result) changed.push(i);
  }
  return { changed, moved };
}

/** The index of the chunk whose text holds file line `line` (chunks in file order, the first at line 0). */
function chunkIndexAt(chunks: readonly PlacedChunk[], line: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].start <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The same stages as `a` (against chunks `ca`) in `b` (against chunks `cb`), each at the same
 * place in the same chunk: they moved only with their chunks.
 */
function sameStagesMoved(a: readonly StageFacts[], ca: readonly PlacedChunk[], b: readonly StageFacts[], cb: readonly PlacedChunk[]): boolean {
  if (a.length !== b.length || ca.length !== cb.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.name !== y.name || x.from !== y.from || x.reachesFinal !== y.reachesFinal || !sameShell(x.shell, y.shell)
      || x.inherited.image !== y.inherited.image || !sameShell(x.inherited.shell, y.inherited.shell)) return false;
    const k = chunkIndexAt(ca, x.line);
    if (chunkIndexAt(cb, y.line) !== k || x.line - ca[k].start !== y.line - cb[k].start) return false;
  }
  return true;
}

/**
 * A file-level rule's reports moved with the chunks they are in: every position goes where
 * its chunk went. Used when the rule's facts and the stages are the same but for such moves:
 * a rule decides on facts and their order, never on line numbers as such, and no message
 * names a line, so running it again would give exactly these reports.
 */
function movedReports(reports: readonly FileReport[], from: readonly PlacedChunk[], to: readonly PlacedChunk[]): FileReport[] {
  const by = (line: number): number => {
    const k = chunkIndexAt(from, line);
    return to[k].start - from[k].start;
  };
  const pos = (p: Position): Position => {
    const d = by(p.line);
    return d === 0 ? p : { line: p.line + d, character: p.character };
  };
  const range = (r: Range): Range => {
    const start = pos(r.start);
    const end = pos(r.end);
    return start === r.start && end === r.end ? r : { start, end };
  };
  return reports.map((r) => ({
    range: range(r.range),
    message: r.message,
    instructionLine: r.instructionLine + by(r.instructionLine),
    ...(r.fixes ? { fixes: r.fixes.map((fx) => ({ title: fx.title, safety: fx.safety, edits: fx.edits.map((e) => ({ range: range(e.range), newText: e.newText })) })) } : {}),
  }));
}

function sameShell(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

function sameStages(a: readonly StageFacts[], b: readonly StageFacts[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.line !== y.line || x.name !== y.name || x.from !== y.from || x.reachesFinal !== y.reachesFinal || !sameShell(x.shell, y.shell)
      || x.inherited.image !== y.inherited.image || !sameShell(x.inherited.shell, y.inherited.shell)) return false;
  }
  return true;
}

/**
 * Lints one document; keeps the per-chunk results of the previous call, so a second call
 * after a small edit parses only what changed. One Linter per open document.
 */
export class Linter {
  private cache = new ChunkCache();
  /** The chunks of the last lint, in file order (a chunk checked again starts from its previous version). */
  private lastChunks: readonly PlacedChunk[] = [];
  /**
   * Per file-level rule, its last inputs and reports: typing inside one chunk leaves the other
   * chunks' facts untouched, and a rule whose facts did not change is not run again. Rules that
   * read the build context (the file system) are always run when there is one. Bounded by the number of rules.
   */
  private fileRuns = new Map<string, FileRuleRun>();
  /** The last text's lines and stages (fileStyle reuses the stages when an edit cannot change them). */
  private lastLines?: LineIndex;
  private lastStages?: StageFacts[];
  /** Chunk results of another text to fall back on: the parent's in a fork, a fork's after adopt. Dropped by the first lint that uses none. */
  private fallback?: ChunkCache;

  /** `chunked: false` parses the whole file as one chunk (tests compare the two). */
  constructor(private readonly options: { chunked?: boolean } = {}) {}

  /**
   * A linter for texts derived from this one's (fix-all's rounds): it starts from this linter's
   * chunks and file-level runs, and linting with it leaves this linter's cache as it was, so
   * the document's next lint is as cheap as before the fix-all.
   */
  fork(): Linter {
    const f = new Linter(this.options);
    f.fallback = this.cache;
    f.fileRuns = new Map(this.fileRuns);
    f.lastChunks = this.lastChunks;
    return f;
  }

  /** Keeps a fork's chunks (the fixed text's) beside this linter's own: the document may become that text next. */
  adopt(fork: Linter): void {
    if (fork !== this) this.fallback = fork.cache;
  }

  /** The document was closed: its chunk results stay available to the next documents opened (see recentlyClosed). */
  dispose(): void {
    // Twice, or before any lint: nothing to keep (and an empty cache must not push out a full one).
    if (this.cache.empty || recentlyClosed.includes(this.cache)) return;
    recentlyClosed.unshift(this.cache);
    recentlyClosed.length = Math.min(recentlyClosed.length, RECENTLY_CLOSED);
    this.cache = new ChunkCache();
    this.lastChunks = [];
    this.lastLines = undefined;
    this.lastStages = undefined;
    this.fileRuns.clear();
  }

  /** Errors met while checking (a rule or the parser threw); for the server log. */
  lastErrors: string[] = [];

  /** The last text had `# check=error=true`: its warnings fail a CLI run. */
  lastCheckError = false;

  /** `context`: the file's path and build context, for the rules that read the file system. */
  lint(text: string, settings: Settings = DEFAULT_SETTINGS, context?: LintContext): Finding[] {
    const it = this.steps(text, settings, context);
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
    }
  }

  /**
   * Lints without blocking the event loop for long on a big file: yields every ~8 ms and
   * gives up (returns undefined) as soon as `cancelled()` says a newer text is waiting.
   */
  async lintAsync(text: string, settings: Settings, cancelled: () => boolean, context?: LintContext): Promise<Finding[] | undefined> {
    const it = this.steps(text, settings, context);
    let slice = Date.now();
    for (;;) {
      const r = it.next();
      if (r.done) return r.value;
      if (Date.now() - slice > 8) {
        await yieldTurns();
        if (cancelled()) return undefined;
        slice = Date.now();
      }
    }
  }

  private *steps(text: string, settings: Settings, context?: LintContext): Generator<void, Finding[]> {
    const lines = new LineIndex(text);
    const escape = escapeOf(lines);
    // Later chunks get the file's escape directive, then an empty line: comments at the top
    // of a chunk (`# escape=`, `# syntax=` in the middle of a file) are comments, not directives.
    const prefix = escape === '\\' ? '\n' : `# escape=${escape}\n\n`;
    const prefixLines = escape === '\\' ? 1 : 2;
    // Fixes follow the whole file's style, so a chunk's result depends on it too.
    // The stages of the last text when the edit touched none of the lines they are read from.
    const lastText = this.cache.text;
    const same = commonEnds(lastText, text);
    const lastLines = this.lastLines;
    const style = fileStyle(lines, lastLines && this.lastStages && lastLines.text === lastText && sameStageLines(lastLines, lines, same.prefix, same.suffix) ? this.lastStages : undefined);
    this.lastLines = lines;
    this.lastStages = style.stages;
    const starts = this.options.chunked === false ? [0] : chunkStarts(lines, escape, style.stages.map((st) => st.line));
    const active = activeRules(settings);
    const styleKey = `${style.indent}|${style.leadingOperator ? '&&' : ''}|${style.eol}|${active.key}`;
    const next = new ChunkCache(text);
    // The last text's chunks that are still there: before the edit at the same offsets, after it
    // shifted by what the text gained (found without reading them).
    const shift = text.length - lastText.length;
    let usedFallback = false;
    const results: PlacedChunk[] = [];
    this.lastErrors = [];
    for (let i = 0; i < starts.length;) {
      let j = i + 1;
      let joins = 0;
      let result: ChunkResult | undefined;
      for (;;) {
        const from = lines.starts[starts[i]];
        const to = j < starts.length ? lines.starts[starts[j]] : text.length;
        const raw = text.slice(from, to);
        // What the chunk's stages inherit from earlier stages (SHELL, base image) and whether their
        // layers reach the final image are part of it, as are the file's style and escape prefix.
        const views = stageViews(style.stages, starts[i], j < starts.length ? starts[j] : lines.lineCount);
        const meta = `${i === 0 ? '' : prefix}|${styleKey}|${views.key}`;
        if (to <= same.prefix) result = this.cache.at(from, to - from, meta);
        else if (from >= text.length - same.suffix) result = this.cache.at(from - shift, to - from, meta);
        else result = undefined;
        result ??= this.cache.get(raw, meta) ?? next.get(raw, meta);
        if (!result && this.fallback) {
          result = this.fallback.get(raw, meta);
          if (result) usedFallback = true;
        }
        result ??= fromClosed(raw, meta);
        if (!result) {
          const before = this.lastChunks[results.length]?.result;
          result = checkChunk((i === 0 ? '' : prefix) + raw, active.rules, style, views.views, views.lines.map((l) => l - starts[i] + (i === 0 ? 0 : prefixLines)), before?.meta === meta ? before.previous : undefined, before?.previous?.scripts);
          result.meta = meta;
          yield;
        }
        next.add(from, to, result);
        // A heredoc still open at the end: the FROM lines up to its delimiter are heredoc text.
        // Join up to the chunk after that delimiter at once (one step at a time was quadratic
        // on `RUN <<EOF` followed by thousands of FROM lines); after two joins, take the rest.
        if (result.openHeredoc && j < starts.length) {
          joins++;
          const close = joins > 2 ? -1 : delimiterLine(lines, starts[j], result.openHeredoc[result.openHeredoc.length - 1]);
          if (close < 0) j = starts.length;
          else while (j < starts.length && starts[j] <= close) j++;
          continue;
        }
        break;
      }
      if (result.error) this.lastErrors.push(`line ${starts[i] + 1}: ${result.error}`);
      for (const n of result.notes ?? []) this.lastErrors.push(`line ${n.line + starts[i] - (i === 0 ? 0 : prefixLines) + 1}: ${n.message}`);
      results.push({ result, line: starts[i] - (i === 0 ? 0 : prefixLines), start: starts[i] });
      i = j;
    }
    this.cache = next;
    this.lastChunks = results;
    // A fork's chunks serve the next texts as long as they are used (see adopt).
    if (!usedFallback) this.fallback = undefined;
    // The file-level part yields too (between rules): on a big file it is tens of milliseconds.
    yield;

    const first = results[0]?.result;
    this.lastCheckError = !!first?.checkError;
    const out: Finding[] = [];
    if (!settings.enable) return out;
    // `disable-ignore-pragma`: ignore comments (inline, stage, global) count for nothing.
    const pragmasOn = !settings.disableIgnorePragma;
    const shiftRef = (r: IgnoreRef, by: number): IgnoreRef => ({ code: r.code, line: r.line + by, start: r.start });
    const globalIgnores = pragmasOn ? results.flatMap(({ result, line }) => result.globalIgnores.map((r) => shiftRef(r, line))) : [];
    const checkSkips = (first?.checkSkips ?? []).map((x) => x.toLowerCase());
    const experimental = (first?.checkExperimental ?? []).map((x) => x.toLowerCase());
    /** The severity from the settings and the `# check=` directive, before ignore comments. */
    const baseSeverity = (rule: Rule): Severity | 'off' => {
      const bk = rule.related.buildkit?.toLowerCase();
      // An experimental BuildKit check the directive names is on, whatever `skip=` says (BuildKit's linter).
      const optedIn = !!rule.buildkitExperimental && !!bk && (experimental.includes(bk) || experimental.includes('all'));
      const severity = settings.rules[rule.id] ?? (rule.enabledByDefault === false && !optedIn ? 'off' : rule.defaultSeverity);
      if (severity === 'off') return 'off';
      // `skip=all` means BuildKit's build checks, not syntax errors or hadolint-only rules.
      if (bk && !optedIn && (checkSkips.includes('all') || checkSkips.includes(bk))) return 'off';
      return severity;
    };
    const severityCache = new Map<Rule, Severity | 'off'>();
    const severityOf = (rule: Rule): Severity | 'off' => {
      let s = severityCache.get(rule);
      if (s === undefined) severityCache.set(rule, (s = baseSeverity(rule)));
      return s;
    };
    // Which ignore codes suppressed something ("line:start"), for the unused-ignore report.
    const used = new Set<string>();
    const use = (r: IgnoreRef) => used.add(`${r.line}:${r.start}`);
    /** False when a global ignore comment drops the rule's finding (and marks it used). */
    const keep = (rule: Rule): boolean => {
      const g = matchOf(globalIgnores, rule);
      if (!g) return true;
      use(g);
      return false;
    };
    // File-level checks over the facts every chunk recorded (cheap: no parsing).
    const ignores = new Map<number, IgnoreRef[]>();
    if (pragmasOn) for (const { result, line } of results) for (const [l, list] of result.ignores) ignores.set(l + line, list.map((r) => shiftRef(r, line)));
    const fileRuns = new Map<string, FileRuleRun>();
    // The stages as the file-level rules see them: the same as last time, or not (checked once).
    const lastStages = this.fileRuns.values().next().value?.stages;
    const stages = lastStages && sameStages(lastStages, style.stages) ? lastStages : style.stages;
    // Whether the stages of a rule's last run are these but for moves with their chunks (most
    // rules' last runs share their chunks and stages: compared once per pair).
    const contextKey = context ? `${context.dockerfile}\u0000${context.buildContext}\u0000${context.buildContextSet ? 1 : 0}\u0000${context.workspaceRoot ?? ''}` : '';
    const diffs = new Map<readonly PlacedChunk[], ChunkDiff | null>();
    const diffOf = (chunks: readonly PlacedChunk[]): ChunkDiff | null => {
      let d = diffs.get(chunks);
      if (d === undefined) diffs.set(chunks, (d = chunkDiff(chunks, results)));
      return d;
    };
    const movedMemo = new Map<readonly PlacedChunk[], { stages: readonly StageFacts[]; moved: boolean }>();
    const stagesMoved = (last: FileRuleRun): boolean => {
      const m = movedMemo.get(last.chunks);
      if (m && m.stages === last.stages) return m.moved;
      const moved = sameStagesMoved(last.stages, last.chunks, stages, results);
      movedMemo.set(last.chunks, { stages: last.stages, moved });
      return moved;
    };
    for (const rule of RULES) {
      if (!rule.checkFile || severityOf(rule) === 'off') continue;
      const last = this.fileRuns.get(rule.id);
      let reports: FileReport[];
      const cmp = last && last.settings === settings && last.contextKey === contextKey ? compareFacts(last.chunks, results, rule.id, diffOf(last.chunks)) : 'changed';
      if (last && cmp === 'same' && last.stages === stages) {
        reports = last.reports;
        fileRuns.set(rule.id, last);
      } else if (last && cmp !== 'changed' && stagesMoved(last)) {
        // Lines were added or removed above some chunks (Enter, a deleted line): the rule's
        // reports move with their chunks instead of running it again on every moved fact.
        reports = movedReports(last.reports, last.chunks, results);
        fileRuns.set(rule.id, { chunks: results, stages, settings, contextKey, reports });
      } else {
        const facts: unknown[] = [];
        for (const { result, line } of results) if (result.facts.has(rule.id)) for (const f of placedFacts(result, line, rule.id)) facts.push(f);
        yield;
        reports = [];
        let readsContext = false;
        let threw = false;
        try {
          rule.checkFile({
            facts,
            stages,
            settings,
            get context() {
              readsContext = true;
              return context;
            },
            report: (r) => reports.push(r),
          });
        } catch (e) {
          threw = true;
          this.lastErrors.push(`${rule.id}: ${(e as Error)?.stack ?? e}`);
        }
        // A rule that looked at the file system may answer differently next time: never reused.
        // Without a build context (an untitled file, one outside the workspace) it saw no file
        // system: its facts decide, as for any rule.
        if ((!readsContext || !context) && !threw) fileRuns.set(rule.id, { chunks: results, stages, settings, contextKey, reports });
      }
      for (const r of reports) {
        const by = matchOf(ignores.get(r.instructionLine) ?? [], rule);
        if (by) {
          use(by);
          continue;
        }
        if (!keep(rule)) continue;
        out.push({
          ruleId: rule.id,
          instructionLine: r.instructionLine,
          severity: severityOf(rule) as Severity,
          message: r.message,
          range: r.range,
          related: rule.related,
          fixes: (r.fixes ?? []).map((fx) => ({ title: fx.title, safety: fx.safety, edits: fx.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
        });
      }
    }
    for (const { result, line } of results) {
      const all = pragmasOn ? result.findings : [...result.findings, ...result.suppressed.map((x) => x.f)];
      if (pragmasOn) for (const { f, by } of result.suppressed) if (severityOf(RULES_BY_ID.get(f.ruleId)!) !== 'off') use(shiftRef(by, line));
      for (const f of all) {
        const rule = RULES_BY_ID.get(f.ruleId)!;
        const severity = severityOf(rule);
        if (severity === 'off' || !keep(rule)) continue;
        out.push(placedFinding(result, line, f, rule, severity));
      }
    }
    this.fileRuns = fileRuns;
    if (pragmasOn && keep(RULES_BY_ID.get(UNUSED_IGNORE)!)) {
      const at = new Set<number>();
      for (const { result, line } of results) {
        for (const p of result.pragmas) at.add(p.line + line);
        for (const r of result.globalIgnores) at.add(r.line + line);
      }
      out.push(...unusedIgnores(lines, at, used, severityOf));
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}

const shared = new Linter();

/** Lints a text with a fresh cache-free view (for tests and one-off use). */
export function lint(text: string, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  return shared.lint(text, settings);
}
