/**
 * Inlay hints (setting `dockerfileDoctor.inlayHints.argDefaults`, off by default): after a
 * `$VAR` in FROM, ENV, COPY, ADD, WORKDIR or LABEL that reads an ARG with a default, that
 * default (`FROM alpine:$VERSION` ⟶ `= 3.20`). For `ARG VERSION` redeclared without a
 * default inside a stage, the global ARG's default is the one shown.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import { indexFor, type VariableDecl, type SymbolIndex } from './symbolsIndex';

const HINTED = new Set(['FROM', 'ENV', 'COPY', 'ADD', 'WORKDIR', 'LABEL']);
const MAX_VALUE = 40;

/** The ARG whose default a reference gets, when it has one. */
function defaultOf(index: SymbolIndex, decl: VariableDecl): VariableDecl | null {
  if (decl.keyword !== 'ARG') return null;
  if (decl.value !== null) return decl;
  if (decl.global !== null) {
    const g = index.decls[decl.global];
    return g.value !== null ? g : null;
  }
  return null;
}

export function inlayHints(doc: TextDocument, range: Range): InlayHint[] {
  const index = indexFor(doc);
  if (!index) return [];
  const { model } = index;
  const from = model.offset(range.start);
  const to = model.offset(range.end);
  const out: InlayHint[] = [];
  for (const o of index.occurrences) {
    if (o.start < from) continue;
    if (o.start > to) break;
    if (o.kind !== 'variable' || o.declaration || o.target === null || o.inShell) continue;
    if (!HINTED.has(model.instructions[o.instruction]?.keyword ?? '')) continue;
    const arg = defaultOf(index, index.decls[o.target]);
    if (!arg || arg.value === null) continue;
    let value = arg.value;
    if (value.length > MAX_VALUE) value = `${value.slice(0, MAX_VALUE - 1)}…`;
    out.push({
      position: model.lines.positionAt(o.exprEnd),
      label: `= ${value === '' ? '""' : value}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: t('Default of ARG {0} (line {1})', arg.name, model.lines.positionAt(arg.start).line + 1),
    });
  }
  return out;
}
