/**
 * Definition, references, document highlights and rename for stage names and ARG/ENV
 * variables, all answered from the document's symbol index (built once per version).
 */
import {
  DocumentHighlightKind, ErrorCodes, ResponseError,
  type DocumentHighlight, type Location, type Position, type Range, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import { indexFor, occurrenceAt, occurrencesOf, scopeOf, type Occurrence, type SymbolIndex } from './symbolsIndex';

const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/i;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function at(doc: TextDocument, position: Position): { index: SymbolIndex; occ: Occurrence } | null {
  const index = indexFor(doc);
  if (!index) return null;
  const occ = occurrenceAt(index, index.model.offset(position));
  if (!occ || occ.symbol === null) return null;
  return { index, occ };
}

function range(index: SymbolIndex, start: number, end: number): Range {
  return index.model.range(start, end);
}

export function definition(doc: TextDocument, position: Position): Location[] | null {
  const hit = at(doc, position);
  if (!hit) return null;
  const { index, occ } = hit;
  if (occ.kind === 'stage') {
    const st = index.stages[occ.target!];
    return [{ uri: doc.uri, range: range(index, st.nameStart, st.nameEnd) }];
  }
  const decl = index.decls[occ.target!];
  const out: Location[] = [{ uri: doc.uri, range: range(index, decl.start, decl.end) }];
  // `ARG NAME` inside a stage takes its value from the global ARG: show both.
  if (decl.global !== null) {
    const g = index.decls[decl.global];
    out.push({ uri: doc.uri, range: range(index, g.start, g.end) });
  }
  return out;
}

export function references(doc: TextDocument, position: Position, includeDeclaration: boolean): Location[] {
  const hit = at(doc, position);
  if (!hit) return [];
  const { index, occ } = hit;
  return occurrencesOf(index, occ.symbol!)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: doc.uri, range: range(index, o.start, o.end) }));
}

export function documentHighlights(doc: TextDocument, position: Position): DocumentHighlight[] {
  const hit = at(doc, position);
  if (!hit) return [];
  const { index, occ } = hit;
  return occurrencesOf(index, occ.symbol!).map((o) => ({
    range: range(index, o.start, o.end),
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** The range and current name to rename, or an error saying why this cannot be renamed. */
export function prepareRename(doc: TextDocument, position: Position): { range: Range; placeholder: string } | ResponseError<void> | null {
  const index = indexFor(doc);
  if (!index) return null;
  const occ = occurrenceAt(index, index.model.offset(position));
  if (!occ) return null;
  if (occ.symbol === null) {
    return new ResponseError(ErrorCodes.InvalidRequest, t('{0} is not declared with ARG or ENV in this scope, so it cannot be renamed here', index.model.text.slice(occ.start, occ.end)));
  }
  if (!occ.renamable) {
    return new ResponseError(ErrorCodes.InvalidRequest, t('A stage referred to by its number cannot be renamed; rename its AS name instead'));
  }
  if (occ.kind === 'stage' && index.stages[occ.target!].name === null) {
    return new ResponseError(ErrorCodes.InvalidRequest, t('This stage has no name (FROM … AS name) to rename'));
  }
  return { range: range(index, occ.start, occ.end), placeholder: index.model.text.slice(occ.start, occ.end) };
}

export function rename(doc: TextDocument, position: Position, newName: string): WorkspaceEdit | ResponseError<void> | null {
  const prepared = prepareRename(doc, position);
  if (prepared === null || prepared instanceof ResponseError) return prepared;
  const index = indexFor(doc)!;
  const occ = occurrenceAt(index, index.model.offset(position))!;
  const edits = renameEdits(index, occ, newName);
  if (edits instanceof ResponseError) return edits;
  return { changes: { [doc.uri]: edits.map((e) => ({ range: range(index, e.start, e.end), newText: e.newText })) } };
}

/** The edits of a rename, as offsets (also used by the unit tests). */
export function renameEdits(index: SymbolIndex, occ: Occurrence, newName: string): { start: number; end: number; newText: string }[] | ResponseError<void> {
  const name = newName.trim();
  if (occ.kind === 'stage') {
    if (!STAGE_NAME.test(name)) {
      return new ResponseError(ErrorCodes.InvalidParams, t('"{0}" is not a valid stage name: a letter, then letters, digits, "_", "." or "-"', newName));
    }
    const lower = name.toLowerCase();
    const other = index.stages.find((s) => s.name === lower && s.index !== occ.target);
    if (other) return new ResponseError(ErrorCodes.InvalidParams, t('A stage named "{0}" already exists (line {1})', name, index.model.lines.positionAt(other.nameStart).line + 1));
    // `FROM alpine` or `COPY --from=alpine` after the stage would start reading the stage instead.
    const from = index.stages[occ.target!].fromIndex;
    const ins = index.model.instructions;
    for (let i = from + 1; i < ins.length; i++) {
      const x = ins[i];
      const image = x.keyword === 'FROM' ? x.args[0]?.value : (x.keyword === 'COPY' || x.keyword === 'ADD') ? x.flags.find((f) => f.name === 'from')?.value ?? undefined : undefined;
      if (image !== undefined && image !== null && image.toLowerCase() === lower && !occurrencesOf(index, occ.symbol!).some((o) => o.instruction === i)) {
        return new ResponseError(ErrorCodes.InvalidParams, t('Line {0} uses an image named "{1}": it would read the renamed stage instead', x.startLine + 1, image));
      }
    }
  } else {
    if (!VARIABLE_NAME.test(name)) {
      return new ResponseError(ErrorCodes.InvalidParams, t('"{0}" is not a valid variable name: a letter or "_", then letters, digits or "_"', newName));
    }
    // Another variable of that name (declared, inherited or from the base image) where this one
    // is used: after the rename one would read the other.
    const mine = occurrencesOf(index, occ.symbol!);
    const scopes = new Set<number>();
    for (const o of mine) scopes.add(scopeOf(index, o.instruction));
    if (name !== index.model.text.slice(occ.start, occ.end)) {
      const decl = index.decls.find((d) => d.name === name && scopes.has(d.stage));
      if (decl) return new ResponseError(ErrorCodes.InvalidParams, t('A variable named "{0}" is already declared in this scope (line {1})', name, index.model.lines.positionAt(decl.start).line + 1));
      const used = index.occurrences.find((o) => o.kind === 'variable' && o.symbol !== occ.symbol && scopes.has(scopeOf(index, o.instruction)) && index.model.text.slice(o.start, o.end) === name);
      if (used) return new ResponseError(ErrorCodes.InvalidParams, t('${0} is already used in this scope (line {1}): it would read the renamed variable', name, index.model.lines.positionAt(used.start).line + 1));
    }
  }
  return occurrencesOf(index, occ.symbol!).filter((o) => o.renamable).map((o) => ({ start: o.start, end: o.end, newText: name }));
}
