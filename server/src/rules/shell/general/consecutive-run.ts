/**
 * consecutive-run — consecutive RUN instructions in one stage; each makes a layer.
 *
 * What is reported follows hadolint's DL3059: RUNs in a row (comments between them do not
 * break the row) with the same flags, none of which already chains two or more commands
 * (such a RUN is a deliberate split, as hadolint's own tests specify). The merge stays available on those as the
 * "Merge with the next RUN" refactoring (`mergeWithNext`, offered by features/codeActions).
 *
 * The merge keeps the build's meaning:
 * - a failing command still fails the build: each RUN's script is chained with `&&`, and a
 *   script that is not a single statement (`a; b`, `a &`) is grouped in `( … )` first;
 * - RUNs that rely on `set -e` (which `&&` would switch off for them) are joined with `;`
 *   under errexit instead (`planErrexitMerge`), or not merged, with the reason;
 * - a script that changes shell state (`cd`, `export`, `set`, `umask`, `source`, `exec`,
 *   `exit`, a bare `VAR=value` …) runs in a subshell so it cannot change what follows;
 * - RUNs whose flags (`--mount`, `--network`, `--security` …) differ are not reported;
 * - exec form is rewritten as shell words, quoted for the shell;
 * - comments between the RUNs stay (inside the continuation, where Docker drops them);
 * - the continuation uses the file's escape character, line break and indentation.
 * No fix is offered for heredocs, a non-POSIX SHELL, or a script the parser cannot read.
 */
import { t } from '../../../l10n';
import { trimBlankEnd } from '../../../text';
import { parentStage, type DockerfileModel, type InstructionInfo } from '../../../model';
import type { Command, ScriptAnalysis } from '../../../shell/parser';
import { POSIX_SHELL, WINDOWS_IMAGE } from '../../../shell/shells';
import type { Fix, Rule, RuleContext } from '../../types';
import en from './consecutive-run.md';
import zhCn from './consecutive-run.zh-cn.md';

/** Commands that change the state of the shell they run in. */
const STATEFUL = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'umask', 'source', '.', 'exec', 'alias',
  'unalias', 'ulimit', 'trap', 'declare', 'typeset', 'local', 'readonly', 'eval', 'hash', 'enable',
  'exit', 'return', 'builtin', 'command', 'setopt', 'read', 'let', 'mapfile', 'readarray', 'getopts',
]);

export function changesShellState(a: ScriptAnalysis): boolean {
  return a.assignsVariable || a.definesFunction || a.commands.some((c) => c.inMainShell && c.name !== null
    && (STATEFUL.has(c.name) || (c.name === 'printf' && c.args.some((w) => w.value === '-v'))));
}

const RESERVED = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', 'select', 'time', '[[', ']]']);

/** Quotes one word for a POSIX shell; the first word of a command also when it would read as an assignment or keyword. */
export function shellQuote(word: string, commandName = false): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word) && !(commandName && (word.includes('=') || RESERVED.has(word)))) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** errexit in a SHELL's options: `["/bin/bash", "-eo", "pipefail", "-c"]`, `-o errexit`. */
function shellHasErrexit(shell: readonly string[]): boolean {
  for (let i = 1; i < shell.length; i++) {
    const v = shell[i];
    if (/^-[A-Za-z]*e/.test(v) && !v.startsWith('--')) return true;
    if (v === '-o' && shell[i + 1] === 'errexit') return true;
  }
  return false;
}

function flagSignature(ins: InstructionInfo, text: string): string {
  return ins.flags.map((f) => text.slice(f.start, f.end)).sort().join(' ');
}

/**
 * The shell a RUN runs with: the last SHELL before it in its stage, else what the stage
 * inherits from the stage it starts from (`FROM base`), else the default (null). `undefined`
 * when unknown (an unreadable SHELL). `windows` when the base image is a Windows one.
 */
function stageShell(model: DockerfileModel, index: number): { shell: string[] | null | undefined; windows: boolean } {
  for (let i = index - 1; i >= 0; i--) {
    const ins = model.instructions[i];
    if (ins.keyword === 'SHELL') {
      const image = baseImage(model, i);
      return { shell: Array.isArray(ins.json) ? ins.json : undefined, windows: WINDOWS_IMAGE.test(image) };
    }
    if (ins.keyword === 'FROM') {
      const image = ins.args[0]?.value ?? '';
      const parent = parentStage(model.fileStages, image);
      if (parent) {
        const shell = parent.shell !== null ? parent.shell : parent.inherited.shell;
        return { shell, windows: WINDOWS_IMAGE.test(parent.inherited.image) };
      }
      return { shell: null, windows: WINDOWS_IMAGE.test(image) };
    }
  }
  return { shell: null, windows: false };
}

/** The base image of the stage that holds instruction `index`, through `FROM <stage>` chains. */
function baseImage(model: DockerfileModel, index: number): string {
  for (let i = index; i >= 0; i--) {
    const ins = model.instructions[i];
    if (ins.keyword !== 'FROM') continue;
    const image = ins.args[0]?.value ?? '';
    return parentStage(model.fileStages, image)?.inherited.image ?? image;
  }
  return '';
}

interface Piece {
  /** Offsets of the text that stands for this RUN's command in the merged RUN. */
  start: number;
  end: number;
  /** Its replacement (the original text, grouped, or exec form turned into words). */
  text: string;
}

type Plan = { fix: Fix } | { reason: string };

export function planMerge(ctx: Pick<RuleContext, 'model' | 'scripts'>, group: InstructionInfo[], firstIndex: number): Plan {
  const { model } = ctx;
  const text = model.text;
  const { shell, windows } = stageShell(model, firstIndex);
  if (shell === undefined || (shell && !POSIX_SHELL.test(shell[0] ?? ''))) return { reason: t('the stage SHELL is not a POSIX shell') };
  if (!shell && windows) return { reason: t('the stage runs on Windows, where cmd reads && and ( ) differently') };
  const shellErrexit = !!shell && shellHasErrexit(shell);
  for (let l = group[0].startLine - 1; l >= 0; l--) {
    const line = model.lines.lineText(l);
    if (!/^[ \t]*#/.test(line)) break;
    if (IGNORE_COMMENT.test(line)) return { reason: t('the ignore comment above the first RUN would cover every merged command') };
  }
  // A RUN that relies on errexit cannot be chained with `&&` (see below): join with `;` under errexit instead.
  for (let i = 0; i < group.length - 1; i++) {
    const ins = group[i];
    if (ins.json !== undefined || ins.heredocs.length > 0 || ins.bodyStart === null) continue;
    const a = ctx.scripts(ins)[0]?.analysis;
    if (a && !a.skipped && !a.hasError && (a.setsErrexit || shellErrexit) && !a.flat) return planErrexitMerge(ctx, group, shell);
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < group.length; i++) {
    const ins = group[i];
    const last = i === group.length - 1;
    if (ins.bodyStart === null) return { reason: t('a RUN has no command') };
    if (ins.heredocs.length > 0) return { reason: t('heredocs are kept as they are') };
    if (ins.json === null) return { reason: t('a RUN has malformed JSON form') };
    if (Array.isArray(ins.json)) {
      if (ins.json.length === 0 || ins.json.some((a) => /[\r\n]/.test(a) || a.includes(model.escape))) {
        return { reason: t('an exec-form argument cannot be written safely as a shell word') };
      }
      pieces.push({ start: ins.bodyStart, end: ins.end, text: ins.json.map((w, k) => shellQuote(w, k === 0)).join(' ') });
      continue;
    }
    const [script] = ctx.scripts(ins);
    if (!script || script.analysis.skipped || script.analysis.hasError) {
      return { reason: t('a RUN command could not be parsed') };
    }
    const a = script.analysis;
    const hasComment = a.comments.length > 0;
    const isolate = !last && changesShellState(a);
    // `x && a || b` would run b when x fails: a later `||` list is grouped.
    const group_ = isolate || !a.singleStatement || (i > 0 && a.topLevelOr);
    // Chained before `&&`, a command list runs with errexit ignored (POSIX): `set -e; a; b`
    // would go on after a failing `a`. Only a flat `a && b` chain keeps its meaning there; the
    // others went to planErrexitMerge above.
    if (hasComment && (!last || group_)) return { reason: t('a shell comment would hide the commands after it') };
    const body = trimBlankEnd(text.slice(ins.bodyStart, ins.end));
    pieces.push({ start: ins.bodyStart, end: ins.bodyStart + body.length, text: group_ ? `( ${body} )` : body });
  }

  // `&&` ends the line before a continuation, or starts the next one, as the file writes it.
  const leading = model.leadingOperator;
  return joinPieces(model, group, pieces, () => (leading ? '' : ' &&'), leading ? '&& ' : '');
}

/**
 * The merged RUN: the first RUN up to its script, then each piece on a continuation line,
 * after `sep(previous piece)`; the comment lines between the RUNs are kept (blank lines are
 * dropped: BuildKit warns on them). The file's escape character, line break and indent.
 */
function joinPieces(model: DockerfileModel, group: InstructionInfo[], pieces: Piece[], sep: (prev: Piece) => string, lead: string): Plan {
  const text = model.text;
  const esc = model.escape;
  const eol = model.eol;
  const indent = model.continuationIndent;
  const first = group[0];
  let out = text.slice(first.start, pieces[0].start) + pieces[0].text;
  for (let i = 1; i < group.length; i++) {
    const gap = text.slice(group[i - 1].end, group[i].start);
    const comments = gap.split(/\r\n|\n|\r/).filter((l) => l.trim().startsWith('#'));
    out += `${sep(pieces[i - 1])} ${esc}${eol}`;
    for (const c of comments) out += trimBlankEnd(c) + eol;
    out += indent + lead + pieces[i].text;
  }
  const lastIns = group[group.length - 1];
  const end = pieces[pieces.length - 1].end;
  if (end < lastIns.end && text.slice(end, lastIns.end).trim() !== '') return { reason: t('a RUN command could not be parsed') };
  return { fix: { title: t('Merge into one RUN'), edits: [{ start: first.start, end, newText: out }], safety: 'safe' } };
}

/** `set -o` names and the letters of the same options. */
const LONG_OPTIONS: Readonly<Record<string, string>> = {
  errexit: 'e', nounset: 'u', xtrace: 'x', verbose: 'v', noglob: 'f', allexport: 'a', noclobber: 'C', noexec: 'n',
  pipefail: 'pipefail', notify: 'b', hashall: 'h', monitor: 'm',
};

/** The options a `set` command turns on (`-eux`, `-eo pipefail`), or null when it does anything else (`+e`, `set --`, words). */
function setOptions(cmd: Command): Set<string> | null {
  if (cmd.name !== 'set' || cmd.args.length === 0) return null;
  const out = new Set<string>();
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === null || !/^-[A-Za-z]+$/.test(v)) return null;
    for (const c of v.slice(1)) {
      if (c !== 'o') {
        out.add(c);
        continue;
      }
      const name = cmd.args[++i]?.value;
      if (!name || !(name in LONG_OPTIONS)) return null;
      out.add(LONG_OPTIONS[name]);
    }
  }
  return out;
}

/** The options of a SHELL (`["/bin/bash", "-eo", "pipefail", "-c"]`), as letters and names. */
function shellOptions(shell: readonly string[] | null): Set<string> {
  const out = new Set<string>();
  for (let i = 1; shell && i < shell.length; i++) {
    const v = shell[i];
    if (!/^-[A-Za-z]+$/.test(v)) continue;
    for (const c of v.slice(1)) {
      if (c === 'c') continue;
      if (c === 'o') {
        const name = shell[++i];
        if (name && name in LONG_OPTIONS) out.add(LONG_OPTIONS[name]);
      } else out.add(c);
    }
  }
  return out;
}

/** A leading `set -eux;` of a script: its own first statement. */
function leadingSet(a: ScriptAnalysis): Command | undefined {
  const c = a.commands[0];
  return c && c.name === 'set' && c.inMainShell && c.statement === 0 && !c.inPipeline && c.listPrev === null && c.listNext === null ? c : undefined;
}

/** Like `changesShellState`, leaving one command out (the leading `set` that the merge keeps on purpose). */
function changesStateBesides(a: ScriptAnalysis, skip: Command | undefined): boolean {
  return a.assignsVariable || a.definesFunction || a.commands.some((c) => c !== skip && c.inMainShell && c.name !== null
    && (STATEFUL.has(c.name) || (c.name === 'printf' && c.args.some((w) => w.value === '-v'))));
}

/** Tracing options: they change the build log, not what is built. */
const TRACE = new Set(['x', 'v']);

/**
 * The merge of RUNs that rely on errexit (`RUN set -eux; a; b` ⏎ `RUN set -eux; c; d`), joined
 * with `;` instead of `&&`. POSIX: with `set -e`, "the -e setting shall be ignored when
 * executing … any command of an AND-OR list other than the last", and a compound command other
 * than a subshell whose status comes from such an ignored failure does not stop the shell
 * either. So `(set -e; a; b) && next` runs b after a failing a, while
 * `set -e; a; b; c` stops at the first failure, like separate RUNs do. The rules, per piece:
 * - the first RUN starts with `set -e…` (or the SHELL has `-e`): the merged shell runs with
 *   errexit from its first line; what else the first RUN changes (`cd`, variables) is kept to it
 *   by a subshell after its `set`: `set -eux; ( … )`;
 * - a later RUN with its own leading `set` must turn on at least the first one's options (other
 *   than `-x`/`-v`, which only trace); one without must be a flat `a && b` chain that no added
 *   option changes (`-u` only without expansions, `pipefail` only without pipelines);
 * - a RUN that is not the last one runs in a subshell `( … )` when it changes the shell's state
 *   or ends with an `&&`/`||` list or a compound command (a failing subshell stops the shell
 *   under errexit; an ignored failure inside a `{ …; }` or an `a && b` list would not).
 */
function planErrexitMerge(ctx: Pick<RuleContext, 'model' | 'scripts'>, group: InstructionInfo[], shell: string[] | null): Plan {
  const { model } = ctx;
  const text = model.text;
  const base = shellOptions(shell);
  const pieces: Piece[] = [];
  let main: Set<string> | undefined;
  const noRewrite = (why: string): Plan => ({ reason: t('a RUN relies on "set -e", and {0}', why) });
  for (let i = 0; i < group.length; i++) {
    const ins = group[i];
    const last = i === group.length - 1;
    if (ins.bodyStart === null) return { reason: t('a RUN has no command') };
    if (ins.heredocs.length > 0) return { reason: t('heredocs are kept as they are') };
    if (ins.json === null) return { reason: t('a RUN has malformed JSON form') };
    if (Array.isArray(ins.json)) {
      if (i === 0 && !base.has('e')) return noRewrite(t('the first RUN does not start with "set -e"'));
      if (ins.json.length === 0 || ins.json.some((a) => /[\r\n]/.test(a) || a.includes(model.escape))) {
        return { reason: t('an exec-form argument cannot be written safely as a shell word') };
      }
      main ??= base;
      // Quoted words, one simple command: errexit, nounset and pipefail change nothing.
      pieces.push({ start: ins.bodyStart, end: ins.end, text: ins.json.map((w, k) => shellQuote(w, k === 0)).join(' ') });
      continue;
    }
    const [script] = ctx.scripts(ins);
    if (!script || script.analysis.skipped || script.analysis.hasError) return { reason: t('a RUN command could not be parsed') };
    const a = script.analysis;
    if (a.comments.length > 0 && !last) return { reason: t('a shell comment would hide the commands after it') };
    if (a.backgroundJobs.length > 0 && !last) return noRewrite(t('a RUN starts a background job'));
    const lead = leadingSet(a);
    const own = lead ? setOptions(lead) : null;
    if (lead && !own) return noRewrite(t('a RUN starts with a "set" that does more than turn options on'));
    const body = trimBlankEnd(text.slice(ins.bodyStart, ins.end));
    const bodyEnd = ins.bodyStart + body.length;
    if (i === 0) {
      main = new Set([...base, ...(own ?? [])]);
      if (!main.has('e')) return noRewrite(t('the first RUN does not start with "set -e"'));
      if (!lead) {
        // Errexit from the SHELL: the first RUN is a piece like the others.
        const isolate = changesShellState(a) || !a.lastStatementPlain;
        pieces.push({ start: ins.bodyStart, end: bodyEnd, text: isolate ? `( ${body} )` : body });
        continue;
      }
      if (!changesStateBesides(a, lead) && a.lastStatementPlain) {
        pieces.push({ start: ins.bodyStart, end: bodyEnd, text: body });
        continue;
      }
      // `set -eux; ( the rest )`: the options stay on for the RUNs after it, nothing else does.
      let r = lead.end;
      while (r < script.text.length && (script.text[r] === ' ' || script.text[r] === '\t')) r++;
      if (script.text[r] !== ';') return noRewrite(t('a RUN starts with a "set" that does more than turn options on'));
      r++;
      while (r < script.text.length && /\s/.test(script.text[r])) r++;
      if (r >= script.text.length) return { reason: t('a RUN has no command') };
      const rest = script.toDoc(r);
      if (rest <= ins.bodyStart || rest >= bodyEnd) return { reason: t('a RUN command could not be parsed') };
      pieces.push({ start: ins.bodyStart, end: bodyEnd, text: `${text.slice(ins.bodyStart, rest)}( ${text.slice(rest, bodyEnd)} )` });
      continue;
    }
    const mainOpts = main!;
    let stateful: boolean;
    if (own) {
      // Its own `set` must give it at least the options the merged shell already has.
      for (const o of mainOpts) if (!TRACE.has(o) && !base.has(o) && !own.has(o)) return noRewrite(t('a later RUN sets other shell options than the first one'));
      stateful = changesStateBesides(a, lead) || [...own].some((o) => !mainOpts.has(o));
    } else {
      for (const o of mainOpts) {
        if (TRACE.has(o) || base.has(o)) continue;
        const same = (o === 'e' && a.flat) || (o === 'u' && a.expansions.length === 0) || (o === 'pipefail' && a.pipelines.length === 0);
        if (!same) return noRewrite(t('a later RUN without "set -e" would run with errexit on'));
      }
      stateful = changesShellState(a);
    }
    const isolate = !last && (stateful || !a.lastStatementPlain);
    pieces.push({ start: ins.bodyStart, end: bodyEnd, text: isolate ? `( ${body} )` : body });
  }

  // Under errexit the pieces are joined with `;` (a `&&` list would exempt them from `set -e`).
  return joinPieces(model, group, pieces, (prev) => (prev.text.endsWith(';') ? '' : ';'), '');
}

/** The most RUNs one merge takes. */
export const MAX_MERGE = 16;

const IGNORE_COMMENT = /^[ \t]*#[ \t]*(?:hadolint|dockerfile-doctor)[ \t]+ignore[ \t]*=/im;

/**
 * Reports RUNs [from, to) of a stage. Longer runs are merged in parts of MAX_MERGE that share
 * their end RUN with the next part's start: every finding carries its part's merge, which keeps
 * the diagnostics linear in the file (2,000 RUNs in a row are no quadratic payload), and
 * fix-all merges the parts in later rounds.
 */
function reportSegment(ctx: RuleContext, list: InstructionInfo[], from: number, to: number, afterIgnore: boolean): void {
  if (afterIgnore) report(ctx, [list[from]], from, true);
  for (let start = from; start < to - 1; start += MAX_MERGE - 1) {
    report(ctx, list.slice(start, Math.min(start + MAX_MERGE, to)), start, false);
  }
}

/** Reports the RUNs of a mergeable run after the first; `afterIgnore`: its first follows a RUN too. */
function report(ctx: RuleContext, group: InstructionInfo[], firstIndex: number, afterIgnore: boolean): void {
  const plan: Plan | null = group.length >= 2 ? planMerge(ctx, group, firstIndex) : null;
  const message = (p: Plan) => 'fix' in p
    ? t('Consecutive RUN instructions: merge them into one to save a layer')
    : t('Consecutive RUN instructions: merge them into one to save a layer (no automatic merge: {0})', p.reason);
  if (afterIgnore) {
    const p: Plan = { reason: t('the ignore comment above it would no longer apply') };
    ctx.report({ start: group[0].keywordStart, end: group[0].keywordEnd, message: message(p), fixes: [] });
  }
  if (!plan) return;
  for (const ins of group.slice(1)) {
    ctx.report({ start: ins.keywordStart, end: ins.keywordEnd, message: message(plan), fixes: 'fix' in plan ? [plan.fix] : [] });
  }
}

export const consecutiveRun: Rule = {
  id: 'consecutive-run',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3059' },
  description: 'Consecutive RUN instructions',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'merge (safe)',
  check(ctx) {
    const { model } = ctx;
    const list = model.instructions;
    let i = 0;
    while (i < list.length) {
      if (list[i].keyword !== 'RUN' || commandCount(ctx, list[i]) > CHAINED) {
        i++;
        continue;
      }
      const sig = flagSignature(list[i], model.text);
      let j = i + 1;
      while (j < list.length && list[j].keyword === 'RUN' && flagSignature(list[j], model.text) === sig && commandCount(ctx, list[j]) <= CHAINED) j++;
      // A RUN with an ignore comment above it cannot join the one before: inside the merged
      // RUN's continuation the comment would no longer suppress anything. The merge stops there.
      let from = i;
      for (let k = i + 1; k <= j; k++) {
        if (k < j && !IGNORE_COMMENT.test(model.text.slice(list[k - 1].end, list[k].start))) continue;
        reportSegment(ctx, list, from, k, from > i);
        from = k;
      }
      i = j;
    }
  },
};

/**
 * A RUN that already chains more than this many commands is a deliberate split (hadolint's
 * DL3059 semantics: `RUN a && b` next to `RUN c` is not reported): neither it nor its
 * neighbours are reported for it. The merge stays
 * available as a refactoring (`mergeWithNext`).
 */
export const CHAINED = 1;

/** The commands a RUN runs (nested `sh -c` scripts count as their one command); unparsed: many. */
export function commandCount(ctx: Pick<RuleContext, 'scripts'>, ins: InstructionInfo): number {
  if (Array.isArray(ins.json) && ctx.scripts(ins).length === 0) return 1;
  let n = 0;
  for (const script of ctx.scripts(ins)) {
    if (script.kind === 'nested') continue;
    if (script.analysis.skipped) return Infinity;
    n += script.analysis.commands.length;
  }
  return n;
}

/**
 * The merge of a RUN with the RUN right after it, offered as a refactoring where the rule does
 * not report them (one of them chains several commands): null when they cannot be merged
 * (not consecutive RUNs, other flags, another stage, an ignore comment between them) or when
 * the rule reports them (its quick fix is the merge then), unless the user turned the rule off.
 */
export function mergeWithNext(ctx: Pick<RuleContext, 'model' | 'scripts'>, ins: InstructionInfo, opts: { ruleOff?: boolean } = {}): Fix | null {
  const list = ctx.model.instructions;
  const at = list.indexOf(ins);
  const next = list[at + 1];
  if (at < 0 || ins.keyword !== 'RUN' || !next || next.keyword !== 'RUN' || next.stage !== ins.stage) return null;
  const text = ctx.model.text;
  if (flagSignature(ins, text) !== flagSignature(next, text)) return null;
  if (IGNORE_COMMENT.test(text.slice(ins.end, next.start))) return null;
  if (!opts.ruleOff && commandCount(ctx, ins) <= CHAINED && commandCount(ctx, next) <= CHAINED) return null;
  const plan = planMerge(ctx, [ins, next], at);
  return 'fix' in plan ? { ...plan.fix, title: t('Merge with the next RUN') } : null;
}
