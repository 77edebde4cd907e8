/**
 * Selection ranges (expand selection): word → argument (or flag, or heredoc body) →
 * instruction → stage → the whole file.
 */
import type { Position, SelectionRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { indexFor, type SymbolIndex } from './symbolsIndex';

export function selectionRanges(doc: TextDocument, positions: readonly Position[]): SelectionRange[] {
  const index = indexFor(doc);
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
  if (!index) return positions.map(() => ({ range: whole }));
  return positions.map((p) => chain(index, index.model.offset(p)) ?? { range: whole });
}

/** Word characters: what a double click would select inside an argument (`cache` in `type=cache`). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c > 127;
}

function instructionAt(index: SymbolIndex, offset: number): number {
  const ins = index.model.instructions;
  let lo = 0;
  let hi = ins.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ins[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && offset <= ins[found].end ? found : -1;
}

function chain(index: SymbolIndex, offset: number): SelectionRange | null {
  const { model } = index;
  const text = model.text;
  const spans: [number, number][] = [];
  // Word.
  let ws = offset;
  let we = offset;
  while (ws > 0 && isWordChar(text.charCodeAt(ws - 1))) ws--;
  while (we < text.length && isWordChar(text.charCodeAt(we))) we++;
  if (we > ws) spans.push([ws, we]);
  const i = instructionAt(index, offset);
  if (i >= 0) {
    const ins = model.instructions[i];
    // `$NAME` / `${NAME:-x}` around the word.
    for (const o of index.occurrences) {
      if (o.instruction === i && o.exprStart <= offset && offset <= o.exprEnd && o.exprEnd > o.exprStart) spans.push([o.exprStart, o.exprEnd]);
    }
    const part = [...ins.flags, ...ins.args].find((a) => a.start <= offset && offset <= a.end);
    if (part) spans.push([part.start, part.end]);
    const body = ins.heredocs.find((h) => h.contentStart <= offset && offset <= h.contentEnd);
    if (body) spans.push([body.contentStart, body.contentEnd]);
    spans.push([ins.start, ins.end]);
    if (ins.stage >= 0) {
      const st = index.stages[ins.stage];
      if (st && st.start <= offset && offset <= st.end) spans.push([st.start, st.end]);
    }
  }
  spans.push([0, text.length]);
  // Innermost first; each one must contain the one before it.
  spans.sort((a, b) => (a[1] - a[0]) - (b[1] - b[0]));
  let result: SelectionRange | undefined;
  let prev: [number, number] | null = null;
  const kept: [number, number][] = [];
  for (const s of spans) {
    if (prev && (s[0] > prev[0] || s[1] < prev[1] || (s[0] === prev[0] && s[1] === prev[1]))) continue;
    kept.push(s);
    prev = s;
  }
  for (let k = kept.length - 1; k >= 0; k--) result = { range: model.range(kept[k][0], kept[k][1]), parent: result };
  return result ?? null;
}
