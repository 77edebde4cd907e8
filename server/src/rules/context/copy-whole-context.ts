/**
 * copy-whole-context — hadolint DL4007: `COPY .` (or `./`) copies the whole build context
 * into the image, `.git`, `.env` and local configs included unless something keeps them out.
 *
 * `check` records each `.` source (with the instruction's `--exclude` patterns) as a fact;
 * `checkFile` decides with the build context, which only it may read: when the context is
 * known, its ignore file (`<Dockerfile>.dockerignore`, else `.dockerignore`) and the
 * `--exclude` flags must keep `.env` out, and `.git` when the context holds one. Without a
 * context (untitled buffer, file outside the workspace, stdin, the browser) every `.` source
 * is reported, as hadolint does.
 */
import { hostFs } from '../../host/host';
import { t } from '../../l10n';
import type { InstructionInfo } from '../../model';
import type { Range } from '../../text';
import type { FileRuleContext, Rule, RuleContext } from '../types';
import { expandWord } from '../variables/_vars';
import { ignoreFor, pathExists } from './_fs';
import { cleanPath, parseIgnore } from './_ignore';
import en from './copy-whole-context.md';
import zhCn from './copy-whole-context.zh-cn.md';

/** One whole-context source: what `checkFile` needs. */
export interface WholeContextFact {
  /** `COPY` or `ADD`. */
  keyword: string;
  /** The source after quote removal: `.`, `./` … */
  source: string;
  range: Range;
  instruction: Range;
  /** The instruction's `--exclude` patterns, in order (a pattern with a variable is left out). */
  excludes: string[];
}

/** What must not reach the image (paths at the root of the context). */
const SENSITIVE = ['.git', '.env'];

/** `.`, `./`, `./.`, `/` … — every spelling of the context's root. */
function isWholeContext(value: string): boolean {
  return value !== '' && cleanPath(value.replace(/\\/g, '/')) === '';
}

/**
 * The offsets of the string literals of a JSON array (quotes included), in order; null when
 * they cannot be matched one to one with `count` parsed strings.
 */
function jsonStringRanges(text: string, from: number, to: number, count: number): [number, number][] | null {
  const out: [number, number][] = [];
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 34) continue;
    const start = i;
    for (i++; i < to && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    if (i >= to) return null;
    out.push([start, i + 1]);
  }
  return out.length === count ? out : null;
}

function excludesOf(ins: InstructionInfo, escape: string): string[] {
  const out: string[] = [];
  for (const f of ins.flags) {
    if (f.name !== 'exclude' || f.value === null) continue;
    const ex = expandWord(f.value, escape);
    if (ex.refs.length === 0 && !ex.error && ex.value !== '') out.push(ex.value);
  }
  return out;
}

function check(ctx: RuleContext): void {
  const { model } = ctx;
  // Top-level instructions only: an `ONBUILD COPY .` copies the context of a later build
  // (FROM this image), whose ignore file is not ours to see (see the docs).
  for (const ins of model.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    // `--from=<stage or image>`: copies from there, not from the build context.
    if (ins.flags.some((f) => f.name === 'from')) continue;
    const words: { value: string; start: number; end: number }[] = [];
    if (Array.isArray(ins.json)) {
      if (ins.json.length < 2) continue;
      const from = ins.bodyStart ?? ins.start;
      const ranges = jsonStringRanges(model.text, from, ins.end, ins.json.length);
      ins.json.slice(0, -1).forEach((value, k) => {
        const r = ranges ? ranges[k] : [from, ins.end];
        words.push({ value, start: r[0], end: r[1] });
      });
    } else if (ins.json === null) {
      continue;
    } else {
      // Heredoc sources (`COPY <<EOF /x`) are inline files, never the context.
      const args = ins.args.filter((a) => !a.value.startsWith('<<') && !ins.heredocs.some((h) => a.start >= h.contentStart && a.start <= h.contentEnd));
      if (args.length < 2 || ins.args.length !== args.length) continue;
      for (const a of args.slice(0, -1)) {
        const ex = expandWord(model.text.slice(a.start, a.end), model.escape);
        // A variable's value is unknown here.
        if (ex.refs.length > 0 || ex.error) continue;
        words.push({ value: ex.value, start: a.start, end: a.end });
      }
    }
    const excludes = excludesOf(ins, model.escape);
    for (const w of words) {
      if (!isWholeContext(w.value)) continue;
      ctx.fact({
        keyword: ins.keyword,
        source: w.value,
        range: ctx.range(w.start, w.end),
        instruction: ctx.range(ins.start, ins.start),
        excludes,
      } satisfies WholeContextFact);
    }
  }
}

function checkFile(ctx: FileRuleContext): void {
  const facts = ctx.facts as WholeContextFact[];
  if (facts.length === 0) return;
  const c = ctx.context;
  const fsPath = hostFs()?.path;
  // The context is known only when it is there on disk.
  const known = c !== undefined && fsPath !== undefined && pathExists(c.buildContext);
  const matcher = known ? ignoreFor(c!.dockerfile, c!.buildContext) : null;
  // A context without `.git` (a folder below the repository root) cannot leak it; `.env` files
  // come and go on developers' machines, so it must be excluded whether it is there or not.
  const sensitive = known ? SENSITIVE.filter((p) => p !== '.git' || pathExists(fsPath!.join(c!.buildContext, p))) : SENSITIVE;
  for (const f of facts) {
    const flags = f.excludes.length > 0 ? parseIgnore(f.excludes.join('\n'), '--exclude') : null;
    const leaked = sensitive.filter((p) => flags?.excludedBy(p) === undefined && matcher?.excludedBy(p) === undefined);
    if (leaked.length === 0) continue;
    let message: string;
    if (!known) {
      message = t('{0} with "{1}" as source copies the whole build context: files like .git, .env or local configs can leak into the image; copy only the files the image needs', f.keyword, f.source);
    } else if (!matcher) {
      message = t('{0} with "{1}" as source copies the whole build context, and there is no .dockerignore: .git, .env and local configs end up in the image; add a .dockerignore or copy only the files the image needs', f.keyword, f.source);
    } else {
      message = t('{0} with "{1}" as source copies the whole build context, and {2} does not exclude {3}; exclude what the image must not hold, or copy only the files it needs', f.keyword, f.source, matcher.file, leaked.join(', '));
    }
    ctx.report({ range: f.range, message, instructionLine: f.instruction.start.line });
  }
}

export const copyWholeContext: Rule = {
  id: 'copy-whole-context',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL4007' },
  description: 'COPY or ADD of the whole build context (.) while .git or .env is not excluded',
  docs: { en, 'zh-cn': zhCn },
  check,
  checkFile,
};
