/**
 * consecutive-run — consecutive RUN instructions in one stage; each makes a layer.
 *
 * The merge keeps the build's meaning:
 * - a failing command still fails the build: each RUN's script is chained with `&&`, and a
 *   script that is not a single statement (`a; b`, `a &`) is grouped in `( … )` first;
 * - a script that changes shell state (`cd`, `export`, `set`, `umask`, `source`, `exec`,
 *   `exit`, a bare `VAR=value` …) runs in a subshell so it cannot change what follows;
 * - RUNs whose flags (`--mount`, `--network`, `--security` …) differ are not reported;
 * - exec form is rewritten as shell words, quoted for the shell;
 * - comments between the RUNs stay (inside the continuation, where Docker drops them);
 * - the continuation uses the file's escape character, line break and indentation.
 * No fix is offered for heredocs, a non-POSIX SHELL, or a script the parser cannot read.
 */
import { t } from '../l10n';
import type { DockerfileModel, InstructionInfo } from '../model';
import type { ScriptAnalysis } from '../shell/parser';
import type { Fix, Rule, RuleContext } from './types';
import en from './consecutive-run.md';
import zhCn from './consecutive-run.zh-cn.md';

/** Commands that change the state of the shell they run in. */
const STATEFUL = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'umask', 'source', '.', 'exec', 'alias',
  'unalias', 'ulimit', 'trap', 'declare', 'typeset', 'local', 'readonly', 'eval', 'hash', 'enable',
  'exit', 'return', 'builtin', 'command', 'setopt',
]);

const POSIX_SHELL = /(?:^|\/)(?:sh|bash|ash|dash|zsh|ksh)$/;

export function changesShellState(a: ScriptAnalysis): boolean {
  return a.assignsVariable || a.commands.some((c) => c.inMainShell && c.name !== null && STATEFUL.has(c.name));
}

/** Quotes one word for a POSIX shell. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function flagSignature(ins: InstructionInfo, text: string): string {
  return ins.flags.map((f) => text.slice(f.start, f.end)).sort().join(' ');
}

/** The shell of the stage at this instruction, from the last SHELL before it (null: default). */
function stageShell(model: DockerfileModel, index: number): string[] | null {
  for (let i = index - 1; i >= 0; i--) {
    const ins = model.instructions[i];
    if (ins.keyword === 'FROM') return null;
    if (ins.keyword === 'SHELL' && Array.isArray(ins.json)) return ins.json;
  }
  return null;
}

interface Piece {
  /** Offsets of the text that stands for this RUN's command in the merged RUN. */
  start: number;
  end: number;
  /** Its replacement (the original text, grouped, or exec form turned into words). */
  text: string;
}

type Plan = { fix: Fix } | { reason: string };

function planMerge(ctx: RuleContext, group: InstructionInfo[], firstIndex: number): Plan {
  const { model } = ctx;
  const text = model.text;
  const shell = stageShell(model, firstIndex);
  if (shell && !POSIX_SHELL.test(shell[0] ?? '')) return { reason: t('the stage SHELL is not a POSIX shell') };
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
      pieces.push({ start: ins.bodyStart, end: ins.end, text: ins.json.map(shellQuote).join(' ') });
      continue;
    }
    const [script] = ctx.scripts(ins);
    if (!script || script.analysis.skipped || script.analysis.hasError) {
      return { reason: t('a RUN command could not be parsed') };
    }
    const a = script.analysis;
    const hasComment = a.comments.length > 0;
    const isolate = !last && changesShellState(a);
    const group_ = isolate || !a.singleStatement;
    if (hasComment && (!last || group_)) return { reason: t('a shell comment would hide the commands after it') };
    const body = text.slice(ins.bodyStart, ins.end).replace(/[ \t]+$/, '');
    pieces.push({ start: ins.bodyStart, end: ins.bodyStart + body.length, text: group_ ? `( ${body} )` : body });
  }

  const esc = model.escape;
  const eol = model.eol;
  const indent = model.continuationIndent;
  const leading = model.leadingOperator;
  const first = group[0];
  let out = text.slice(first.start, pieces[0].start) + pieces[0].text;
  for (let i = 1; i < group.length; i++) {
    // Keep the comment lines between the two RUNs; drop blank lines (BuildKit warns on them).
    const gap = text.slice(group[i - 1].end, group[i].start);
    const comments = gap.split(/\r\n|\n|\r/).filter((l) => l.trim().startsWith('#'));
    out += leading ? ` ${esc}${eol}` : ` &&${' '}${esc}${eol}`;
    for (const c of comments) out += c.replace(/[ \t]+$/, '') + eol;
    out += indent + (leading ? '&& ' : '') + pieces[i].text;
  }
  const lastIns = group[group.length - 1];
  const end = pieces[pieces.length - 1].end;
  if (end < lastIns.end && text.slice(end, lastIns.end).trim() !== '') return { reason: t('a RUN command could not be parsed') };
  return {
    fix: {
      title: t('Merge into one RUN'),
      edits: [{ start: first.start, end, newText: out }],
      safety: 'safe',
    },
  };
}

export const consecutiveRun: Rule = {
  id: 'consecutive-run',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3059' },
  description: 'Consecutive RUN instructions',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { model } = ctx;
    const list = model.instructions;
    let i = 0;
    while (i < list.length) {
      if (list[i].keyword !== 'RUN') {
        i++;
        continue;
      }
      const sig = flagSignature(list[i], model.text);
      let j = i + 1;
      while (j < list.length && list[j].keyword === 'RUN' && flagSignature(list[j], model.text) === sig) j++;
      if (j - i >= 2) {
        const group = list.slice(i, j);
        const plan = planMerge(ctx, group, i);
        for (const ins of group.slice(1)) {
          ctx.report({
            start: ins.keywordStart,
            end: ins.keywordEnd,
            message: 'fix' in plan
              ? t('Consecutive RUN instructions: merge them into one to save a layer')
              : t('Consecutive RUN instructions: merge them into one to save a layer (no automatic merge: {0})', plan.reason),
            fixes: 'fix' in plan ? [plan.fix] : [],
          });
        }
      }
      i = j;
    }
  },
};
