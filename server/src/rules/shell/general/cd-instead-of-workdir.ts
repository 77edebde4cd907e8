/**
 * cd-instead-of-workdir — `cd` that changes the directory of a RUN's own shell: WORKDIR says
 * it once, for every later instruction, and shows it in the image's config.
 *
 * Decided per case: a `cd` in a subshell `( cd x && make )`, in a command substitution
 * `$(cd … && pwd)`, in a function body, or in a nested `sh -c '…'` is scoped on purpose and
 * not reported; nor is a `cd` to a place only known at run time (`cd "$(mktemp -d)"`).
 * `pushd` … `popd`, and `cd x … cd -` / `cd "$OLDPWD"` / `cd /` (the official images' way of
 * building in /usr/src and going back before cleaning up) are scoped changes: a `cd` before the
 * last step back is not reported.
 * One finding per script: the first such `cd`.
 */
import { t } from '../../../l10n';
import type { DockerfileModel, InstructionInfo } from '../../../model';
import type { Invocation } from '../../../shell/facts';
import { mountsOf } from '../../../shell/mounts';
import type { RunScript } from '../../../shell/script';
import { matchKeywordCase } from '../../../text';
import type { Fix, Rule } from '../../types';
import en from './cd-instead-of-workdir.md';
import zhCn from './cd-instead-of-workdir.zh-cn.md';

/** `cd -`, `cd "$OLDPWD"`, `cd /`: going back to where the RUN started (or to the root). */
function isReturn(args: readonly string[]): boolean {
  const rest = args.filter((a) => a !== '-P' && a !== '-L');
  return rest.length === 1 && (rest[0] === '-' || rest[0] === '/' || /^"?\$\{?OLDPWD\}?"?$/.test(rest[0]));
}

/** A directory WORKDIR can name as it is: absolute, literal, nothing Docker or the shell would read differently. */
const PLAIN_DIR = /^\/[A-Za-z0-9_.\/@+:,=-]*$/;

/** Ignore comments apply to the instruction right below them: a new instruction goes above them. */
const PRAGMA = /^[ \t]*#[ \t]*(?:(?:hadolint|dockerfile-doctor)[ \t]+(?:ignore|shell)|check[ \t]*=)/i;

/** A path of an instruction's argument that is relative to the working directory. */
function relative(p: string | undefined): boolean {
  return p !== undefined && p !== '' && !p.startsWith('/') && !p.startsWith('$');
}

/** The last argument (the destination) of a COPY/ADD, shell or JSON form. */
function destination(ins: InstructionInfo): string | undefined {
  if (Array.isArray(ins.json)) return ins.json[ins.json.length - 1];
  const words = ins.args.filter((a) => !a.value.startsWith('<<'));
  return words.length >= 2 ? words[words.length - 1].value : undefined;
}

/**
 * Whether replacing the `cd` by a WORKDIR changes what the stage builds: an instruction after
 * the RUN reads the working directory (a RUN, a relative COPY/ADD/VOLUME/WORKDIR destination,
 * CMD/ENTRYPOINT/HEALTHCHECK/ONBUILD, which run there) before an absolute WORKDIR resets it,
 * or none does but the stage ends with it (the image's working directory, and every stage
 * built `FROM` this one, would change).
 */
function changesLater(model: DockerfileModel, at: number): boolean {
  const list = model.instructions;
  const stage = list[at].stage;
  for (let i = at + 1; i < list.length && list[i].stage === stage && list[i].keyword !== 'FROM'; i++) {
    const ins = list[i];
    switch (ins.keyword) {
      case 'WORKDIR': {
        const w = ins.args[0]?.value;
        if (w !== undefined && w.startsWith('/')) return false;
        return true;
      }
      case 'RUN': case 'CMD': case 'ENTRYPOINT': case 'HEALTHCHECK': case 'ONBUILD':
        return true;
      case 'COPY': case 'ADD':
        if (relative(destination(ins))) return true;
        break;
      case 'VOLUME':
        if (Array.isArray(ins.json) ? ins.json.some((v) => relative(v)) : ins.args.some((a) => relative(a.value))) return true;
        break;
      default:
        break;
    }
  }
  return true;
}

/** The absolute WORKDIR in force at instruction `at` when this stage set one (else unknown: null). */
function currentWorkdir(model: DockerfileModel, at: number): string | null {
  const list = model.instructions;
  for (let i = at - 1; i >= 0 && list[i].stage === list[at].stage; i--) {
    const ins = list[i];
    if (ins.keyword === 'FROM') return null;
    if (ins.keyword !== 'WORKDIR') continue;
    const w = ins.args[0]?.value ?? '';
    return PLAIN_DIR.test(w) ? w : null;
  }
  return null;
}

function normalDir(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? '/' : t.replace(/\/{2,}/g, '/');
}

/**
 * `RUN cd /app && make` → `WORKDIR /app` ⏎ `RUN make`: only for a `cd` to a literal absolute
 * directory that starts the RUN's own shell script and is followed by `&&` or `;`. Safe when the
 * stage's WORKDIR is that directory already (the `cd` just goes) or an absolute WORKDIR comes
 * before anything that reads the working directory; otherwise unsafe (later instructions run
 * in the new directory).
 */
function workdirFix(model: DockerfileModel, ins: InstructionInfo, script: RunScript, hit: Invocation): Fix | null {
  const at = model.instructions.indexOf(ins);
  const a = script.analysis;
  const cmd = hit.command;
  if (at < 0 || script.kind !== 'shell' || script.readOnly || a.hasError || hit.program !== 'cd' || hit.wrappers.length > 0) return null;
  if (a.commands[0] !== cmd || cmd.statement !== 0 || cmd.listPrev !== null || cmd.inPipeline || cmd.underListRedirect || cmd.unitStart !== cmd.start || cmd.unitEnd !== cmd.end) return null;
  if (cmd.listNext !== null && cmd.listNext.op !== '&&') return null;
  if (cmd.env.length > 0 || hit.args.length !== 1 || hit.args[0].value === null || !PLAIN_DIR.test(hit.args[0].value)) return null;
  // A relative mount target resolves against the working directory.
  if (mountsOf(ins).some((m) => !m.target.startsWith('/'))) return null;
  const dir = hit.args[0].value;
  // What follows the `cd`: after its `&&` or `;` and the blanks (continuations) up to the next command.
  const text = script.text;
  let r = cmd.end;
  while (r < text.length && (text[r] === ' ' || text[r] === '\t')) r++;
  if (text.startsWith('&&', r)) r += 2;
  else if (text[r] === ';' && cmd.listNext === null) r += 1;
  else return null;
  while (r < text.length && /\s/.test(text[r])) r++;
  if (r >= text.length) return null;
  const from = script.toDoc(cmd.start);
  const to = script.toDoc(r);
  if (to <= from || /[\r\n][ \t]*#/.test(model.text.slice(from, to))) return null;
  const current = currentWorkdir(model, at);
  if (current !== null && normalDir(current) === normalDir(dir)) {
    return { title: t('Remove the cd: WORKDIR is {0} already', current), edits: [{ start: from, end: to, newText: '' }], safety: 'safe' };
  }
  // The new WORKDIR goes above the comment lines right above the RUN when they hold an ignore comment (it must stay on the RUN).
  const lines = model.lines;
  let line = ins.startLine;
  let top = line;
  while (top > 0 && /^[ \t]*#/.test(lines.lineText(top - 1))) top--;
  let pragma = false;
  for (let l = top; l < line; l++) if (PRAGMA.test(lines.lineText(l))) pragma = true;
  if (pragma) line = top;
  const lineStart = lines.starts[line];
  const indent = /^[ \t]*/.exec(lines.lineText(ins.startLine))![0];
  const workdir = `${indent}${matchKeywordCase(ins.keywordText, 'WORKDIR')} ${dir}${model.eol}`;
  return {
    title: t('Use WORKDIR {0} instead of cd', dir),
    edits: [{ start: lineStart, end: lineStart, newText: workdir }, { start: from, end: to, newText: '' }],
    safety: changesLater(model, at) ? 'unsafe' : 'safe',
  };
}

export const cdInsteadOfWorkdir: Rule = {
  id: 'cd-instead-of-workdir',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3003' },
  description: 'cd in RUN instead of WORKDIR',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`WORKDIR` + `RUN` (safe where nothing later reads the directory, else unsafe)',
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      if (s.script.kind === 'nested') continue;
      const invs = ctx.invocations(s.script);
      // The last step back (`popd`, `cd -`, `cd "$OLDPWD"`, `cd /`): a change before it is scoped.
      let lastReturn = -1;
      let lastPopd = -1;
      invs.forEach((x, i) => {
        if (!x.command.inMainShell) return;
        if (x.program === 'popd') lastPopd = i;
        else if (x.program === 'cd' && isReturn(x.args.map((w) => w.value ?? w.raw))) lastReturn = i;
      });
      const hit = invs.find((inv, i) => {
        if (!inv.command.inMainShell || inv.wrappers.length > 0) return false;
        if (inv.program !== 'cd' && inv.program !== 'pushd') return false;
        if (i <= lastReturn || (inv.program === 'pushd' && i < lastPopd)) return false;
        if (inv.args.some((w) => w.value === null && /\$\(|`/.test(w.raw))) return false;
        return true;
      });
      if (!hit) continue;
      const fix = workdirFix(ctx.model, s.ins, s.script, hit);
      ctx.report({
        start: s.script.toDoc(hit.command.start),
        end: s.script.toDoc(hit.command.end, true),
        message: t('Use WORKDIR to change the directory: {0} lasts only for this RUN, WORKDIR sets it for every later instruction', hit.program!),
        fixes: fix ? [fix] : [],
      });
    }
  },
};
