/**
 * Formatting on the model (document, range, and on-type after `\`+Enter). It only changes
 * whitespace and keyword casing, never the meaning of an instruction:
 * - keywords in the file's majority casing, no indentation before them, one space after;
 * - continuation lines indented with the file's indent (deeper lines keep their extra depth);
 * - one space before a continuation `\` (or all `\` of an instruction aligned, by setting);
 * - trailing whitespace removed.
 * Never touched: heredoc bodies and their delimiter lines, the text of comments, whitespace
 * inside quoted strings (tracked across continuation lines; a line that starts inside a quote
 * keeps its indentation), and a continuation line with no blank before it (`foo\⏎bar` is
 * one word). When the quoting of an instruction cannot be followed (a shell comment, an
 * unbalanced quote), its remaining lines are left as they are. Idempotent.
 */
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KNOWN_INSTRUCTIONS, type DockerfileModel, type InstructionInfo } from '../model';
import { modelFor } from './document';
import { keywordCase, cased } from './reference/context';

export interface FormatOptions {
  alignContinuations: boolean;
}

/** Lines longer than this are left alone (as the linter does). */
const MAX_LINE = 64 * 1024;

export function formatDocument(doc: TextDocument, _params: DocumentFormattingParams, opts: FormatOptions): TextEdit[] {
  const model = modelFor(doc);
  return model ? formatModel(model, opts) : [];
}

export function formatRange(doc: TextDocument, params: DocumentRangeFormattingParams, opts: FormatOptions): TextEdit[] {
  const model = modelFor(doc);
  if (!model) return [];
  const { start, end } = params.range;
  const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return formatModel(model, opts, start.line, last);
}

/** After Enter on a continued line: the previous line tidied, the new one indented. */
export function formatOnType(doc: TextDocument, params: DocumentOnTypeFormattingParams, opts: FormatOptions): TextEdit[] {
  const model = modelFor(doc);
  const { line } = params.position;
  if (!model || line === 0 || line >= model.lines.lineCount) return [];
  return formatModel(model, opts, line - 1, line, true);
}

interface LineEdit {
  line: number;
  text: string;
}

/** The edits that format lines `from`..`to` of the model (each edit replaces one line's text). */
export function formatModel(model: DockerfileModel, opts: FormatOptions, from = 0, to = Number.MAX_SAFE_INTEGER, onType = false): TextEdit[] {
  const lines = model.lines;
  to = Math.min(to, lines.lineCount - 1);
  if (from > to) return [];
  const style = keywordCase(model);
  const cache = new Map<InstructionInfo, Analysis | null>();
  const indent = fileIndent(model, style, cache);
  const out: LineEdit[] = [];
  const set = (line: number, text: string) => {
    if (line >= from && line <= to && text !== lines.lineText(line)) out.push({ line, text });
  };
  // Instructions cover their lines; the lines in between (comments, blanks) only lose trailing blanks.
  let covered = from; // first line not handled yet
  const list = model.instructions;
  for (const ins of list) {
    if (ins.endLine < from) continue;
    if (ins.startLine > to) break;
    for (let l = Math.max(covered, from); l < ins.startLine && l <= to; l++) set(l, trimEnd(lines.lineText(l)));
    // Not kept: an instruction's analysis dies young (held for the whole file, the analyses of
    // 50,000 lines outlived the young generation and raised the peak memory by ~60 MB).
    const a = cache.has(ins) ? cache.get(ins)! : analyse(model, ins, style);
    // null: a line too long to read; the instruction is left as it is.
    if (a) formatInstruction(model, ins, a, indent, opts, set, onType ? to : -1);
    covered = Math.max(covered, ins.endLine + 1);
  }
  for (let l = Math.max(covered, from); l <= to; l++) {
    if (onType && l === to && continuesInto(model, l)) {
      // A fresh line after `\`+Enter: indent it.
      if (lines.lineText(l).trim() === '') set(l, indent);
      continue;
    }
    set(l, trimEnd(lines.lineText(l)));
  }
  return out.map((e) => ({
    range: { start: { line: e.line, character: 0 }, end: { line: e.line, character: lines.lineEnd(e.line) - lines.starts[e.line] } },
    newText: e.text,
  }));
}

/** Whether line `l` is a blank line right after a continued instruction line. */
function continuesInto(model: DockerfileModel, l: number): boolean {
  const esc = model.escape;
  for (let p = l - 1; p >= 0 && l - p < 50; p--) {
    const t = trimEnd(model.lines.lineText(p));
    if (t.trim() === '') continue;
    return !t.trimStart().startsWith('#') && esc !== '' && t.endsWith(esc);
  }
  return false;
}

function trimEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  return e === s.length ? s : s.slice(0, e);
}

function leadingBlank(s: string): number {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

type Quote = 0 | 39 | 34; // none, ', "

/**
 * Follows the quoting of `text[0, end)` from state `q`: returns the state at the end.
 * `null` when it cannot be followed (a shell comment starts: the rest is not worth touching).
 */
function scanQuotes(text: string, q: Quote, escape: string, end: number): Quote | null {
  const esc = escape.charCodeAt(0);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (q === 39) {
      if (c === 39) q = 0;
      continue;
    }
    if ((c === 92 || c === esc) && i + 1 < end) {
      i++;
      continue;
    }
    if (q === 34) {
      if (c === 34) q = 0;
      continue;
    }
    if (c === 39 || c === 34) q = c;
    else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) return null;
  }
  return q;
}

interface Row { line: number; body: string; blank: string; cont: boolean; editable: boolean; reindent: boolean; lead: number; }

interface Analysis {
  rows: Row[];
  /** The shallowest re-indentable continuation line's depth, in columns (MAX when none). */
  base: number;
  /** Its indentation as written. */
  baseText: string | null;
}

/** Depth in columns (a tab counts four), so a file mixing tabs and spaces gets one indent. */
function width(r: Row): number {
  let w = 0;
  for (let i = 0; i < r.lead; i++) w += r.body.charCodeAt(i) === 9 ? 4 : 1;
  return w;
}

/**
 * The indentation continuation lines get: the one most continued instructions (of the first
 * hundred) use for their shallowest continuation line — stable under formatting — else 4 spaces.
 */
function fileIndent(model: DockerfileModel, style: 'upper' | 'lower', cache: Map<InstructionInfo, Analysis | null>): string {
  const votes = new Map<string, number>();
  let best = '    ';
  let bestVotes = 0;
  let seen = 0;
  for (const ins of model.instructions) {
    if (ins.endLine === ins.startLine) continue;
    const a = analysed(model, ins, style, cache);
    if (a?.baseText) {
      const v = (votes.get(a.baseText) ?? 0) + 1;
      votes.set(a.baseText, v);
      if (v > bestVotes) {
        best = a.baseText;
        bestVotes = v;
      }
    }
    if (++seen >= 100) break;
  }
  return best;
}

function analysed(model: DockerfileModel, ins: InstructionInfo, style: 'upper' | 'lower', cache: Map<InstructionInfo, Analysis | null>): Analysis | null {
  let a = cache.get(ins);
  if (a === undefined) {
    a = analyse(model, ins, style);
    cache.set(ins, a);
  }
  return a;
}

function analyse(model: DockerfileModel, ins: InstructionInfo, style: 'upper' | 'lower'): Analysis | null {
  const lines = model.lines;
  const esc = model.escape;
  // Heredoc bodies and their delimiter lines are content: never touched.
  const protectedFrom: [number, number][] = ins.heredocs.map((h) => {
    const first = lines.positionAt(h.contentStart).line;
    const last = h.terminated ? lines.positionAt(h.contentEnd).line + (h.contentEnd > h.contentStart ? 1 : 0) : ins.endLine;
    return [Math.max(first, ins.startLine + 1), last];
  });
  const isProtected = (l: number) => protectedFrom.some(([a, b]) => l >= a && l <= b);
  const rows: Row[] = [];
  let q: Quote | null = 0;
  let prevBlankBeforeEscape = false;
  for (let l = ins.startLine; l <= ins.endLine; l++) {
    if (isProtected(l)) {
      q = null; // after a heredoc the quoting of the rest is not followed
      continue;
    }
    const raw = lines.lineText(l);
    if (raw.length > MAX_LINE) return null;
    let text = trimEnd(raw);
    const startQ = q;
    if (l === ins.startLine) {
      // Keyword: no indentation, the file's casing, one space after.
      const kwStart = ins.keywordStart - lines.starts[l];
      const kwEnd = ins.keywordEnd - lines.starts[l];
      if (kwStart >= 0 && kwEnd <= text.length && text.slice(0, kwStart).trim() === '') {
        const rest = text.slice(kwEnd);
        const after = leadingBlank(rest);
        // Unknown words (typos) stay as written; a BOM stays in front.
        const kw = KNOWN_INSTRUCTIONS.has(ins.keyword) ? cased(ins.keyword, style) : ins.keywordText;
        const bom = l === 0 && text.startsWith('\uFEFF') ? '\uFEFF' : '';
        text = bom + kw + (rest.length > after ? ` ${rest.slice(after)}` : '');
      }
    }
    const trimmedStart = text.trimStart();
    const isComment = l > ins.startLine && trimmedStart.startsWith('#');
    const isBlank = trimmedStart === '';
    let cont = false;
    let body = text;
    let blank = '';
    if (!isComment && !isBlank && esc && text.endsWith(esc)) {
      // A continued line (the escape at the end; spaces after it were trimmed).
      const before = text.slice(0, text.length - esc.length);
      const b = trimEnd(before);
      cont = true;
      body = b;
      blank = before.slice(b.length);
    }
    let endQ: Quote | null = null;
    if (!isComment && !isBlank && q !== null) {
      endQ = scanQuotes(body, q, esc, body.length);
      q = endQ;
    }
    // Comment lines keep their column when they have none (docker-library writes them at 0).
    const reindent = l > ins.startLine && startQ === 0 && (isComment ? leadingBlank(text) > 0 : isBlank || leadingBlank(text) > 0 || prevBlankBeforeEscape);
    // The blank before the escape can change only outside quotes, and only if there is one.
    const blankEditable = cont && endQ === 0 && blank.length > 0 && body.trim() !== '';
    rows.push({ line: l, body, blank: blankEditable ? ' ' : blank, cont, editable: blankEditable, reindent, lead: isBlank ? -1 : leadingBlank(body) });
    if (!isComment && !isBlank) prevBlankBeforeEscape = cont && blank.length > 0;
  }
  // Continuation lines: the shallowest indented ones get the file's indent, deeper ones keep their extra.
  const indented = rows.filter((r) => r.line > ins.startLine && r.reindent && r.lead > 0);
  let base = Number.MAX_SAFE_INTEGER;
  let baseText: string | null = null;
  for (const r of indented) {
    const w = width(r);
    if (w < base) {
      base = w;
      baseText = r.body.slice(0, r.lead);
    }
  }
  return { rows, base, baseText };
}

function formatInstruction(model: DockerfileModel, ins: InstructionInfo, a: Analysis, indent: string, opts: FormatOptions, set: (line: number, text: string) => void, freshLine: number): void {
  const esc = model.escape;
  const { rows, base } = a;
  const tabs = /^\t+$/.test(indent);
  const texts = rows.map((r) => {
    if (r.line === ins.startLine || !r.reindent) return r.body;
    if (r.lead < 0) return r.line === freshLine ? indent : '';
    const extra = r.lead > 0 ? width(r) - base : 0;
    const pad = extra <= 0 ? '' : tabs ? '\t'.repeat(Math.max(1, Math.round(extra / 4))) : ' '.repeat(extra);
    return indent + pad + r.body.slice(r.lead);
  });
  let column = 0;
  if (opts.alignContinuations) {
    for (let i = 0; i < rows.length; i++) if (rows[i].editable) column = Math.max(column, texts[i].length + 1);
  }
  rows.forEach((r, i) => {
    let t = texts[i];
    if (r.cont && r.body.trim() === '') {
      // A line that is only `\`: its blank is its indentation.
      t = (r.reindent ? indent : r.blank) + esc;
    } else if (r.cont) {
      const pad = r.editable ? (opts.alignContinuations ? ' '.repeat(Math.max(1, column - t.length)) : ' ') : r.blank;
      t = t + pad + esc;
    }
    set(r.line, t);
  });
}
