// End-to-end tests that run INSIDE a real VS Code extension host, against the real
// extension (`dockerfile-doctor.dockerfile-doctor`): diagnostics, quick fixes, settings,
// untitled documents, snippets and activation.
//
// VS Code calls `run()` (extensionTestsPath). The same file runs under code-server
// (test/e2e/run-code-server.mjs, the packaged .vsix) and @vscode/test-electron
// (test/e2e/run-electron.mjs). No mocha: a tiny sequential runner below.
//
// Environment:
//   DD_E2E_RESULT         write {passed, failed, tests:[{name, ok, error?, ms}]} to this path
//   DD_E2E_EXPECT_VSIX=1  the extension must come from DD_E2E_EXTENSIONS_DIR (the installed .vsix)
//   DD_E2E_EXTENSIONS_DIR the fresh extensions dir the .vsix was installed into
//   DD_E2E_LOCALE         `en` or `zh-cn`: VS Code runs in that display language; adds a test
//                         that vscode.env.language, the server's diagnostics and quick fixes
//                         and the localised manifest are in that language
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dockerfile-doctor.dockerfile-doctor';
const SOURCE = 'dockerfile-doctor';
const TEST_TIMEOUT_MS = 30_000;
const WAIT_MS = 15_000;

// ---------------------------------------------------------------------------------------
/** Figures the runner prints (ms). */
const metrics: Record<string, number> = {};

// A tiny runner: sequential async tests, one timeout each, results collected.

interface TestResult {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

type TestFn = () => Promise<void>;
const tests: { name: string; fn: TestFn }[] = [];
function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function log(line: string): void {
  // Shows in the extension host log (code-server) or the terminal (test-electron).
  console.log(`[dd-e2e] ${line}`);
}

export async function run(): Promise<void> {
  const results: TestResult[] = [];
  for (const t of tests) {
    const start = Date.now();
    try {
      await withTimeout(t.fn(), TEST_TIMEOUT_MS, t.name);
      results.push({ name: t.name, ok: true, ms: Date.now() - start });
      log(`ok   ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      results.push({ name: t.name, ok: false, error, ms: Date.now() - start });
      log(`FAIL ${t.name} (${Date.now() - start} ms): ${error}`);
    }
    try {
      await cleanUp();
    } catch (e) {
      log(`clean-up after "${t.name}" failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const out = process.env.DD_E2E_RESULT;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Write then rename, so a watcher never reads a half-written file.
    fs.writeFileSync(`${out}.tmp`, JSON.stringify({ passed, failed, tests: results, metrics }, null, 2));
    fs.renameSync(`${out}.tmp`, out);
  }
  log(`${passed} passed, ${failed} failed`);
  if (failed > 0) {
    throw new Error(`${failed} of ${results.length} e2e tests failed`);
  }
}

// ---------------------------------------------------------------------------------------
// Helpers

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** `code` is `{value, target}` when the server sets codeDescription.href. */
function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags
    .map((d) => `${d.source}/${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}[sev ${d.severity}]`)
    .join(', ');
}

/**
 * Resolves with our diagnostics for `uri` once `accept` returns true for them: checked
 * now and again on every `onDidChangeDiagnostics` event for that uri. No sleeps.
 */
function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const finish = (err?: Error) => {
      done = true;
      sub.dispose();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(ours(uri));
    };
    const check = () => {
      if (done) return;
      try {
        if (accept(ours(uri))) finish();
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      if (!done) {
        finish(
          new Error(
            `waiting for diagnostics (${what}) on ${uri.toString(true)} timed out after ${ms} ms; ` +
              `all diagnostics now: ${describe(vscode.languages.getDiagnostics(uri))}`,
          ),
        );
      }
    }, ms);
    check();
  });
}

const hasCode = (code: string) => (diags: vscode.Diagnostic[]) => diags.some((d) => codeOf(d) === code);
const lacksCode = (code: string) => (diags: vscode.Diagnostic[]) => !diags.some((d) => codeOf(d) === code);

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'no workspace folder is open (the runner must open test/e2e/workspace or a copy of it)');
  return folder.uri;
}

let copies = 0;
/** A fresh copy of the workspace's sample Dockerfile, so tests don't depend on each other. */
async function freshCopy(name: string): Promise<vscode.Uri> {
  const root = workspaceRoot();
  const content = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'Dockerfile'));
  const uri = vscode.Uri.joinPath(root, 'copies', `${++copies}-${name}.Dockerfile`);
  await vscode.workspace.fs.writeFile(uri, content);
  return uri;
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Reverts and closes every editor (never saves), then closes whatever else is open. */
async function cleanUp(): Promise<void> {
  for (let i = 0; i < 30 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function describeRange(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return codeOf(a) === codeOf(b) && a.range.isEqual(b.range) && a.message === b.message;
}

/**
 * A range inside `target` that touches no other diagnostic, so the code-action request
 * carries only `target` in its context. Needed because `vscode.executeCodeActionProvider`
 * returns CodeActions WITHOUT their `diagnostics` (VS Code drops them when converting
 * the result), so "the action for this diagnostic" cannot be read off the result.
 */
function isolatingRange(doc: vscode.TextDocument, target: vscode.Diagnostic): vscode.Range {
  const others = vscode.languages.getDiagnostics(doc.uri).filter((d) => !sameDiagnostic(d, target));
  const start = doc.offsetAt(target.range.start);
  const end = doc.offsetAt(target.range.end);
  for (let off = start; off <= end; off++) {
    const p = doc.positionAt(off);
    if (!others.some((o) => o.range.contains(p))) return new vscode.Range(p, p);
  }
  return target.range; // fully overlapped: the request then carries several diagnostics
}

/** The one preferred quick fix (with an edit) that the server offers for the diagnostic with `code`. */
async function preferredFix(uri: vscode.Uri, code: string): Promise<vscode.CodeAction> {
  const diags = await waitForDiagnostics(uri, hasCode(code), `${code} present`);
  const diag = diags.find((d) => codeOf(d) === code)!;
  const range = isolatingRange(await vscode.workspace.openTextDocument(uri), diag);
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
      20, // resolve lazily computed edits (codeAction/resolve), if the server uses them
    )) ?? [];
  const codeActions = actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
  // If a future VS Code keeps `diagnostics` on the result, use them; otherwise the
  // isolating range above made `diag` the only diagnostic the provider was asked about.
  const forDiag = (a: vscode.CodeAction) => a.diagnostics === undefined || a.diagnostics.some((d) => sameDiagnostic(d, diag));
  const preferred = codeActions.filter((a) => a.isPreferred === true && forDiag(a));
  const offered = () =>
    JSON.stringify(
      codeActions.map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: a.isPreferred, hasEdit: !!a.edit })),
    );
  assert(preferred.length > 0, `no preferred quick fix for ${code} (asked at ${describeRange(range)}); actions offered: ${offered()}`);
  assert(
    preferred.length === 1,
    `${preferred.length} preferred quick fixes for ${code} (asked at ${describeRange(range)}), expected one: ${offered()}`,
  );
  const fix = preferred[0];
  assert(fix.edit, `the preferred quick fix for ${code} ("${fix.title}") has no edit`);
  return fix;
}

/** Applies the preferred quick fix for the diagnostic with `code` and returns the document. */
async function applyPreferredFix(uri: vscode.Uri, code: string): Promise<vscode.TextDocument> {
  const fix = await preferredFix(uri, code);
  const applied = await vscode.workspace.applyEdit(fix.edit!);
  assert(applied, `workspace.applyEdit refused the quick fix for ${code} ("${fix.title}")`);
  return vscode.workspace.openTextDocument(uri);
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

const config = () => vscode.workspace.getConfiguration('dockerfileDoctor');

// ---------------------------------------------------------------------------------------
// Tests

test('the extension under test is the expected build', async () => {
  const ext = extension();
  log(`VS Code ${vscode.version}, remote ${vscode.env.remoteName ?? '(local)'}, extension at ${ext.extensionPath}`);
  if (process.env.DD_E2E_EXPECT_VSIX === '1') {
    const dir = process.env.DD_E2E_EXTENSIONS_DIR;
    assert(dir, 'DD_E2E_EXPECT_VSIX=1 but DD_E2E_EXTENSIONS_DIR is not set');
    const rel = path.relative(fs.realpathSync(dir), fs.realpathSync(ext.extensionPath));
    assert(
      rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel),
      `expected the extension from the installed .vsix in ${dir}, but it runs from ${ext.extensionPath}`,
    );
  }
});

test('activates when a Dockerfile is opened', async () => {
  const ext = extension();
  log(`active before opening a Dockerfile: ${ext.isActive}`);
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'Dockerfile');
  const opened = Date.now();
  const editor = await open(uri);
  equal(editor.document.languageId, 'dockerfile', 'languageId of the sample Dockerfile');
  // Diagnostics from our server arriving proves the client started it.
  try {
    await waitForDiagnostics(uri, (d) => d.length > 0, 'any dockerfile-doctor diagnostic');
  } catch (e) {
    if (!ext.isActive) {
      const events = JSON.stringify(ext.packageJSON?.activationEvents ?? null);
      throw new Error(
        `the extension did not activate on opening a Dockerfile (package.json activationEvents: ${events}; ` +
          'VS Code only derives onLanguage:<id> from contributes.languages entries that have a "configuration")',
      );
    }
    throw e;
  }
  // Activation (client start, server process, wasm load) → the first diagnostics, as a user waits for it.
  metrics.activationToFirstDiagnosticsMs = Date.now() - opened;
  log(`open (with activation) → first diagnostics: ${metrics.activationToFirstDiagnosticsMs} ms`);
  assert(ext.isActive, 'extension is not active after opening a Dockerfile');
});

test('diagnostics on the workspace Dockerfile', async () => {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'Dockerfile');
  await open(uri);
  const want = ['apk-add-without-no-cache', 'consecutive-run', 'add-instead-of-copy'];
  const diags = await waitForDiagnostics(uri, (d) => want.every((c) => hasCode(c)(d)), want.join(' + '));
  for (const d of diags) {
    assert(d.message.length > 0, `diagnostic ${codeOf(d)} has an empty message`);
  }
  const add = diags.find((d) => codeOf(d) === 'add-instead-of-copy')!;
  equal(add.range.start.line, 3, 'line of add-instead-of-copy (0-based)');
  if (typeof add.code === 'object') {
    assert(add.code.target instanceof vscode.Uri, 'code.target (codeDescription.href) is not a Uri');
  }
});

// What a user of each display language must see (l10n/bundle.l10n.zh-cn.json and
// package.nls.zh-cn.json hold the Chinese; package.nls.json and the server's sources the English).
const LOCALISED: Record<string, { addMessage: string; addFix: string; restartCommand: string }> = {
  en: {
    addMessage: 'Use COPY instead of ADD for files and folders',
    addFix: 'Use COPY instead of ADD',
    restartCommand: 'Restart the language server',
  },
  'zh-cn': {
    addMessage: '复制文件和目录请使用 COPY 而不是 ADD',
    addFix: '改用 COPY 代替 ADD',
    restartCommand: '重启语言服务器',
  },
};
const LOCALE = process.env.DD_E2E_LOCALE;
if (LOCALE) {
  test(`display language ${LOCALE}: env.language, diagnostics, quick fix and manifest`, async () => {
    const want = LOCALISED[LOCALE];
    assert(want, `DD_E2E_LOCALE=${LOCALE}: no expected strings for it (known: ${Object.keys(LOCALISED).join(', ')})`);
    log(`vscode.env.language = ${vscode.env.language}`);
    equal(vscode.env.language, LOCALE, 'vscode.env.language (what vscode-languageclient sends as initialize.locale)');

    const uri = await freshCopy(`locale-${LOCALE}`);
    await open(uri);
    const diags = await waitForDiagnostics(uri, hasCode('add-instead-of-copy'), 'add-instead-of-copy present');
    const message = diags.find((d) => codeOf(d) === 'add-instead-of-copy')!.message;
    log(`add-instead-of-copy message: ${message}`);
    if (LOCALE.startsWith('zh')) {
      assert(/[\u4e00-\u9fff]/.test(message), `the add-instead-of-copy message has no Chinese characters: ${JSON.stringify(message)}`);
    }
    equal(message, want.addMessage, 'add-instead-of-copy message');

    const fix = await preferredFix(uri, 'add-instead-of-copy');
    log(`preferred quick fix: ${fix.title}`);
    equal(fix.title, want.addFix, 'title of the preferred quick fix for add-instead-of-copy');

    // The manifest (package.nls.<locale>.json) as VS Code localised it for this display language.
    // A localised title reads { value, original } (the English kept for the command palette).
    const commands: { command: string; title: string | { value: string } }[] = extension().packageJSON?.contributes?.commands ?? [];
    const restart = commands.find((c) => c.command === 'dockerfileDoctor.restartServer');
    assert(restart, 'the manifest contributes no dockerfileDoctor.restartServer command');
    const title = typeof restart.title === 'string' ? restart.title : restart.title?.value;
    equal(title, want.restartCommand, 'title of dockerfileDoctor.restartServer in the localised manifest');
  });
}

test('quick fix: apk-add-without-no-cache', async () => {
  const uri = await freshCopy('apk');
  await open(uri);
  const doc = await applyPreferredFix(uri, 'apk-add-without-no-cache');
  equal(doc.lineAt(1).text, 'RUN apk add --no-cache curl', 'line 2 after the fix');
  await waitForDiagnostics(uri, lacksCode('apk-add-without-no-cache'), 'apk-add-without-no-cache gone');
});

test('quick fix: add-instead-of-copy', async () => {
  const uri = await freshCopy('add');
  await open(uri);
  const doc = await applyPreferredFix(uri, 'add-instead-of-copy');
  const line = doc.getText().split(/\r?\n/).find((l) => /^(ADD|COPY)\b/.test(l));
  equal(line, 'COPY app.py /app/', 'the ADD line after the fix');
  await waitForDiagnostics(uri, lacksCode('add-instead-of-copy'), 'add-instead-of-copy gone');
});

test('quick fix: consecutive-run', async () => {
  const uri = await freshCopy('merge');
  const before = (await open(uri)).document.getText();
  const runs = (text: string) => text.split(/\r?\n/).filter((l) => /^\s*RUN\b/i.test(l)).length;
  const doc = await applyPreferredFix(uri, 'consecutive-run');
  equal(runs(doc.getText()), runs(before) - 1, 'number of RUN instructions after merging');
  await waitForDiagnostics(uri, lacksCode('consecutive-run'), 'consecutive-run gone');
});

test('settings: rules override and enable apply without reload', async () => {
  const uri = await freshCopy('settings');
  await open(uri);
  try {
    await waitForDiagnostics(uri, hasCode('add-instead-of-copy'), 'add-instead-of-copy present');

    await config().update('rules', { 'add-instead-of-copy': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, lacksCode('add-instead-of-copy'), 'add-instead-of-copy off');

    await config().update('rules', { 'add-instead-of-copy': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'add-instead-of-copy' && x.severity === vscode.DiagnosticSeverity.Error),
      'add-instead-of-copy as Error',
    );

    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'add-instead-of-copy' && x.severity !== vscode.DiagnosticSeverity.Error),
      'add-instead-of-copy back to its default severity',
    );

    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no dockerfile-doctor diagnostics when disabled');

    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, hasCode('add-instead-of-copy'), 'diagnostics back after re-enabling');
  } finally {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
  }
});

test('untitled dockerfile document gets diagnostics', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine\nADD a.txt /a.txt\n' });
  await vscode.window.showTextDocument(doc);
  equal(doc.uri.scheme, 'untitled', 'scheme');
  const diags = await waitForDiagnostics(doc.uri, hasCode('add-instead-of-copy'), 'add-instead-of-copy');
  equal(diags.find((d) => codeOf(d) === 'add-instead-of-copy')!.range.start.line, 1, 'line (0-based)');
});

test('snippet mirror-apk inserts the Aliyun apk mirror', async () => {
  const file = path.join(extension().extensionPath, 'snippets', 'dockerfile.code-snippets');
  assert(fs.existsSync(file), `snippets file not found: ${file}`);
  let snippets: Record<string, { prefix?: string | string[]; body?: string | string[] }>;
  try {
    // Strict JSON (test/snippets checks that), though VS Code would accept comments.
    snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof snippets;
  } catch (e) {
    throw new Error(`cannot parse ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const entry = Object.entries(snippets).find(([, s]) =>
    ([] as string[]).concat(s.prefix ?? []).includes('mirror-apk'),
  );
  assert(entry, `no snippet with prefix "mirror-apk" in ${file}; prefixes: ${Object.values(snippets).map((s) => JSON.stringify(s.prefix)).join(', ')}`);
  const body = ([] as string[]).concat(entry[1].body ?? []).join('\n');
  const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine:3.20\n' });
  const editor = await vscode.window.showTextDocument(doc);
  const ok = await editor.insertSnippet(new vscode.SnippetString(body), doc.lineAt(1).range.start);
  assert(ok, `insertSnippet("${entry[0]}") returned false`);
  const text = editor.document.getText();
  assert(text.includes('mirrors.aliyun.com'), `snippet text lacks mirrors.aliyun.com:\n${text}`);
  assert(text.includes('/etc/apk/repositories'), `snippet text lacks /etc/apk/repositories:\n${text}`);
});

test('code-action menu: fix, ignore for the instruction, for the file, docs — in that order', async () => {
  const uri = await freshCopy('menu');
  await open(uri);
  const diags = await waitForDiagnostics(uri, hasCode('add-instead-of-copy'), 'add-instead-of-copy present');
  const diag = diags.find((d) => codeOf(d) === 'add-instead-of-copy')!;
  const range = isolatingRange(await vscode.workspace.openTextDocument(uri), diag);
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 20)) ?? [];
  const titles = actions.map((a) => a.title);
  log(`menu: ${JSON.stringify(titles)}`);
  const want = LOCALE?.startsWith('zh')
    ? ['改用 COPY 代替 ADD', '对此指令忽略 add-instead-of-copy', '在此文件中忽略 add-instead-of-copy', '显示 add-instead-of-copy 的文档']
    : ['Use COPY instead of ADD', 'Ignore add-instead-of-copy for this instruction', 'Ignore add-instead-of-copy for this file', 'Show documentation for add-instead-of-copy'];
  const at = want.map((w) => titles.indexOf(w));
  assert(at.every((i) => i >= 0), `menu lacks some of ${JSON.stringify(want)}: ${JSON.stringify(titles)}`);
  assert(at.every((i, k) => k === 0 || i > at[k - 1]), `menu order ${JSON.stringify(titles)}`);
  // The docs action opens the rule's docs (offline, served by the server) in a Markdown preview.
  const docsAction = actions[at[3]] as vscode.CodeAction;
  assert(docsAction.command?.command === 'dockerfileDoctor.showRuleDocs', `docs action runs ${docsAction.command?.command}`);
  const docs = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'dockerfile-doctor-docs', path: '/add-instead-of-copy.md' }));
  assert(docs.getText().startsWith('# add-instead-of-copy'), `docs text: ${docs.getText().slice(0, 80)}`);
  if (LOCALE?.startsWith('zh')) assert(/[\u4e00-\u9fff]/.test(docs.getText()), 'the docs are in Chinese');
  await vscode.commands.executeCommand(docsAction.command!.command, ...(docsAction.command!.arguments ?? []));
});

test('"Fix all <rule>" in the menu: its edit is resolved when chosen (codeAction/resolve) and fixes every instance', async () => {
  const root = workspaceRoot();
  const uri = vscode.Uri.joinPath(root, 'copies', `${++copies}-fix-all-rule.Dockerfile`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('FROM alpine:3.20\nADD a.txt /a.txt\nADD b.txt /b.txt\nADD c.txt /c.txt\n'));
  await open(uri);
  const isAdd = (d: vscode.Diagnostic) => codeOf(d) === 'add-instead-of-copy';
  const diags = await waitForDiagnostics(uri, (d) => d.filter(isAdd).length === 3, 'three add-instead-of-copy');
  const diag = diags.filter(isAdd)[1];
  const range = isolatingRange(await vscode.workspace.openTextDocument(uri), diag);
  const actions = ((await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 20)) ?? []) as vscode.CodeAction[];
  const title = LOCALE?.startsWith('zh') ? '修复所有 add-instead-of-copy 问题' : 'Fix all add-instead-of-copy problems';
  const all = actions.find((a) => a.title === title);
  assert(all, `no "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
  assert(all.edit, 'the action has its edit after resolving');
  assert(await vscode.workspace.applyEdit(all.edit), 'the edit applies');
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  equal(text, 'FROM alpine:3.20\nCOPY a.txt /a.txt\nCOPY b.txt /b.txt\nCOPY c.txt /c.txt\n', 'every ADD became COPY');
  await waitForDiagnostics(uri, (d) => !d.some(isAdd), 'no add-instead-of-copy left');
});

test('fix-all on save (editor.codeActionsOnSave) applies the safe fixes, undone in one step', async () => {
  const uri = await freshCopy('fixall-save');
  const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
  await editorConfig.update('codeActionsOnSave', { 'source.fixAll.dockerfile-doctor': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
  try {
    const editor = await open(uri);
    await waitForDiagnostics(uri, hasCode('add-instead-of-copy'), 'add-instead-of-copy present');
    // A user's edit (so the file is dirty), then an explicit save runs the code actions on save.
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '# saved\n'));
    const before = editor.document.getText();
    await vscode.commands.executeCommand('workbench.action.files.save');
    const after = editor.document.getText();
    assert(after !== before, 'save applied no fix');
    assert(after.includes('COPY app.py /app/') && after.includes('apk add --no-cache curl'), `text after fix-all on save:\n${after}`);
    await waitForDiagnostics(uri, (d) => lacksCode('add-instead-of-copy')(d) && lacksCode('apk-add-without-no-cache')(d), 'fixed problems gone');
    await vscode.commands.executeCommand('undo');
    equal(editor.document.getText(), before, 'one undo restores the text before fix-all');
  } finally {
    await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
  }
});

// ---------------------------------------------------------------------------------------
// Editor features (issue 11): Outline, rename, format on save, hover, completion.

const MULTI_STAGE = 'FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD ["/app"]\n';

async function scratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'copies', `${++copies}-${name}.Dockerfile`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

test('Outline: stages as parents, instructions as children', async () => {
  const uri = await scratch('outline', MULTI_STAGE);
  await open(uri);
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  log(`outline: ${JSON.stringify(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]))}`);
  equal(symbols.length, 2, 'stages in the outline');
  assert(symbols[0].name.includes('build'), `first stage named by its name: ${symbols[0].name}`);
  assert(symbols[1].name.includes('alpine'), `second stage named by its image: ${symbols[1].name}`);
  assert((symbols[0].children?.length ?? 0) >= 2 && (symbols[1].children?.length ?? 0) >= 2, 'instructions under each stage');
});

test('rename a stage: every reference follows', async () => {
  const uri = await scratch('rename', MULTI_STAGE);
  const editor = await open(uri);
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, new vscode.Position(0, 22), 'builder');
  assert(edit, 'no rename edit');
  assert(await vscode.workspace.applyEdit(edit), 'applyEdit refused the rename');
  const text = editor.document.getText();
  equal(text, MULTI_STAGE.replace('AS build', 'AS builder').replace('--from=build', '--from=builder'), 'text after renaming the stage');
});

test('format on save (editor.formatOnSave) tidies keywords and blanks, idempotent', async () => {
  const uri = await scratch('format', 'FROM alpine:3.20\nRUN  echo hi   \nrun echo there\n');
  const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
  await editorConfig.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
  await editorConfig.update('defaultFormatter', EXTENSION_ID, vscode.ConfigurationTarget.Workspace, true);
  try {
    const editor = await open(uri);
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), 'CMD ["sh"]\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    const text = editor.document.getText();
    equal(text, 'FROM alpine:3.20\nRUN echo hi\nRUN echo there\nCMD ["sh"]\n', 'text after format on save');
    const again = (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 4, insertSpaces: true })) ?? [];
    equal(again.length, 0, 'edits from formatting the formatted text');
  } finally {
    await editorConfig.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await editorConfig.update('defaultFormatter', undefined, vscode.ConfigurationTarget.Workspace, true);
  }
});

test('hover on an instruction, in the display language', async () => {
  const uri = await scratch('hover', MULTI_STAGE);
  await open(uri);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 1))) ?? [];
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  log(`hover: ${text.slice(0, 120)}`);
  assert(text.includes('FROM'), `hover on FROM: ${text}`);
  if (LOCALE?.startsWith('zh')) assert(/[\u4e00-\u9fff]/.test(text), `hover is not in Chinese: ${text}`);
});

test('completion after --from= offers the earlier stages', async () => {
  const uri = await scratch('complete', 'FROM golang:1.22 AS build\nFROM node:20 AS web\nFROM alpine:3.20\nCOPY --from=\n');
  await open(uri);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 12));
  const labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  log(`completion after --from=: ${JSON.stringify(labels.slice(0, 10))}`);
  assert(labels.includes('build') && labels.includes('web'), `stage names offered: ${JSON.stringify(labels)}`);
});

test('restart the server: diagnostics again, and its second start loads the code cache the first one wrote', async () => {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'Dockerfile');
  await open(uri);
  await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics before the restart');
  // The first server wrote its code cache 3 s after its first diagnostics (server/src/bootstrap.ts):
  // the suite has run far longer. The runner looks for the new server's "loaded" line in the log.
  const t0 = Date.now();
  await vscode.commands.executeCommand('dockerfileDoctor.restartServer');
  await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics after the restart');
  metrics.restartToDiagnosticsMs = Date.now() - t0;
  log(`restart (stop, start with the code cache, initialize) → diagnostics: ${metrics.restartToDiagnosticsMs} ms`);
  // The new server logs what it did with the cache 3 s after its first diagnostics.
  await new Promise((r) => setTimeout(r, 3500));
});
