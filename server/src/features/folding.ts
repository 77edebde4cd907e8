/**
 * Folding ranges: each stage (its FROM to its last instruction), each instruction over several
 * lines (continuations, heredocs), each heredoc body, and blocks of two or more comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { indexFor, memo, type SymbolIndex } from './symbolsIndex';

export function foldingRanges(doc: TextDocument): FoldingRange[] {
  const index = indexFor(doc);
  return index ? memo(index, 'folding', () => folds(index)) : [];
}

function folds(index: SymbolIndex): FoldingRange[] {
  const { model } = index;
  const out: FoldingRange[] = [];
  const starts = new Set<number>();
  const add = (startLine: number, endLine: number, kind?: string): void => {
    // Editors show one fold per start line: the first (largest) one wins.
    if (endLine <= startLine || starts.has(startLine)) return;
    starts.add(startLine);
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const st of index.stages) {
    add(model.instructions[st.fromIndex].startLine, model.instructions[st.lastIndex].endLine);
  }
  for (const ins of model.instructions) {
    add(ins.startLine, ins.endLine);
    for (const h of ins.heredocs) {
      // From the line that opens the body (`<<EOF`, or the previous heredoc's delimiter) to the body's last line.
      const first = model.lines.positionAt(h.contentStart).line;
      const last = h.contentEnd > h.contentStart ? model.lines.positionAt(h.contentEnd - 1).line : first;
      add(first - 1, h.terminated ? last + 1 : last);
    }
  }
  // Comment blocks: runs of consecutive comment lines.
  const comments = model.comments;
  for (let i = 0; i < comments.length;) {
    let j = i;
    while (j + 1 < comments.length && comments[j + 1].line === comments[j].line + 1) j++;
    if (j > i) add(comments[i].line, comments[j].line, FoldingRangeKind.Comment);
    i = j + 1;
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
