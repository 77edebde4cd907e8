/**
 * copy-all-before-install — the layer-cache advisor: `COPY . .` (the whole build context)
 * followed, in the same stage, by a dependency install that reads only a manifest (`npm ci`,
 * `pip install -r requirements.txt`, `go mod download` …). Any change to any source file
 * invalidates the `COPY . .` layer, so the install re-runs on every build; copying the
 * manifests first and installing before `COPY . .` keeps the dependency layer cached.
 *
 * `check` finds the pattern in the stage (shell facts only); the finding and its fix are made
 * in `checkFile`, where the build context is known: the fix copies the manifest files that
 * exist there (else the conventional ones: `package*.json`, `go.mod go.sum` …).
 */
import { hostFs } from '../../host/host';
import { t } from '../../l10n';
import type { DockerfileModel, InstructionInfo } from '../../model';
import { mountsOf } from '../../shell/mounts';
import type { RunScript } from '../../shell/script';
import type { Invocation } from '../../shell/facts';
import { matchKeywordCase, type Range } from '../../text';
import type { FileRuleContext, Rule, RuleContext } from '../types';
import { ignoreFor, pathExists } from './_fs';
import { cleanPath } from './_ignore';
import { manifestInstall, type ManifestInstall } from './_installs';
import en from './copy-all-before-install.md';
import zhCn from './copy-all-before-install.zh-cn.md';

/** What `check` records for `checkFile`: one finding, with what its fix needs. */
export interface CacheFact {
  range: Range;
  instruction: Range;
  label: string;
  /** The COPY of the whole context as written (`COPY . .`), for messages. */
  copyText: string;
  manifests: string[];
  required: number;
  fallback: string[];
  /** Whether the manifests are already copied before the `COPY . .` (only the install moves). */
  manifestsCopied: boolean;
  fix: null | {
    /** Where the new lines go: above the `COPY . .` (and the comment lines right above it). */
    insertAt: Range;
    indent: string;
    eol: string;
    /** `COPY --chown=app ` (keyword in the file's case, the flags that still apply). */
    copyPrefix: string;
    /** The destination with a trailing `/`. */
    dest: string;
    /** What goes before the manifests' COPY: the WORKDIRs moved up, as written (with their comments). */
    prefix: string;
    /** The install's RUN, with its line break: moved as written, or a new one. */
    runText: string;
    /** The install moves (its old place is deleted) rather than a dependency-only step being added. */
    moves: boolean;
    /** What to delete: the moved WORKDIRs and the install (a whole RUN, or the head of an `&&` chain). */
    removals: Range[];
  };
}

/** Instructions between `COPY . .` and the install that cannot change what the install does. */
const INERT = new Set(['LABEL', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'MAINTAINER']);

/** A path as seen from the stage: `~` is the stage's starting directory (unknown here). */
function resolveDir(cwd: string, p: string): string {
  if (p.startsWith('/')) return `/${cleanPath(p)}`;
  if (p.startsWith('$')) return cleanPath(p);
  const joined = cleanPath(`${cwd}/${p}`);
  return cwd.startsWith('/') ? `/${joined}` : joined;
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

interface CopyInfo {
  index: number;
  sources: string[];
  dest: string;
  destText: string;
}

/** The sources and destination of a COPY/ADD from the build context (null: `--from`, heredoc, malformed). */
function copyOf(ins: InstructionInfo, index: number, cwd: string): CopyInfo | null {
  if (ins.flags.some((f) => f.name === 'from')) return null;
  let words: string[];
  if (Array.isArray(ins.json)) words = ins.json;
  else if (ins.json === null || ins.heredocs.length > 0) return null;
  else words = ins.args.map((a) => unquote(a.value));
  if (words.length < 2) return null;
  const destText = words[words.length - 1];
  return { index, sources: words.slice(0, -1), dest: resolveDir(cwd, destText), destText };
}

function isWholeContext(src: string): boolean {
  return cleanPath(src) === '';
}

/** `package*.json` matches `package-lock.json`: `*`, `?` within one name, literal otherwise. */
function globMatches(pattern: string, name: string): boolean {
  const p = cleanPath(pattern);
  if (!/[*?[]/.test(p)) return p === name;
  if (p.includes('[')) return false;
  // Linear: split on `*` and match the parts in order.
  const parts = p.split('*');
  const one = (part: string, at: number): boolean => {
    if (at + part.length > name.length) return false;
    for (let k = 0; k < part.length; k++) if (part[k] !== '?' && part[k] !== name[at + k]) return false;
    return true;
  };
  if (!one(parts[0], 0)) return false;
  let at = parts[0].length;
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k];
    if (k === parts.length - 1) return name.length - part.length >= at && one(part, name.length - part.length) && !name.slice(at, name.length - part.length).includes('/');
    let found = -1;
    for (let s = at; s + part.length <= name.length; s++) {
      if (name[s] === '/') break;
      if (one(part, s)) {
        found = s;
        break;
      }
    }
    if (found < 0) return false;
    at = found + part.length;
  }
  return at === name.length;
}

function copiesManifest(copy: CopyInfo, manifests: readonly string[]): boolean {
  return copy.sources.some((s) => isWholeContext(s) || manifests.some((m) => globMatches(s, m) || posixBasename(cleanPath(s)) === m));
}

/** The directory an install runs in: the stage's, moved by the `cd`s before it in the script (null: unknown). */
function installDir(cwd: string, invs: readonly Invocation[], at: number): string | null {
  let dir = cwd;
  for (let k = 0; k < at; k++) {
    const p = invs[k].program;
    if (p === 'popd') return null;
    if (p !== 'cd' && p !== 'pushd') continue;
    const args = invs[k].args.filter((w) => w.value !== '-P' && w.value !== '-L');
    const v = args[0]?.value;
    if (args.length !== 1 || v === null || v === undefined || v === '-' || v.startsWith('~')) return null;
    dir = resolveDir(dir, v);
  }
  return dir;
}

function flagText(model: DockerfileModel, ins: InstructionInfo, keep?: (name: string) => boolean): string {
  return ins.flags.filter((f) => !keep || keep(f.name)).map((f) => `${model.text.slice(f.start, f.end)} `).join('');
}

/** Ignore and shell comments apply to the instruction right below them. */
const PRAGMA = /^[ \t]*#[ \t]*(?:(?:hadolint|dockerfile-doctor)[ \t]+(?:ignore|shell|global|stage)|check[ \t]*=)/i;

interface Block {
  start: number;
  end: number;
  /** The comment lines right above the instruction hold an ignore comment. */
  pragma: boolean;
}

/**
 * An instruction's lines with their line break and the comment lines right above it (they
 * describe it, and an ignore comment there must stay with it); null when it shares a line.
 */
function block(model: DockerfileModel, ins: InstructionInfo): Block | null {
  const lines = model.lines;
  const at = model.instructions.indexOf(ins);
  const floor = at > 0 ? model.instructions[at - 1].endLine + 1 : 0;
  let top = ins.startLine;
  while (top > floor && /^[ \t]*#/.test(lines.lineText(top - 1))) top--;
  let pragma = false;
  for (let l = top; l < ins.startLine; l++) if (PRAGMA.test(lines.lineText(l))) pragma = true;
  const from = lines.starts[ins.startLine];
  const next = ins.endLine + 1 < lines.lineCount ? lines.starts[ins.endLine + 1] : model.text.length;
  if (model.text.slice(from, ins.start).trim() !== '' || model.text.slice(ins.end, next).trim() !== '') return null;
  return { start: lines.starts[top], end: next, pragma };
}

/** The text of a block, ending with a line break. */
function blockText(model: DockerfileModel, b: Block): string {
  const text = model.text.slice(b.start, b.end);
  return /[\r\n]$/.test(text) ? text : text + model.eol;
}

/**
 * What of the RUN the moved install is: the whole RUN (`whole`), or the first command of a
 * top-level `a && b` chain (the range to delete). Null when it cannot be cut out cleanly.
 */
function removal(model: DockerfileModel, ins: InstructionInfo, script: RunScript, inv: Invocation): { whole: Block } | { start: number; end: number } | null {
  const a = script.analysis;
  const cmd = inv.command;
  if (script.kind !== 'shell' || script.readOnly || a.hasError || a.comments.length > 0) return null;
  if (a.commands[0] !== cmd || !cmd.inMainShell || cmd.inPipeline || cmd.underListRedirect || cmd.listPrev !== null) return null;
  if (a.backgroundJobs.length > 0 || !a.singleStatement) return null;
  const b = block(model, ins);
  // The RUN is only the install: it moves as it is, with its comments.
  if (a.commands.length === 1 && cmd.listNext === null) return b ? { whole: b } : null;
  if (cmd.listNext?.op !== '&&' || a.topLevelOr || !a.flat) return null;
  // An ignore comment of the RUN would no longer cover the install.
  if (!b || b.pragma) return null;
  const start = script.toDoc(cmd.unitStart);
  const end = script.toDoc(cmd.listNext.start);
  // A comment line inside the continuation would go with it: keep such RUNs as they are.
  if (/[\r\n][ \t]*#/.test(model.text.slice(start, end))) return null;
  return { start, end };
}

function check(ctx: RuleContext): void {
  const { model } = ctx;
  const scriptsOf = new Map<InstructionInfo, RunScript[]>();
  for (const s of ctx.shellScripts()) {
    let list = scriptsOf.get(s.ins);
    if (!list) scriptsOf.set(s.ins, (list = []));
    list.push(s.script);
  }
  let cwd = '~';
  let copies: CopyInfo[] = [];
  /** The installs of the stage so far, by the first manifest they read, with their index. */
  let installs: { key: string; index: number }[] = [];
  let stage = -2;
  const list = model.instructions;
  for (let i = 0; i < list.length; i++) {
    const ins = list[i];
    if (ins.stage !== stage || ins.keyword === 'FROM') {
      stage = ins.stage;
      cwd = '~';
      copies = [];
      installs = [];
    }
    if (ins.keyword === 'WORKDIR') {
      const w = ins.args[0] ? unquote(ins.args[0].value) : '';
      cwd = w === '' ? cwd : resolveDir(cwd, w);
      continue;
    }
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const c = copyOf(ins, i, cwd);
      if (c) copies.push(c);
      continue;
    }
    if (ins.keyword !== 'RUN') continue;
    const mounts = mountsOf(ins);
    // One finding per RUN and manifest: `if [ -f package-lock.json ]; then npm ci; else npm install; fi` is one problem.
    const reported = new Set<string>();
    for (const script of scriptsOf.get(ins) ?? []) {
      const invs = ctx.invocations(script);
      for (let k = 0; k < invs.length; k++) {
        const mi = manifestInstall(invs[k]);
        if (!mi) continue;
        const key = mi.manifests[0];
        const dir = installDir(cwd, invs, k);
        installs.push({ key, index: i });
        if (dir === null) continue;
        // The last COPY of the whole context into the directory the install runs in.
        let all: CopyInfo | undefined;
        for (let c = copies.length - 1; c >= 0 && !all; c--) {
          if (copies[c].dest === dir && copies[c].sources.some(isWholeContext)) all = copies[c];
        }
        if (!all) continue;
        // `RUN --mount=type=bind,source=package.json …`: the install reads a mounted manifest on purpose.
        if (mounts.some((m) => m.type === 'bind' && mi.manifests.some((f) => posixBasename(m.options.get('source') ?? m.options.get('src') ?? '') === f || posixBasename(m.target) === f))) continue;
        // Manifests copied before the `COPY . .` and installed in between: the dependency layer is cached.
        const earlier = copies.filter((c) => c.index < all!.index && copiesManifest(c, mi.manifests));
        const firstEarlier = earlier.length > 0 ? earlier[0].index : -1;
        if (earlier.length > 0 && installs.some((x) => x.key === key && x.index > firstEarlier && x.index < all!.index)) continue;
        if (reported.has(key)) continue;
        reported.add(key);
        report(ctx, ins, script, invs[k], mi, list[all.index], all, earlier.length > 0, list.slice(all.index + 1, i));
      }
    }
  }
}

function report(ctx: RuleContext, ins: InstructionInfo, script: RunScript, inv: Invocation, mi: ManifestInstall, copyIns: InstructionInfo, all: CopyInfo, manifestsCopied: boolean, between: InstructionInfo[]): void {
  const { model } = ctx;
  const cmd = inv.command;
  const start = script.toDoc(cmd.start);
  const end = script.toDoc(cmd.end, true);
  let fix: CacheFact['fix'] = null;
  // `COPY . /app` ⏎ `WORKDIR /app` ⏎ `RUN pip install -r …`: the WORKDIR moves up too (the copy's
  // absolute destination does not depend on it), so the install still runs in /app.
  const workdirs = between.filter((b) => b.keyword === 'WORKDIR').map((w) => block(model, w));
  const inert = between.every((b) => INERT.has(b.keyword) || b.keyword === 'WORKDIR')
    && (workdirs.length === 0 || (all.destText.startsWith('/') && workdirs.every((m) => m !== null)));
  const copyBlock = block(model, copyIns);
  const indent = model.text.slice(model.lines.starts[copyIns.startLine], copyIns.start);
  const remove = mi.movable ? removal(model, ins, script, inv) : null;
  const step = mi.movable ? (remove ? script.text.slice(cmd.unitStart, cmd.unitEnd) : null) : mi.dependencyStep;
  const okFlags = copyIns.flags.every((f) => ['chown', 'chmod', 'link', 'exclude', 'parents'].includes(f.name));
  // A relative destination with no WORKDIR before it in the stage is copy-relative-without-workdir's
  // finding already; a second such COPY would be one more (set the WORKDIR first).
  const unanchored = !all.destText.startsWith('/') && all.dest.startsWith('~');
  // With the manifests already copied, the install alone goes before `COPY . .`: not right after another RUN (that would be two RUNs in a row).
  const prev = model.instructions[model.instructions.indexOf(copyIns) - 1];
  const afterRun = manifestsCopied && prev?.keyword === 'RUN';
  if (inert && !afterRun && !unanchored && copyBlock && step !== null && indent.trim() === '' && okFlags && !/[\r\n]/.test(step)) {
    const runLine = `${indent}${matchKeywordCase(ins.keywordText, 'RUN')} ${flagText(model, ins)}${step.trim()}${model.eol}`;
    const removals = workdirs.map((w) => ctx.range(w!.start, w!.end));
    if (remove) removals.push('whole' in remove ? ctx.range(remove.whole.start, remove.whole.end) : ctx.range(remove.start, remove.end));
    fix = {
      insertAt: ctx.range(copyBlock.start, copyBlock.start),
      indent,
      eol: model.eol,
      copyPrefix: `${matchKeywordCase(copyIns.keywordText, 'COPY')} ${flagText(model, copyIns, (n) => n === 'chown' || n === 'chmod' || n === 'link')}`,
      dest: all.destText.endsWith('/') ? all.destText : `${all.destText}/`,
      prefix: workdirs.map((w) => blockText(model, w!)).join(''),
      runText: remove && 'whole' in remove ? blockText(model, remove.whole) : runLine,
      moves: remove !== null,
      removals,
    };
  }
  ctx.fact({
    range: ctx.range(start, end),
    instruction: ctx.range(ins.start, ins.start),
    label: mi.label,
    copyText: model.text.slice(copyIns.start, copyIns.end).split(/\r?\n|\r/, 1)[0].trim(),
    manifests: mi.manifests,
    required: mi.required,
    fallback: mi.fallback,
    manifestsCopied,
    fix,
  } satisfies CacheFact);
}

/** Docker paths are POSIX paths on every platform (no `node:path` here: the browser build has none). */
function trimSlashes(p: string): string {
  let end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(0, end);
}

function posixBasename(p: string): string {
  const trimmed = trimSlashes(p);
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function posixDirname(p: string): string {
  const trimmed = trimSlashes(p);
  const at = trimmed.lastIndexOf('/');
  return at < 0 ? '.' : at === 0 ? '/' : trimmed.slice(0, at);
}

/** The manifests to copy: those in the build context when it is known, else the conventional ones (null: a required one is missing). */
function filesToCopy(ctx: FileRuleContext, f: CacheFact): string[] | null {
  const c = ctx.context;
  const fsPath = hostFs()?.path;
  if (!c || !fsPath || !pathExists(c.buildContext)) return f.fallback;
  const matcher = ignoreFor(c.dockerfile, c.buildContext);
  const present = (m: string) => pathExists(fsPath.join(c.buildContext, m)) && matcher?.excludedBy(m) === undefined;
  if (!f.manifests.slice(0, f.required).every(present)) return null;
  return f.manifests.filter(present);
}

/** One `COPY` line per folder of the files (`requirements/base.txt` goes to `<dest>requirements/`). */
function copyLines(prefix: string, dest: string, files: readonly string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const dir = posixDirname(f);
    const key = dir === '.' ? '' : `${dir}/`;
    byDir.set(key, [...(byDir.get(key) ?? []), f]);
  }
  return [...byDir].map(([dir, list]) => `${prefix}${list.join(' ')} ${dest}${dir}`);
}

function checkFile(ctx: FileRuleContext): void {
  for (const f of ctx.facts as CacheFact[]) {
    const files = filesToCopy(ctx, f);
    const shown = (files ?? f.fallback).join(' ');
    const message = f.manifestsCopied
      ? t('"{0}" runs after "{1}": every source change re-runs it; install right after copying {2}, before "{1}"', f.label, f.copyText, shown)
      : t('"{0}" runs after "{1}": every source change re-runs it; copy {2} first and install before "{1}"', f.label, f.copyText, shown);
    const fixes: NonNullable<Parameters<FileRuleContext['report']>[0]['fixes']> = [];
    if (f.fix && files && files.length > 0) {
      const x = f.fix;
      const copies = f.manifestsCopied ? '' : copyLines(x.copyPrefix, x.dest, files).map((l) => `${x.indent}${l}${x.eol}`).join('');
      const edits = [{ range: x.insertAt, newText: `${x.prefix}${copies}${x.runText}` }];
      for (const r of x.removals) edits.push({ range: r, newText: '' });
      fixes.push({
        title: !x.moves
          ? t('Add a dependency-only step before "{0}": copy {1}, then "{2}"', f.copyText, files.join(' '), x.runText.trim())
          : f.manifestsCopied
            ? t('Move "{0}" before "{1}"', f.label, f.copyText)
            : t('Copy {0} and move "{1}" before "{2}"', files.join(' '), f.label, f.copyText),
        safety: 'suggestion',
        edits,
      });
    }
    ctx.report({ range: f.range, message, instructionLine: f.instruction.start.line, fixes });
  }
}

export const copyAllBeforeInstall: Rule = {
  id: 'copy-all-before-install',
  defaultSeverity: 'info',
  related: {},
  description: 'COPY of the whole build context before a dependency install',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'copy the manifests and install first (suggestion)',
  check,
  checkFile,
};
