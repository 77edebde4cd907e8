/**
 * Plain-text helpers shared by the model, the rules and the fixes.
 * Positions follow LSP: a line ends at "\r\n", "\n" or a lone "\r".
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text between two offsets of the document. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Offsets of every line start; maps offsets to positions and back. */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    // Line breaks: \n, \r\n and a lone \r. indexOf is about three times faster than a
    // charCodeAt loop, and this runs on every keystroke over the whole file.
    const starts = [0];
    let cr = text.indexOf('\r');
    for (let i = 0; ;) {
      const nl = text.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
      if (cr !== -1 && (nl === -1 || cr < nl)) i = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      else if (nl === -1) break;
      else i = nl + 1;
      starts.push(i);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The line break the file uses most: fixes write the same one. */
export function detectEol(text: string): string {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1 && crlf + lf < 200; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * `s` without trailing blanks (spaces and tabs). A loop, not `/[ \t]+$/`: that regex is
 * quadratic on a long run of blanks followed by something else, and lines come from users.
 */
export function trimBlankEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  return e === s.length ? s : s.slice(0, e);
}

export function isBlank(s: string): boolean {
  return s.trim().length === 0;
}

/** Keeps the case style of an existing keyword when writing a new one. */
export function matchKeywordCase(existing: string, keyword: string): string {
  if (existing === existing.toLowerCase()) return keyword.toLowerCase();
  if (existing === existing.toUpperCase()) return keyword.toUpperCase();
  return keyword.charAt(0).toUpperCase() + keyword.slice(1).toLowerCase();
}
