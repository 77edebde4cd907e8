/**
 * Code actions: per problem, its fixes (the safe one preferred), then "ignore for this
 * instruction", "ignore for this file" (after the parser directives, never at line 0);
 * and `source.fixAll.dockerfile-doctor` for editor.codeActionsOnSave.
 */
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, minimalEdit } from '../fixAll';
import type { Linter } from '../lint';
import { t } from '../l10n';
import type { Settings } from '../settings';
import { LineIndex } from '../text';
import { isOurs, type DiagnosticData } from './diagnostics';
import { modelFor } from './document';
import { runScripts, type RunScript } from '../shell/script';
import { shellParserReady } from '../shell/parser';
import { mergeWithNext } from '../rules/shell/general/consecutive-run';
import type { InstructionInfo } from '../model';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockerfile-doctor`;

const DIRECTIVE = /^[ \t]*#[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*=/;

/** The line after the parser directives (`# syntax=`, `# escape=`, `# check=`). */
export function afterDirectives(doc: TextDocument): number {
  const lines = new LineIndex(doc.getText().slice(0, 8192));
  let line = 0;
  while (line < lines.lineCount - 1 && DIRECTIVE.test(lines.lineText(line))) line++;
  return line;
}

export function codeActions(doc: TextDocument, params: CodeActionParams, settings: Settings, linter?: Linter): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (!isOurs(d)) continue;
      const data = d.data as DiagnosticData;
      if (data.version !== doc.version) continue; // stale: fresh diagnostics are on their way
      let preferredGiven = false;
      for (const fix of data.fixes) {
        const preferred: boolean = fix.safety === 'safe' && !preferredGiven;
        preferredGiven ||= preferred;
        actions.push({
          title: fix.safety === 'safe' ? fix.title : t('{0} (unsafe: review the result)', fix.title),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: preferred,
          edit: { changes: { [uri]: fix.edits.map((e): TextEdit => ({ range: e.range, newText: e.newText })) } },
        });
      }
      actions.push(ignoreInstruction(doc, d, eol), ignoreFile(doc, d, eol));
    }
  }
  if (wants(CodeActionKind.RefactorRewrite) && (!only || only.length > 0)) {
    const merge = mergeRefactoring(doc, params, settings.rules['consecutive-run'] === 'off');
    if (merge) actions.push(merge);
  }
  if (wants(FIX_ALL_KIND) && (only !== undefined)) {
    const action = fixAllAction(doc, settings, linter);
    if (action) actions.push(action);
  }
  return actions;
}

/**
 * "Merge with the next RUN" on a RUN whose next instruction is a RUN that consecutive-run does
 * not report (one of them chains several commands, or the rule is turned off). Computed from the document's model, so
 * the action needs no state kept by the server.
 */
function mergeRefactoring(doc: TextDocument, params: CodeActionParams, ruleOff: boolean): CodeAction | undefined {
  if (!shellParserReady()) return undefined;
  const model = modelFor(doc);
  if (!model) return undefined;
  const line = params.range.start.line;
  const ins = model.instructions.find((i) => i.startLine <= line && line <= i.endLine);
  if (!ins || ins.keyword !== 'RUN') return undefined;
  const cache = new Map<InstructionInfo, RunScript[]>();
  const scripts = (i: InstructionInfo): RunScript[] => {
    let s = cache.get(i);
    if (!s) cache.set(i, (s = runScripts(model, i)));
    return s;
  };
  let fix;
  try {
    fix = mergeWithNext({ model, scripts }, ins, { ruleOff });
  } catch {
    return undefined;
  }
  if (!fix || doc.getText().length !== model.text.length) return undefined;
  return {
    title: fix.title,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [doc.uri]: fix.edits.map((e): TextEdit => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) } },
  };
}

function ignoreInstruction(doc: TextDocument, d: Diagnostic & { data: { instructionLine: number } }, eol: string): CodeAction {
  const line = d.data.instructionLine;
  const text = doc.getText({ start: { line, character: 0 }, end: { line, character: 200 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# dockerfile-doctor ignore=${d.code}${eol}` };
  return { title: t('Ignore {0} for this instruction', String(d.code)), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } };
}

function ignoreFile(doc: TextDocument, d: Diagnostic, eol: string): CodeAction {
  const line = afterDirectives(doc);
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `# dockerfile-doctor global ignore=${d.code}${eol}` };
  return { title: t('Ignore {0} for this file', String(d.code)), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } };
}

export function fixAllAction(doc: TextDocument, settings: Settings, linter?: Linter): CodeAction | undefined {
  const text = doc.getText();
  const fixed = fixAll(text, settings, { linter }).text;
  const edit = minimalEdit(text, fixed);
  if (!edit) return undefined;
  return {
    title: t('Fix all safe Dockerfile Doctor problems'),
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, newText: edit.newText }] } },
  };
}
