/**
 * Code actions: per problem, its fixes (the safe one preferred), then "ignore for this
 * instruction", "ignore for this file" (after the parser directives, never at line 0);
 * and `source.fixAll.dockerfile-doctor` for editor.codeActionsOnSave.
 */
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { automaticFix, fixAllAsync, minimalEdit } from '../fixAll';
import { Linter } from '../lint';
import { RULES_BY_ID } from '../rules';
import type { Rule } from '../rules/types';
import { t } from '../l10n';
import type { Settings } from '../settings';
import { LineIndex } from '../text';
import { FindingLookup, isOurs } from './diagnostics';
import { modelFor } from './document';
import { fileStages } from '../model';
import { runScripts, type RunScript } from '../shell/script';
import { shellParserReady } from '../shell/parser';
import { mergeWithNext } from '../rules/shell/general/consecutive-run';
import type { InstructionInfo } from '../model';
import { sortPackagesAt } from '../rules/shell/general/_sort';
import { mergeNextAt } from '../rules/instructions/_merge';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dockerfile-doctor`;

const DIRECTIVE = /^[ \t]*#[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*=/;

/** The line after the parser directives (`# syntax=`, `# escape=`, `# check=`). */
export function afterDirectives(doc: TextDocument): number {
  const lines = new LineIndex(doc.getText().slice(0, 8192));
  let line = 0;
  while (line < lines.lineCount - 1 && DIRECTIVE.test(line === 0 ? lines.lineText(0).replace(/^\uFEFF/, '') : lines.lineText(line))) line++;
  return line;
}

export interface CodeActionOptions {
  /** The document's warm linter (fix-all re-checks only what its fixes change). */
  linter?: Linter;
  /**
   * The findings the validator last published for the document: a diagnostic's fixes are taken
   * from there. Without them, or when they are for another version, the document is linted again.
   */
  published?: FindingLookup;
  /** The client resolves an action's `edit` later (codeAction/resolve): "Fix all <rule>" is computed only when chosen. */
  lazyEdits?: boolean;
  /** The document changed: stop (fix-all on a big file runs in slices). */
  cancelled?: () => boolean;
}

/** `data` of a "Fix all <rule>" action whose edit comes with codeAction/resolve. */
export interface FixAllData {
  fixAllRule: string;
  uri: string;
  version: number;
}

export async function codeActions(doc: TextDocument, params: CodeActionParams, settings: Settings, options: CodeActionOptions = {}): Promise<CodeAction[]> {
  const { linter, published } = options;
  const version = doc.version;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  if (wants(CodeActionKind.QuickFix)) {
    // The client shows the diagnostics last published: when those are for an older version,
    // fresh ones are on their way and the problems' actions wait for them.
    const stale = published !== undefined && published.version !== doc.version;
    let current = published?.version === doc.version ? published : undefined;
    const findings = (): FindingLookup => (current ??= new FindingLookup(doc.version, (linter ?? new Linter()).lint(doc.getText(), settings)));
    // Per rule, the findings of the whole document that fix-all would fix (for "Fix all <rule>").
    let fixableByRule: Map<string, number> | undefined;
    const fixable = (ruleId: string): number => {
      if (!fixableByRule) {
        fixableByRule = new Map();
        for (const f of findings().findings) {
          if (automaticFix(f)) fixableByRule.set(f.ruleId, (fixableByRule.get(f.ruleId) ?? 0) + 1);
        }
      }
      return fixableByRule.get(ruleId) ?? 0;
    };
    for (const d of stale ? [] : params.context.diagnostics) {
      if (!isOurs(d)) continue;
      const rule = RULES_BY_ID.get(String(d.code));
      if (!rule) continue;
      // A diagnostic that matches no problem of this version is stale: no actions for it.
      const finding = findings().find(d);
      if (!finding) continue;
      // The menu, in this order: the fixes (the first safe one preferred) → ignore for the
      // instruction → for the file → the rule's docs → fix all of this rule.
      let preferredGiven = false;
      for (const fix of finding.fixes) {
        const preferred: boolean = fix.safety === 'safe' && !preferredGiven;
        preferredGiven ||= preferred;
        actions.push({
          title: fix.safety === 'safe' ? fix.title
            : fix.safety === 'suggestion' ? t('{0} (suggestion: complete it)', fix.title)
              : t('{0} (unsafe: review the result)', fix.title),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: preferred,
          edit: { changes: { [uri]: fix.edits.map((e): TextEdit => ({ range: e.range, newText: e.newText })) } },
        });
      }
      actions.push(ignoreInstruction(doc, d, rule, eol, finding.instructionLine));
      const stage = ignoreStage(doc, d, rule, eol, finding.instructionLine);
      if (stage) actions.push(stage);
      actions.push(ignoreFile(doc, d, rule, eol));
      actions.push({
        title: t('Show documentation for {0}', rule.id),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: t('Show documentation for {0}', rule.id), command: SHOW_DOCS_COMMAND, arguments: [rule.id] },
      });
      if (fixable(rule.id) > 1) {
        const title = t('Fix all {0} problems', rule.id);
        if (options.lazyEdits) {
          const data: FixAllData = { fixAllRule: rule.id, uri, version: doc.version };
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], data });
        } else {
          const all = await fixAllAction(doc, settings, { linter, ruleId: rule.id, cancelled: options.cancelled });
          if (all) actions.push({ ...all, title, kind: CodeActionKind.QuickFix, diagnostics: [d] });
        }
      }
    }
  }
  if (wants(CodeActionKind.RefactorRewrite) && (!only || only.length > 0)) {
    const merge = mergeRefactoring(doc, params, settings.rules['consecutive-run'] === 'off');
    if (merge) actions.push(merge);
    // With install-packages-unsorted on, its quick fix does this.
    const sortRule = settings.rules['install-packages-unsorted'];
    const sort = sortRule === undefined || sortRule === 'off' ? sortRefactoring(doc, params) : undefined;
    if (sort) actions.push(sort);
    const mergeKv = mergeKeyValueRefactoring(doc, params, settings);
    if (mergeKv) actions.push(mergeKv);
  }
  if (wants(FIX_ALL_KIND) && (only !== undefined)) {
    const action = await fixAllAction(doc, settings, { linter, cancelled: options.cancelled });
    if (action) actions.push(action);
  }
  // The document changed while fix-all ran (it yields): these edits are for the old text.
  if (doc.version !== version) return [];
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

/** "Sort packages" on a RUN with an install command whose packages are not sorted (or listed twice). */
function sortRefactoring(doc: TextDocument, params: CodeActionParams): CodeAction | undefined {
  if (!shellParserReady()) return undefined;
  const model = modelFor(doc);
  if (!model || doc.getText().length !== model.text.length) return undefined;
  let sorted;
  try {
    sorted = sortPackagesAt(model, params.range.start.line);
  } catch {
    return undefined;
  }
  if (!sorted) return undefined;
  return {
    title: sorted.safety === 'safe' ? t('Sort packages') : t('{0} (unsafe: review the result)', t('Sort packages')),
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [doc.uri]: sorted.edits.map((e): TextEdit => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) } },
  };
}

/** "Merge with the next LABEL/ENV" while consecutive-label / consecutive-env is off (on, its quick fix merges the run). */
function mergeKeyValueRefactoring(doc: TextDocument, params: CodeActionParams, settings: Settings): CodeAction | undefined {
  const model = modelFor(doc);
  if (!model || doc.getText().length !== model.text.length) return undefined;
  let merge;
  try {
    merge = mergeNextAt(model, params.range.start.line);
  } catch {
    return undefined;
  }
  if (!merge) return undefined;
  const level = settings.rules[merge.keyword === 'LABEL' ? 'consecutive-label' : 'consecutive-env'];
  if (level !== undefined && level !== 'off') return undefined;
  const e = merge.edit;
  return {
    title: t('Merge with the next {0}', merge.keyword),
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }] } },
  };
}

/** The client command that opens a rule's docs (offline: the text comes from the server). */
export const SHOW_DOCS_COMMAND = 'dockerfileDoctor.showRuleDocs';

const IGNORE_COMMENT = /^([ \t]*#[ \t]*(hadolint|dockerfile-doctor)[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*)([^ \t#]*)/i;
const STAGE_IGNORE_COMMENT = /^([ \t]*#[ \t]*(hadolint|dockerfile-doctor)[ \t]+stage[ \t]+ignore[ \t]*=[ \t]*)([^ \t#]*)/i;

/**
 * "Ignore <rule> in this stage": a `# dockerfile-doctor stage ignore=` comment above the stage's
 * FROM (an existing stage comment there, ours or hadolint's, is extended). Not offered before the
 * first FROM or when the finding is on the FROM line's own stage comment.
 */
function ignoreStage(doc: TextDocument, d: Diagnostic, rule: Rule, eol: string, line: number): CodeAction | undefined {
  // The stage's FROM line from the same cheap line scan the linter's chunking uses (no parse).
  const lines = new LineIndex(doc.getText());
  let fromLine = -1;
  for (const st of fileStages(lines)) {
    if (st.line > line) break;
    fromLine = st.line;
  }
  if (fromLine < 0) return undefined;
  const title = t('Ignore {0} in this stage', rule.id);
  const act = (edit: TextEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } });
  for (let l = fromLine - 1; l >= 0; l--) {
    const text = lines.lineText(l).replace(/^\uFEFF/, '');
    if (!/^[ \t]*#/.test(text)) break;
    const m = STAGE_IGNORE_COMMENT.exec(text);
    if (m) {
      const at = lines.lineText(l).length - text.length + m[1].length + m[3].length;
      const sep = m[3] === '' || m[3].endsWith(',') ? '' : ',';
      return act({ range: { start: { line: l, character: at }, end: { line: l, character: at } }, newText: `${sep}${codeFor(rule, m[2])}` });
    }
  }
  const bom = fromLine === 0 && doc.getText().startsWith('\uFEFF') ? 1 : 0;
  const indent = /^\uFEFF?([ \t]*)/.exec(lines.lineText(fromLine))?.[1] ?? '';
  return act({ range: { start: { line: fromLine, character: bom }, end: { line: fromLine, character: bom } }, newText: `${indent}# dockerfile-doctor stage ignore=${rule.id}${eol}` });
}

/** The code to write in an existing comment of `style`: hadolint's own code where it has one. */
function codeFor(rule: Rule, style: string): string {
  return style.toLowerCase() === 'hadolint' ? rule.related.hadolint ?? rule.id : rule.id;
}

/** Adds `code` to the id list of an ignore comment on `line` (matched by IGNORE_COMMENT). */
function extendComment(doc: TextDocument, line: number, m: RegExpExecArray, code: string): TextEdit {
  const at = m[1].length + m[4].length;
  const sep = m[4] === '' || m[4].endsWith(',') ? '' : ',';
  return { range: { start: { line, character: at }, end: { line, character: at } }, newText: `${sep}${code}` };
}

function ignoreInstruction(doc: TextDocument, d: Diagnostic, rule: Rule, eol: string, line: number): CodeAction {
  const title = t('Ignore {0} for this instruction', rule.id);
  // An ignore comment right above the instruction (ours or hadolint's) is extended.
  for (let l = line - 1; l >= 0; l--) {
    const text = doc.getText({ start: { line: l, character: 0 }, end: { line: l, character: 4096 } }).replace(/\r?\n$/, '');
    if (!/^[ \t]*#/.test(text)) break;
    const m = IGNORE_COMMENT.exec(text);
    if (m && !m[3]) {
      return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [extendComment(doc, l, m, codeFor(rule, m[2]))] } } };
    }
  }
  const text = doc.getText({ start: { line, character: 0 }, end: { line, character: 200 } });
  const indent = /^\uFEFF?([ \t]*)/.exec(text)?.[1] ?? '';
  const bom = line === 0 && text.startsWith('\uFEFF') ? 1 : 0;
  const edit: TextEdit = { range: { start: { line, character: bom }, end: { line, character: bom } }, newText: `${indent}# dockerfile-doctor ignore=${rule.id}${eol}` };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } };
}

function ignoreFile(doc: TextDocument, d: Diagnostic, rule: Rule, eol: string): CodeAction {
  const title = t('Ignore {0} for this file', rule.id);
  const action = (edit: TextEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } });
  // The file's own style first: an existing global ignore comment, or BuildKit's check directive.
  const lines = new LineIndex(doc.getText().slice(0, 64 * 1024));
  const directives = afterDirectives(doc);
  for (let l = 0; l < lines.lineCount; l++) {
    const text = lines.lineText(l).replace(/^\uFEFF/, '');
    const m = IGNORE_COMMENT.exec(text);
    if (m && m[3]) {
      const bom = lines.lineText(l).length - text.length;
      const edit = extendComment(doc, l, m, codeFor(rule, m[2]));
      edit.range.start.character += bom;
      edit.range.end.character += bom;
      return action(edit);
    }
    if (l < directives && rule.related.buildkit) {
      const c = /^([ \t]*#[ \t]*check[ \t]*=.*?skip[ \t]*=[ \t]*)([^;\s]*)/i.exec(text);
      if (c && c[2] !== 'all') {
        const bom = lines.lineText(l).length - text.length;
        const at = bom + c[1].length + c[2].length;
        return action({ range: { start: { line: l, character: at }, end: { line: l, character: at } }, newText: `${c[2] ? ',' : ''}${rule.related.buildkit}` });
      }
    }
  }
  const line = directives;
  // After a UTF-8 BOM, never before it (that would make the first line an unknown instruction).
  const bom = line === 0 && doc.getText().startsWith('\uFEFF') ? 1 : 0;
  return action({ range: { start: { line, character: bom }, end: { line, character: bom } }, newText: `# dockerfile-doctor global ignore=${rule.id}${eol}` });
}

/**
 * Fix-all as one edit (the smallest that turns the text into the fixed one): all safe fixes
 * (and the unsafe ones with `fixAll.unsafe`), or those of one rule. Runs in slices; undefined
 * when there is nothing to fix or the document changed meanwhile.
 */
export async function fixAllAction(doc: TextDocument, settings: Settings, options: { linter?: Linter; ruleId?: string; cancelled?: () => boolean } = {}): Promise<CodeAction | undefined> {
  const text = doc.getText();
  const version = doc.version;
  const { ruleId } = options;
  const cancelled = () => doc.version !== version || !!options.cancelled?.();
  const fixed = await fixAllAsync(text, settings, { linter: options.linter, unsafe: ruleId ? false : settings.fixAllUnsafe, ruleIds: ruleId ? new Set([ruleId]) : undefined, cancelled });
  if (!fixed || cancelled()) return undefined;
  const edit = minimalEdit(text, fixed.text);
  if (!edit) return undefined;
  const lines = new LineIndex(text);
  return {
    title: t('Fix all safe Dockerfile Doctor problems'),
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [{ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, newText: edit.newText }] } },
  };
}

/** codeAction/resolve: the edit of a "Fix all <rule>" action, if the document is still at its version. */
export async function resolveCodeAction(action: CodeAction, doc: TextDocument | undefined, settings: Settings, linter?: Linter): Promise<CodeAction> {
  const data = action.data as Partial<FixAllData> | undefined;
  if (!doc || !data || typeof data.fixAllRule !== 'string' || data.version !== doc.version) return action;
  const all = await fixAllAction(doc, settings, { linter, ruleId: data.fixAllRule });
  return all ? { ...action, edit: all.edit } : action;
}
