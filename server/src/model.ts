/**
 * The Dockerfile model the rules read: built once per parse from dockerfile-ast,
 * with offsets into the parsed text so rules and fixes never re-scan the file.
 */
import { DockerfileParser, Instruction, type Heredoc } from 'dockerfile-ast';
import { LineIndex, detectEol, trimBlankEnd, type Range } from './text';

/**
 * dockerfile-ast re-splits an instruction's text every time anything asks for its arguments
 * (getArguments, getFlags, heredocs, the parser itself): three to five times per instruction,
 * the largest cost of a first open. The split never changes (a parsed document is immutable),
 * so it is computed once per instruction; callers get a copy (some shift() it).
 */
{
  type WithRaw = { getRawArguments(): unknown[] };
  const proto = Instruction.prototype as unknown as WithRaw;
  const raw = proto.getRawArguments;
  if (typeof raw === 'function' && !(raw as { memoized?: boolean }).memoized) {
    const memo = new WeakMap<object, unknown[]>();
    const memoized = function (this: object): unknown[] {
      let v = memo.get(this);
      if (!v) {
        v = raw.call(this);
        memo.set(this, v);
      }
      return v.slice();
    };
    (memoized as { memoized?: boolean }).memoized = true;
    proto.getRawArguments = memoized;
  }
}

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Instructions whose arguments may be written in JSON (exec) form. */
export const JSON_FORM_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);

export interface FlagInfo {
  name: string;
  value: string | null;
  /** Offsets of the whole flag, `--name=value`. */
  start: number;
  end: number;
}

export interface HeredocInfo {
  name: string;
  /** Offsets of the body (may be empty) and of the closing delimiter (null when unterminated). */
  contentStart: number;
  contentEnd: number;
  terminated: boolean;
}

export interface ArgInfo {
  value: string;
  start: number;
  end: number;
}

export interface InstructionInfo {
  /** Upper-case keyword, e.g. `RUN`. */
  keyword: string;
  /** The keyword as written, e.g. `run`. */
  keywordText: string;
  keywordStart: number;
  keywordEnd: number;
  /** Offsets of the whole instruction, from the keyword to the end of its last line's content. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  flags: FlagInfo[];
  /** Arguments after the flags (shell words as dockerfile-ast splits them). */
  args: ArgInfo[];
  /** Where the arguments after the flags begin (null when there are none). */
  bodyStart: number | null;
  /** `undefined`: not JSON-looking; `null`: looks like JSON but is malformed; else the strings. */
  json: string[] | null | undefined;
  heredocs: HeredocInfo[];
  /** Index of the build stage (0 = before or at the first FROM's stage; -1 before any FROM). */
  stage: number;
  /** `ONBUILD <trigger>`: the trigger instruction, described the same way (offsets in this text). */
  trigger?: InstructionInfo;
  node: Instruction;
}

export interface Directive {
  name: string;
  value: string;
  line: number;
}

export interface CommentInfo {
  line: number;
  /** The text after `#`, trimmed. */
  content: string;
}

export interface FileStyle {
  indent: string;
  leadingOperator: boolean;
  /** The line break new lines get: the file's majority (CRLF files stay CRLF). */
  eol: string;
  /** Every stage of the file (the linter checks one stage at a time; some rules need the rest). */
  stages: StageFacts[];
}

export interface StageFacts {
  /** Its index among the file's stages. */
  index: number;
  /** The line of its FROM. */
  line: number;
  /**
   * Its layers end up in the final image: it is the last stage or an ancestor of it through
   * `FROM <stage>` (a stage only copied from is not).
   */
  reachesFinal: boolean;
  /** `AS name`, lower case. */
  name: string | null;
  /** The image or stage it starts from, lower case. */
  from: string;
  /** Its last SHELL: the JSON array, `undefined` when unreadable, `null` when none. */
  shell: string[] | null | undefined;
  /** What it inherits when it starts from an earlier stage: that stage's shell and base image. */
  inherited: { shell: string[] | null | undefined; image: string };
}

/**
 * The stages of a file from its `FROM` and `SHELL` lines: one pass that looks at a line only
 * when it starts with f/F/s/S. (Like the chunking, it reads lines, not instructions: a `FROM`
 * line inside a heredoc would count, which only ever makes a rule more careful.)
 */
export function fileStages(lines: LineIndex): StageFacts[] {
  const stages: StageFacts[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    if (!mayBeStageLine(lines, i)) continue;
    const line = lines.lineText(i).trim();
    if (/^from(?:[ \t]|$)/i.test(line)) {
      // Every FROM line counts (the chunking cuts there), even one still being typed.
      const from = /^from[ \t]+(?:--\S+[ \t]+)*(\S+)(?:[ \t]+as[ \t]+(\S+))?/i.exec(line);
      const image = from?.[1].toLowerCase() ?? '';
      stages.push({ index: stages.length, line: i, reachesFinal: false, name: from?.[2]?.toLowerCase() ?? null, from: image, shell: null, inherited: { shell: null, image } });
      continue;
    }
    const shell = /^shell[ \t]+(.*)$/i.exec(line);
    if (shell && stages.length > 0) {
      try {
        const v: unknown = JSON.parse(shell[1]);
        stages[stages.length - 1].shell = Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
      } catch {
        stages[stages.length - 1].shell = undefined;
      }
    }
  }
  const byName = new Map<string, StageFacts>();
  const parents: (StageFacts | undefined)[] = [];
  for (const st of stages) {
    const parent = byName.get(st.from);
    parents.push(parent);
    if (parent) st.inherited = { shell: parent.shell !== null ? parent.shell : parent.inherited.shell, image: parent.inherited.image };
    if (st.name) byName.set(st.name, st);
  }
  // The final image: the last stage and its ancestors (each parent is an earlier stage: no cycle).
  for (let st: StageFacts | undefined = stages[stages.length - 1]; st && !st.reachesFinal; st = parents[st.index]) st.reachesFinal = true;
  return stages;
}

/** Whether fileStages reads line `i` (it starts, after blanks, with f/F/s/S). */
function mayBeStageLine(lines: LineIndex, i: number): boolean {
  const text = lines.text;
  let at = lines.starts[i];
  let c = text.charCodeAt(at);
  while (c === 32 || c === 9) c = text.charCodeAt(++at);
  return c === 70 || c === 102 || c === 83 || c === 115;
}

/**
 * Whether an edit leaves fileStages' answer as it was: the text between the common start
 * `prefix` and the common end `suffix` of the old and new texts spans the same number of lines
 * in both, and none of those lines, old or new, is one fileStages reads. Every other line is the
 * same text at the same line number, and fileStages reads lines one by one.
 */
export function sameStageLines(old: LineIndex, now: LineIndex, prefix: number, suffix: number): boolean {
  const first = now.positionAt(prefix).line;
  const lastNew = now.positionAt(now.text.length - suffix).line;
  const lastOld = old.positionAt(old.text.length - suffix).line;
  if (lastNew - first !== lastOld - first || old.lineCount !== now.lineCount) return false;
  for (let i = first; i <= lastNew; i++) if (mayBeStageLine(now, i) || mayBeStageLine(old, i)) return false;
  return true;
}

/** The stage a `FROM <image>` starts from, when `<image>` names an earlier stage of the file. */
export function parentStage(stages: readonly StageFacts[], image: string): StageFacts | undefined {
  const name = image.toLowerCase();
  return stages.find((s) => s.name === name);
}

/** What String.prototype.trim removes (WhiteSpace and LineTerminator, BOM included). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The continuation style of a file: the indentation of its first continued line, and whether
 * `&&` starts or ends continued lines (majority of the first 50). Stops early: cheap on any file.
 */
/** `stages`: the file's stages when the caller knows them (see `sameStageLines`). */
export function fileStyle(lines: LineIndex, stages?: StageFacts[]): FileStyle {
  // Runs on every keystroke: read in place (character codes), no substring per line.
  const text = lines.text;
  let indent: string | undefined;
  let leading = 0;
  let trailing = 0;
  let prevContinues = false;
  // At most the first 2,000 lines: a sample is enough, and the cost stays flat on any file.
  const last = Math.min(lines.lineCount, 2000);
  for (let i = 0; i < last && (indent === undefined || leading + trailing < 50); i++) {
    const start = lines.starts[i];
    const end = lines.lineEnd(i);
    // The trimmed line is [s, e).
    let s = start;
    while (s < end && isTrimmed(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    if (prevContinues && indent === undefined && s < e && text.charCodeAt(s) !== 35 /* # */) {
      let b = start;
      while (b < end && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b++;
      if (b > start) indent = text.slice(start, b);
    }
    const lastChar = e > s ? text.charCodeAt(e - 1) : 0;
    const continues = lastChar === 92 /* \ */ || lastChar === 96 /* ` */;
    if (e - s >= 2 && text.charCodeAt(s) === 38 && text.charCodeAt(s + 1) === 38) leading++;
    else if (continues) {
      // `&&` then blanks (\s) before the final backslash or backtick.
      let k = e - 1;
      while (k > s && isTrimmed(text.charCodeAt(k - 1))) k--;
      if (k - s >= 2 && text.charCodeAt(k - 1) === 38 && text.charCodeAt(k - 2) === 38) trailing++;
    }
    prevContinues = continues;
  }
  return { indent: indent ?? '    ', leadingOperator: leading > trailing, eol: detectEol(lines.text), stages: stages ?? fileStages(lines) };
}

export class DockerfileModel {
  readonly lines: LineIndex;
  readonly instructions: InstructionInfo[] = [];
  readonly directives: Directive[] = [];
  readonly comments: CommentInfo[] = [];
  readonly escape: string;
  /** Stages: the index of each stage's FROM in `instructions`. */
  readonly stageStarts: number[] = [];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    const ast = DockerfileParser.parse(text);
    this.escape = ast.getEscapeCharacter();
    for (const d of ast.getDirectives()) {
      this.directives.push({ name: d.getName().toLowerCase(), value: d.getValue(), line: d.getRange().start.line });
    }
    for (const c of ast.getComments()) {
      const line = c.getRange().start.line;
      this.comments.push({ line, content: c.getContent().trim() });
    }
    let stage = -1;
    for (const node of ast.getInstructions()) {
      const info = this.describe(node, stage);
      if (info.keyword === 'FROM') {
        stage++;
        info.stage = stage;
        this.stageStarts.push(this.instructions.length);
      }
      this.instructions.push(info);
    }
  }

  /**
   * The same model holding only `instructions` (what the instruction-scoped rules are given).
   * Its own properties are the model's, set in one order: every view has one hidden class, where
   * a fresh `Object.create(model, …)` per keystroke gave each rule's property reads a new shape.
   */
  static view(of: DockerfileModel, instructions: InstructionInfo[]): DockerfileModel {
    const v: Pick<DockerfileModel, 'text' | 'lines' | 'instructions' | 'directives' | 'comments' | 'escape' | 'stageStarts' | 'style'> = Object.create(DockerfileModel.prototype);
    Object.assign(v, { text: of.text, lines: of.lines, instructions, directives: of.directives, comments: of.comments, escape: of.escape, stageStarts: of.stageStarts, style: of.style });
    return v as DockerfileModel;
  }

  offset(pos: { line: number; character: number }): number {
    return this.lines.offsetAt(pos);
  }

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  /** How continuation lines are written in the file (set by the linter for the whole file). */
  style: FileStyle | undefined;

  /** The indentation continuation lines use in this file (default four spaces). */
  get continuationIndent(): string {
    return (this.style ??= fileStyle(this.lines)).indent;
  }

  /** Whether continuation lines start with `&&` (else `&&` ends the line before). */
  get leadingOperator(): boolean {
    return (this.style ??= fileStyle(this.lines)).leadingOperator;
  }

  /** The line break new lines get. */
  get eol(): string {
    return (this.style ??= fileStyle(this.lines)).eol;
  }

  /** Every stage of the whole file (not only of the text this model holds). */
  get fileStages(): StageFacts[] {
    return (this.style ??= fileStyle(this.lines)).stages;
  }

  private describe(node: Instruction, stage: number, depth = 0): InstructionInfo {
    const range = node.getRange();
    const kwRange = node.getInstructionRange();
    const keywordText = node.getInstruction();
    const keyword = keywordText.toUpperCase();
    const start = this.offset(range.start);
    const end = this.offset(range.end);
    const flags: FlagInfo[] = [];
    const anyNode = node as unknown as {
      getFlags?: () => { getName(): string; getValue(): string | null; getRange(): Range }[];
      getHeredocs?: () => Heredoc[];
    };
    if (typeof anyNode.getFlags === 'function') {
      for (const f of tryOr(() => anyNode.getFlags!(), [])) {
        const r = f.getRange();
        flags.push({ name: f.getName().toLowerCase(), value: f.getValue(), start: this.offset(r.start), end: this.offset(r.end) });
      }
    }
    const args: ArgInfo[] = tryOr(() => node.getArguments(), []).map((a) => {
      const r = a.getRange();
      return { value: a.getValue(), start: this.offset(r.start), end: this.offset(r.end) };
    });
    let bodyStart: number | null = args.length > 0 ? args[0].start : null;
    const heredocs: HeredocInfo[] = [];
    if (typeof anyNode.getHeredocs === 'function' && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
      // dockerfile-ast throws here on `RUN \\⏎\\ c`: such an instruction just has no heredocs.
      for (const h of tryOr(() => anyNode.getHeredocs!(), [])) {
        const content = h.getContentRange();
        const delim = h.getDelimiterRange();
        const cs = content ? this.offset(content.start) : this.offset(h.getStartRange().end);
        const ce = content ? this.offset(content.end) : cs;
        heredocs.push({ name: h.getName(), contentStart: cs, contentEnd: ce, terminated: delim !== null });
      }
    }
    let json: string[] | null | undefined;
    if (JSON_FORM_INSTRUCTIONS.has(keyword) && bodyStart !== null) {
      json = parseJsonForm(this.text.slice(bodyStart, end), this.escape);
    }
    if (json === undefined && bodyStart === null) {
      // dockerfile-ast puts nothing in args for e.g. `RUN --mount=x` alone.
      bodyStart = null;
    }
    let trigger: InstructionInfo | undefined;
    if (keyword === 'ONBUILD' && depth < 2) {
      const inner = tryOr(() => (node as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction(), null);
      if (inner) trigger = tryOr(() => this.describe(inner, stage, depth + 1), undefined);
    }
    return {
      trigger,
      keyword,
      keywordText,
      keywordStart: this.offset(kwRange.start),
      keywordEnd: this.offset(kwRange.end),
      start,
      end,
      startLine: range.start.line,
      endLine: range.end.line,
      flags,
      args,
      bodyStart,
      json,
      heredocs,
      stage,
      node,
    };
  }
}

/** `f()`, or `fallback` when it throws (dockerfile-ast does on a few inputs). */
function tryOr<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/**
 * Reads exec form the way BuildKit does: a JSON array of strings, else shell form.
 * Returns `undefined` when the text does not try to be JSON, `null` when it tries and fails
 * (BuildKit then silently runs it as a shell command, which is almost never what was meant).
 */
export function parseJsonForm(raw: string, escape: string): string[] | null | undefined {
  const joined = joinContinuations(raw, escape).trim();
  if (!joined.startsWith('[')) return undefined;
  // `RUN [ -f x ] && …` is a shell test, not JSON: JSON form starts with a quote or `]`.
  const afterBracket = joined.slice(1).trimStart();
  if (!(afterBracket.startsWith('"') || afterBracket.startsWith("'") || afterBracket.startsWith(']') || afterBracket.startsWith('\u201c'))) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(joined);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    return null;
  } catch {
    return null;
  }
}

/**
 * Docker's logical line: escape+newline continuations removed, and the comment and blank lines
 * inside a continuation dropped. `segments` maps each run of the result back to the source:
 * `[resultStart, sourceStart]` pairs, sorted.
 */
export interface LogicalText {
  text: string;
  segments: number[];
}

export function joinLogical(source: string, from: number, to: number, escape: string): LogicalText {
  let text = '';
  const segments: number[] = [];
  let pos = from;
  let continuing = false;
  while (pos < to) {
    let eol = pos;
    while (eol < to && source.charCodeAt(eol) !== 10 && source.charCodeAt(eol) !== 13) eol++;
    let next = eol;
    if (next < to) {
      next += source.charCodeAt(next) === 13 && next + 1 < to && source.charCodeAt(next + 1) === 10 ? 2 : 1;
    }
    const line = source.slice(pos, eol);
    const t = line.trimStart();
    if (continuing && pos !== from && (t === '' || t.startsWith('#'))) {
      pos = next;
      continue;
    }
    let keep = line;
    let keepBreak = next > eol;
    const trimmed = trimBlankEnd(line);
    if (next < to && escape.length > 0 && trimmed.endsWith(escape)) {
      keep = trimmed.slice(0, trimmed.length - escape.length);
      keepBreak = false;
      continuing = true;
    } else {
      continuing = false;
    }
    segments.push(text.length, pos);
    text += keep;
    if (keepBreak) text += '\n';
    pos = next;
  }
  return { text, segments };
}

/** Removes escape+newline continuations and comment/blank lines inside them (Docker's rules). */
export function joinContinuations(raw: string, escape: string): string {
  return joinLogical(raw, 0, raw.length, escape).text;
}

/** Maps an offset of a joined text back to the source; `atEnd` keeps a range end on its own line. */
export function mapLogical(l: LogicalText, offset: number, atEnd = false): number {
  const seg = l.segments;
  let lo = 0;
  let hi = seg.length / 2 - 1;
  if (hi < 0) return offset;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = seg[mid * 2];
    if (s < offset || (!atEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return seg[lo * 2 + 1] + (offset - seg[lo * 2]);
}
