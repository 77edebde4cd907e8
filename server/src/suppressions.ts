/**
 * Suppression comments, read from one line of text (positions are characters in that line):
 *
 *   # hadolint ignore=DL3008,DL3009 # reason        the next instruction
 *   # hadolint stage ignore=DL3008                   the stage whose FROM follows
 *   # hadolint global ignore=DL3008                  the whole file
 *   # dockerfile-doctor [global|stage] ignore=apt-get-unpinned   the same, with our ids
 *   # check=skip=JSONArgsRecommended                 (not a parser directive) the next instruction
 *   # hadolint shell=pwsh                            the shell of the instructions that follow
 *
 * Codes are our ids, hadolint codes or BuildKit check names; text after a second `#` is the
 * reason and is ignored.
 */
import type { InstructionInfo } from './model';
import type { LineIndex } from './text';

export type PragmaScope = 'next' | 'stage' | 'global';

export interface PragmaEntry {
  code: string;
  start: number;
  end: number;
}

export interface IgnorePragma {
  kind: 'ignore';
  tool: 'hadolint' | 'dockerfile-doctor' | 'check';
  scope: PragmaScope;
  /** The list after `=` (up to a `#` reason or the end), where the entries are. */
  listStart: number;
  listEnd: number;
  entries: PragmaEntry[];
}

export interface ShellPragma {
  kind: 'shell';
  shell: string;
}

const IGNORE = /^(\uFEFF?[ \t]*#[ \t]*)(hadolint|dockerfile-doctor)[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=/i;
const CHECK = /^\uFEFF?[ \t]*#[ \t]*check[ \t]*=/i;
const SHELL = /^\uFEFF?[ \t]*#[ \t]*hadolint[ \t]+shell[ \t]*=[ \t]*([^\s#]+)/i;

function entriesOf(line: string, from: number, to: number): PragmaEntry[] {
  const out: PragmaEntry[] = [];
  let at = from;
  while (at <= to) {
    let comma = line.indexOf(',', at);
    if (comma < 0 || comma > to) comma = to;
    let s = at;
    let e = comma;
    while (s < e && (line[s] === ' ' || line[s] === '\t')) s++;
    while (e > s && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
    // `ignore=DL3008 because…` without a `#`: the code is the first word.
    const space = line.slice(s, e).search(/[ \t]/);
    if (space > 0) e = s + space;
    if (e > s) out.push({ code: line.slice(s, e), start: s, end: e });
    at = comma + 1;
  }
  return out;
}

/** The suppression or shell pragma on a comment line, or null. */
export function parsePragma(line: string): IgnorePragma | ShellPragma | null {
  const m = IGNORE.exec(line);
  if (m) {
    const listStart = m[0].length;
    let listEnd = line.indexOf('#', listStart);
    if (listEnd < 0) listEnd = line.length;
    while (listEnd > listStart && /\s/.test(line[listEnd - 1])) listEnd--;
    const scope = (m[3]?.toLowerCase() as PragmaScope | undefined) ?? 'next';
    return { kind: 'ignore', tool: m[2].toLowerCase() as 'hadolint' | 'dockerfile-doctor', scope, listStart, listEnd, entries: entriesOf(line, listStart, listEnd) };
  }
  const c = CHECK.exec(line);
  if (c) {
    const skip = /(?:^|;)[ \t]*skip[ \t]*=[ \t]*([^;#]*)/i.exec(line.slice(c[0].length));
    if (!skip) return null;
    const listStart = c[0].length + skip.index + skip[0].length - skip[1].length;
    let listEnd = listStart + skip[1].length;
    while (listEnd > listStart && /\s/.test(line[listEnd - 1])) listEnd--;
    return { kind: 'ignore', tool: 'check', scope: 'next', listStart, listEnd, entries: entriesOf(line, listStart, listEnd) };
  }
  const s = SHELL.exec(line);
  if (s) return { kind: 'shell', shell: s[1] };
  return null;
}

/** `# check=skip=A,B;error=true;experimental=C` parser directive, read from its value. */
export interface CheckDirective {
  skip: string[];
  error: boolean;
  experimental: string[];
}

export function parseCheckDirective(value: string): CheckDirective {
  const out: CheckDirective = { skip: [], error: false, experimental: [] };
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const list = part.slice(eq + 1).split(',').map((s) => s.trim()).filter(Boolean);
    if (key === 'skip') out.skip.push(...list);
    else if (key === 'experimental') out.experimental.push(...list);
    else if (key === 'error') out.error = /^true$/i.test(part.slice(eq + 1).trim());
  }
  return out;
}

/** Shells hadolint's `shell=` pragma names that are not POSIX shells (its rules for sh do not apply). */
export function isNonPosixPragmaShell(shell: string): boolean {
  return /^(?:pwsh|powershell|cmd)(?:\.exe)?$/i.test(shell);
}

const COMMENT_LINE = /^\uFEFF?[ \t]*#/;

/**
 * One pass over a chunk's comment lines outside instructions (not heredoc bodies, not comments
 * between continuation lines): its ignore comments (for the unused-ignore report), and which
 * instructions a `# hadolint shell=pwsh` covers — those after it in its stage; a pragma right
 * above a FROM (only comments between) is that stage's.
 */
export function scanPragmas(lines: LineIndex, instructions: readonly InstructionInfo[], instructionAt: (line: number) => InstructionInfo | undefined): {
  pragmaLines: { line: number; pragma: IgnorePragma }[];
  shellIsNotPosix: (ins: InstructionInfo) => boolean;
} {
  const shellPragmas: { stage: number; line: number; shell: string }[] = [];
  const pragmaLines: { line: number; pragma: IgnorePragma }[] = [];
  const fromLines = instructions.filter((x) => x.keyword === 'FROM').map((x) => x.startLine);
  /** The start line of the stage a line is in (the FROM at or before it; -1 before the first). */
  const stageStart = (line: number): number => {
    let lo = 0;
    let hi = fromLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fromLines[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? fromLines[lo - 1] : -1;
  };
  for (let l = 0; l < lines.lineCount; l++) {
    const lt = lines.lineText(l);
    if (!COMMENT_LINE.test(lt) || !/shell|ignore|check/i.test(lt) || instructionAt(l)) continue;
    const p = parsePragma(lt);
    if (p?.kind === 'ignore' && p.scope !== 'global') pragmaLines.push({ line: l, pragma: p });
    if (p?.kind !== 'shell') continue;
    let n = l + 1;
    while (n < lines.lineCount && COMMENT_LINE.test(lines.lineText(n))) n++;
    const next = instructionAt(n);
    shellPragmas.push({ stage: next?.keyword === 'FROM' && next.startLine === n ? n : stageStart(l), line: l, shell: p.shell });
  }
  const shellIsNotPosix = (ins: InstructionInfo): boolean => {
    if (shellPragmas.length === 0) return false;
    // The last pragma above the instruction, if it is in the instruction's stage.
    let lo = 0;
    let hi = shellPragmas.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shellPragmas[mid].line < ins.startLine) lo = mid + 1;
      else hi = mid;
    }
    const p = lo > 0 ? shellPragmas[lo - 1] : undefined;
    return !!p && p.stage === stageStart(ins.startLine) && isNonPosixPragmaShell(p.shell);
  };
  return { pragmaLines, shellIsNotPosix };
}
