/**
 * Sorting the packages of an install command (`apt-get install`, `apk add`, `dnf install`,
 * `zypper in`, `pip install`, `gem install`, `npm install -g`) and dropping exact duplicates.
 * Shared by the opt-in rule install-packages-unsorted and the "Sort packages" refactoring.
 *
 * Only *runs* of plain package words are sorted: consecutive operands with nothing but blanks
 * and line continuations between them. An option (and its value), an expansion (`$PKGS`,
 * `$(cat list)`), a glob or brace pattern, a redirect or a comment line inside the
 * continuation ends a run, and no word ever moves across it. The words are put back into the
 * places the run's words had, so one-package-per-line lists keep each line's indentation and
 * `\`, and several packages on one line stay on it. A duplicate (the same word again in the
 * run; `curl` and `curl=7.1` are different words) is dropped with the blank before it.
 */
import type { DockerfileModel, InstructionInfo, StageFacts } from '../../../model';
import { disjoint } from '../../../shell/edits';
import { invocations, parseArgs, patternWord, type Invocation } from '../../../shell/facts';
import { runScripts } from '../../../shell/script';
import { isPosixShell } from '../../../shell/shells';
import { scanPragmas } from '../../../suppressions';
import { readApk } from '../../../shell/apk';
import { readRpm } from '../../../shell/rpm';
import type { Word } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import type { OffsetEdit } from '../../../text';
import type { FixSafety, RuleContext } from '../../types';
import { APT_VALUE_OPTIONS } from '../apt/_apt';
import { NPM_INSTALL, pipCalls, PIP_VALUE_OPTIONS } from '../lang/_lang';

type Family = 'apt' | 'apk' | 'rpm' | 'pip' | 'gem' | 'npm';

/** An install command as the sorter reads it. */
interface InstallCall {
  family: Family;
  /** `apt-get install`, `apk add`, `npm install -g` … for messages. */
  label: string;
  /** The words after the subcommand, in order (options included). */
  words: readonly Word[];
  /** Of those, the package operands (not options, not option values). */
  operands: ReadonlySet<Word>;
  /** Offsets (script) of the program word, for the report. */
  start: number;
}

export interface SortPlan {
  label: string;
  /** Doc offsets of the first and last package word that moves or goes. */
  start: number;
  end: number;
  edits: OffsetEdit[];
  /** The words dropped as duplicates (their text). */
  duplicates: string[];
  /** Some word changes place. */
  reordered: boolean;
  safety: FixSafety;
}

const GEM_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-p', '--http-proxy',
  '--build-root', '-P', '--trust-policy', '--target-rbconfig', '--config-file', '-g', '--file',
]);
const NPM_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--prefix', '--registry', '--tag', '-w', '--workspace', '--cache', '--userconfig', '--globalconfig', '--omit',
  '--include', '--install-strategy', '--loglevel', '--save-prefix', '--location', '--os', '--cpu', '--libc',
  '--before', '--otp', '--script-shell', '-C', '--dir',
]);

function after(words: readonly Word[], sub: Word): Word[] {
  return words.filter((w) => w.start >= sub.end);
}

/** The install commands among a script's invocations, in source order. */
function installCalls(script: RunScript, invs: readonly Invocation[]): InstallCall[] {
  const out: InstallCall[] = [];
  for (const inv of invs) {
    const p = inv.program;
    if (p === 'apt-get' || p === 'apt') {
      const args = parseArgs(inv.args, APT_VALUE_OPTIONS);
      const sub = args.positionals[0];
      if (sub?.value !== 'install') continue;
      out.push({ family: 'apt', label: `${p} install`, words: after(inv.args, sub), operands: new Set(args.positionals.slice(1)), start: inv.programStart });
      continue;
    }
    const apk = readApk(inv);
    if (apk) {
      if (apk.subcommand?.value !== 'add') continue;
      out.push({ family: 'apk', label: 'apk add', words: after(inv.args, apk.subcommand), operands: new Set(apk.operands), start: inv.programStart });
      continue;
    }
    const rpm = readRpm(inv);
    if (rpm) {
      const sub = rpm.sub?.value;
      const ok = rpm.family === 'zypper' ? sub === 'install' || sub === 'in' : sub === 'install';
      if (!ok || !rpm.sub) continue;
      out.push({ family: 'rpm', label: `${rpm.program} ${sub}`, words: after(inv.args, rpm.sub), operands: new Set(rpm.operands), start: inv.programStart });
      continue;
    }
    if (p === 'gem' || p === 'npm') {
      const args = parseArgs(inv.args, p === 'gem' ? GEM_VALUE_OPTIONS : NPM_VALUE_OPTIONS);
      const sub = args.positionals[0];
      if (!sub || sub.value === null) continue;
      if (p === 'gem' && sub.value !== 'install') continue;
      if (p === 'npm' && (!NPM_INSTALL.has(sub.value) || !(args.has('-g', '--global') || args.valueOf('--location') === 'global'))) continue;
      out.push({ family: p, label: p === 'gem' ? 'gem install' : `npm ${sub.value} -g`, words: after(inv.args, sub), operands: new Set(args.positionals.slice(1)), start: inv.programStart });
    }
  }
  // pip, `pip3.12`, `python3 -m pip`: read the way the pip rules read them.
  const ctx = { invocations: () => invs } as unknown as RuleContext;
  for (const call of pipCalls(ctx, script)) {
    if (call.sub?.value !== 'install') continue;
    out.push({ family: 'pip', label: 'pip install', words: after(call.words, call.sub), operands: new Set(call.operands), start: call.start });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A package word whose place in the list carries no meaning. */
function plainPackage(w: Word, family: Family): boolean {
  const v = w.value;
  if (v === null || v === '' || v.startsWith('-') || /[\s!]/.test(v) || v.startsWith('~') || patternWord(w.raw)) return false;
  // `apt-get install foo-` removes foo: `foo foo-` means something else in another order.
  if (family === 'apt' && v.endsWith('-')) return false;
  return true;
}

/** The package name of a word, for the primary sort key (versions and pins after it). */
function nameOf(v: string, family: Family): string {
  let cut: number;
  switch (family) {
    case 'apt': cut = v.search(/[=/]/); break;
    case 'apk': cut = v.search(/[=<>~]/); break;
    case 'pip': cut = v.search(/[=<>!~;[@\s]/); break;
    case 'gem': cut = v.indexOf(':'); break;
    case 'npm': cut = v.indexOf('@', 1); break;
    default: cut = -1;
  }
  return (cut > 0 ? v.slice(0, cut) : v).toLowerCase();
}

function compare(a: Word, b: Word, family: Family): number {
  const na = nameOf(a.value!, family);
  const nb = nameOf(b.value!, family);
  if (na !== nb) return na < nb ? -1 : 1;
  if (a.value !== b.value) return a.value! < b.value! ? -1 : 1;
  return a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0;
}

/** Only blanks and line continuations (the escape character before a line break) between two words. */
function blankGap(text: string, escape: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    // Docker's continuation (the file's escape character), or the shell's own `\` (heredocs, `sh -c '…'`).
    if ((c === escape || c === '\\') && (text[i + 1] === '\n' || text[i + 1] === '\r')) continue;
    return false;
  }
  return true;
}

/**
 * What sorting the packages of each install command of a script would change: one plan per
 * command that is not sorted or lists a word twice. Empty for a script that cannot be edited
 * (`readOnly`), has a parse error, or was too long to analyse.
 */
export function sortPlans(docText: string, script: RunScript, invs: readonly Invocation[], escape = '\\'): SortPlan[] {
  const a = script.analysis;
  if (script.readOnly || a.skipped || a.hasError) return [];
  const plans: SortPlan[] = [];
  for (const call of installCalls(script, invs)) {
    const runs: { word: Word; start: number; end: number }[][] = [];
    let run: { word: Word; start: number; end: number }[] = [];
    const close = () => {
      if (run.length > 1) runs.push(run);
      run = [];
    };
    for (const w of call.words) {
      const start = script.toDoc(w.start);
      const end = script.toDoc(w.end, true);
      const usable = call.operands.has(w) && plainPackage(w, call.family) && docText.slice(start, end) === w.raw;
      if (!usable) {
        close();
        continue;
      }
      const prev = run[run.length - 1];
      if (prev && !blankGap(docText.slice(prev.end, start), escape)) close();
      run.push({ word: w, start, end });
    }
    close();
    const edits: OffsetEdit[] = [];
    const duplicates: string[] = [];
    let reordered = false;
    let first = Infinity;
    let last = -1;
    for (const r of runs) {
      const seen = new Set<string>();
      const kept: Word[] = [];
      for (const { word } of r) {
        if (seen.has(word.value!)) duplicates.push(word.raw);
        else {
          seen.add(word.value!);
          kept.push(word);
        }
      }
      const sorted = [...kept].sort((x, y) => compare(x, y, call.family));
      for (let i = 0; i < sorted.length; i++) {
        if (sorted[i] === r[i].word) continue;
        reordered ||= kept[i] !== sorted[i];
        edits.push({ start: r[i].start, end: r[i].end, newText: sorted[i].raw });
        first = Math.min(first, r[i].start);
        last = Math.max(last, r[i].end);
      }
      if (sorted.length < r.length) {
        // The places left over at the end of the run go, each with the blank before it.
        const from = r[sorted.length - 1].end;
        const to = r[r.length - 1].end;
        edits.push({ start: from, end: to, newText: '' });
        first = Math.min(first, r[sorted.length].start);
        last = Math.max(last, to);
      }
    }
    if (edits.length === 0) continue;
    // Order does not matter to one apt/apk/dnf/zypper transaction. pip's resolver can pick other
    // versions in pathological cases, and gem / npm -g install one after the other (the last
    // one's executable wins a name clash): review those.
    const safety: FixSafety = call.family === 'pip' || call.family === 'gem' || call.family === 'npm' ? 'unsafe' : 'safe';
    plans.push({ label: call.label, start: first, end: last, edits, duplicates, reordered, safety });
  }
  return plans;
}

/**
 * The "Sort packages" refactoring: the edits that sort every install command of the RUN (or
 * `ONBUILD RUN`) on `line`, with the safety of the least safe one; null when there is nothing
 * to sort or the RUN is not POSIX shell (a SHELL, a Windows base image, `# hadolint shell=pwsh`).
 * Reads the whole document's model, so the action needs no state kept by the server.
 */
export function sortPackagesAt(model: DockerfileModel, line: number): { edits: OffsetEdit[]; safety: FixSafety } | null {
  const list = model.instructions;
  const at = list.findIndex((i) => i.startLine <= line && line <= i.endLine);
  const outer = list[at];
  if (!outer) return null;
  const run = outer.keyword === 'RUN' ? outer : outer.keyword === 'ONBUILD' && outer.trigger?.keyword === 'RUN' ? outer.trigger : undefined;
  if (!run) return null;
  // The SHELL in force: the last one of the stage before it, else the one inherited through FROM <stage>.
  let shell: string[] | null | undefined = null;
  let own = false;
  for (let i = at - 1; i >= 0 && list[i].keyword !== 'FROM'; i--) {
    if (list[i].keyword === 'SHELL') {
      shell = Array.isArray(list[i].json) ? list[i].json as string[] : undefined;
      own = true;
      break;
    }
  }
  let stage: StageFacts | undefined;
  for (const st of model.fileStages) {
    if (st.line > outer.startLine) break;
    stage = st;
  }
  if (!own) shell = stage?.inherited.shell ?? null;
  if (!isPosixShell(shell, stage?.inherited.image ?? '')) return null;
  const instructionAt = (l: number): InstructionInfo | undefined => {
    // Binary search: the instructions are in line order.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].endLine < l) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] && list[lo].startLine <= l ? list[lo] : undefined;
  };
  if (scanPragmas(model.lines, list, instructionAt).shellIsNotPosix(outer)) return null;
  const edits: OffsetEdit[] = [];
  let safety: FixSafety = 'safe';
  for (const script of runScripts(model, run)) {
    for (const plan of sortPlans(model.text, script, invocations(script.analysis), model.escape)) {
      edits.push(...plan.edits);
      if (plan.safety !== 'safe') safety = plan.safety;
    }
  }
  return edits.length > 0 && disjoint(edits) ? { edits, safety } : null;
}
