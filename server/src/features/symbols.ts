/**
 * Document symbols (Outline, breadcrumbs, sticky scroll): each stage is a parent named after
 * its `AS` name (else its image), its instructions are the children; global ARGs before the
 * first FROM are top-level. Workspace symbols: the stage names of the open documents.
 */
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InstructionInfo } from '../model';
import { joinContinuations } from '../model';
import { originsOf } from './chunkedModel';
import { indexFor, memo, type SymbolIndex } from './symbolsIndex';

const KINDS: Record<string, SymbolKind> = {
  ARG: SymbolKind.Variable,
  ENV: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
  EXPOSE: SymbolKind.Number,
  WORKDIR: SymbolKind.File,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  VOLUME: SymbolKind.File,
  USER: SymbolKind.Key,
  CMD: SymbolKind.Event,
  ENTRYPOINT: SymbolKind.Event,
  HEALTHCHECK: SymbolKind.Event,
  ONBUILD: SymbolKind.Event,
};

const SUMMARY = 60;

/** Summaries by the instruction as its chunk parsed it: unchanged stages keep theirs. */
const summaries = new WeakMap<InstructionInfo, string>();

/** `RUN apt-get update && …` on one line, cut at a readable length. */
function summary(index: SymbolIndex, ins: InstructionInfo, key: InstructionInfo): string {
  let s = summaries.get(key);
  if (s === undefined) {
    s = summarize(index, ins);
    summaries.set(key, s);
  }
  return s;
}

function summarize(index: SymbolIndex, ins: InstructionInfo): string {
  const start = ins.flags.length > 0 ? ins.flags[0].start : ins.bodyStart ?? ins.keywordEnd;
  const end = ins.heredocs.length > 0 ? Math.min(ins.end, ins.heredocs[0].contentStart) : ins.end;
  let s = start < end ? joinContinuations(index.model.text.slice(start, Math.min(end, start + 4 * SUMMARY)), index.model.escape) : '';
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > SUMMARY) s = `${s.slice(0, SUMMARY - 1).trimEnd()}…`;
  return s;
}

function instructionSymbol(index: SymbolIndex, i: number): DocumentSymbol {
  const ins = index.model.instructions[i];
  const text = summary(index, ins, originsOf(index.model)?.[i]?.ins ?? ins);
  return {
    name: text ? `${ins.keyword} ${text}` : ins.keyword,
    kind: KINDS[ins.keyword] ?? SymbolKind.Function,
    range: index.model.range(ins.start, Math.max(ins.end, ins.keywordEnd)),
    selectionRange: index.model.range(ins.keywordStart, ins.keywordEnd),
  };
}

export function documentSymbols(doc: TextDocument): DocumentSymbol[] {
  const index = indexFor(doc);
  return index ? memo(index, 'symbols', () => outline(index)) : [];
}

function outline(index: SymbolIndex): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const instructions = index.model.instructions;
  const first = index.stages.length > 0 ? index.stages[0].fromIndex : instructions.length;
  for (let i = 0; i < first; i++) out.push(instructionSymbol(index, i));
  for (const st of index.stages) {
    const children: DocumentSymbol[] = [];
    for (let i = st.fromIndex + 1; i <= st.lastIndex; i++) children.push(instructionSymbol(index, i));
    const image = st.image?.value ?? '';
    out.push({
      name: st.nameText ?? (image || 'FROM'),
      detail: st.nameText ? image : undefined,
      kind: SymbolKind.Class,
      range: index.model.range(st.start, Math.max(st.end, st.nameEnd)),
      selectionRange: index.model.range(st.nameStart, st.nameEnd),
      children,
    });
  }
  return out;
}

/** Stage names of the open documents that contain the query's characters in order (case-insensitive). */
export function workspaceSymbols(docs: readonly TextDocument[], query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const doc of docs) {
    const index = indexFor(doc);
    if (!index) continue;
    const container = fileName(doc.uri);
    for (const st of index.stages) {
      if (!st.name || !subsequence(q, st.name)) continue;
      out.push({
        name: st.nameText!,
        kind: SymbolKind.Class,
        containerName: container,
        location: { uri: doc.uri, range: index.model.range(st.nameStart, st.nameEnd) },
      });
      if (out.length >= 1000) return out;
    }
  }
  return out;
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a malformed %-escape
  }
}

function subsequence(q: string, s: string): boolean {
  let i = 0;
  for (let k = 0; k < s.length && i < q.length; k++) if (s[k] === q[i]) i++;
  return i === q.length;
}
