/**
 * The built server over stdio with real LSP messages: open → diagnostics → code actions →
 * apply → the problem is gone; settings, untitled buffers, bad documents, fix-all, locale.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, LspClient } from './lsp';

const SAMPLE = 'FROM alpine:3.20\nRUN apk add curl\nRUN echo hi\nADD app.py /app/\n';
// Other rules (apk-add-without-pin …) also speak about SAMPLE; these three have fixes.
const WITH_FIXES = ['add-instead-of-copy', 'apk-add-without-no-cache', 'consecutive-run'];

function byCode(diags: Diagnostic[], code: string): Diagnostic {
  const d = diags.find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(diags.map((x) => x.code))}`);
  return d!;
}

describe('language server protocol', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    const init = await lsp.initialize();
    const caps = init.capabilities as Record<string, unknown>;
    assert.ok(caps.codeActionProvider && caps.hoverProvider && caps.completionProvider);
  });
  after(() => lsp.shutdown());

  it('publishes diagnostics with source, code, docs link, related codes and fixes', async () => {
    const uri = 'file:///work/a/Dockerfile';
    const all = (await lsp.open(uri, SAMPLE)).diagnostics;
    const diagnostics = all.filter((d) => WITH_FIXES.includes(String(d.code)));
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), WITH_FIXES);
    for (const d of all) {
      assert.equal(d.source, 'dockerfile-doctor');
      assert.match(d.codeDescription!.href, new RegExp(`/rules/(?:[a-z]+/)+${d.code}\\.md$`));
    }
    for (const d of diagnostics) {
      assert.equal(d.source, 'dockerfile-doctor');
      assert.match(d.codeDescription!.href, new RegExp(`/rules/(?:[a-z]+/)+${d.code}\\.md$`));
      const data = d.data as { related: Record<string, string>; fixes: number };
      assert.ok(data.related.hadolint, `${d.code} has its hadolint code`);
      assert.ok(data.fixes > 0, 'the diagnostic says it has fixes (their edits come with the code actions)');
    }
    assert.equal((byCode(diagnostics, 'add-instead-of-copy').data as { related: { hadolint: string } }).related.hadolint, 'DL3020');
  });

  for (const [code, expected] of [
    ['apk-add-without-no-cache', 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN echo hi\nADD app.py /app/\n'],
    ['add-instead-of-copy', 'FROM alpine:3.20\nRUN apk add curl\nRUN echo hi\nCOPY app.py /app/\n'],
    ['consecutive-run', 'FROM alpine:3.20\nRUN apk add curl && \\\n    echo hi\nADD app.py /app/\n'],
  ] as const) {
    it(`quick fix for ${code}: preferred first, applied, re-lint is clean of it`, async () => {
      const uri = `file:///work/fix-${code}/Dockerfile`;
      const { diagnostics } = await lsp.open(uri, SAMPLE);
      const d = byCode(diagnostics, code);
      const actions = await lsp.codeActions(uri, [d]);
      assert.ok(actions.length >= 3, 'fix, ignore for the instruction, ignore for the file');
      assert.equal(actions[0].isPreferred, true);
      assert.equal(actions[0].kind, 'quickfix');
      assert.deepEqual(actions[0].diagnostics, [d]);
      const fixed = applyEdits(SAMPLE, actions[0].edit!.changes[uri]);
      assert.equal(fixed, expected);
      const after = await lsp.change(uri, fixed);
      assert.ok(!after!.diagnostics.some((x) => x.code === code), `${code} still reported`);
      assert.ok(!after!.diagnostics.some((x) => x.severity === 1), 'no error after the fix');
      // Applying again offers nothing for that rule.
      const again = await lsp.codeActions(uri, after!.diagnostics);
      assert.ok(!again.some((a) => a.diagnostics?.some((x) => x.code === code)));
      await lsp.close(uri);
    });
  }

  it('ignore comments: for the instruction above it, for the file after the directives', async () => {
    const uri = 'file:///work/ignore/Dockerfile';
    const text = '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nADD a /a\n';
    const { diagnostics } = await lsp.open(uri, text);
    const actions = await lsp.codeActions(uri, [byCode(diagnostics, 'add-instead-of-copy')]);
    const forInstruction = actions.find((a) => /instruction/.test(a.title))!;
    const forFile = actions.find((a) => /file/.test(a.title))!;
    const one = applyEdits(text, forInstruction.edit!.changes[uri]);
    assert.equal(one, '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n# dockerfile-doctor ignore=add-instead-of-copy\nADD a /a\n');
    assert.deepEqual((await lsp.change(uri, one))!.diagnostics, []);
    const all = applyEdits(text, forFile.edit!.changes[uri]);
    assert.equal(all, '# syntax=docker/dockerfile:1\n# dockerfile-doctor global ignore=add-instead-of-copy\nFROM alpine:3.20\nADD a /a\n');
    assert.deepEqual((await lsp.change(uri, all))!.diagnostics, []);
    await lsp.close(uri);
  });

  it('fix-all (source.fixAll.dockerfile-doctor) applies every safe fix', async () => {
    const uri = 'file:///work/fixall/Dockerfile';
    await lsp.open(uri, SAMPLE);
    const actions = await lsp.codeActions(uri, [], ['source.fixAll.dockerfile-doctor']);
    assert.equal(actions.length, 1);
    const fixed = applyEdits(SAMPLE, actions[0].edit!.changes[uri]);
    assert.equal(fixed, 'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    echo hi\nCOPY app.py /app/\n');
    await lsp.close(uri);
  });

  it('lints untitled buffers too', async () => {
    const uri = 'untitled:Untitled-1';
    const { diagnostics } = await lsp.open(uri, 'FROM alpine\nADD a.txt /a.txt\n');
    byCode(diagnostics, 'add-instead-of-copy');
    await lsp.close(uri);
  });

  it('applies settings per document, live: severity map, rule off, enable=false', async () => {
    const uri = 'file:///work/settings/Dockerfile';
    await lsp.open(uri, SAMPLE);
    lsp.settings = { rules: { 'add-instead-of-copy': 'error', 'consecutive-run': 'off' } };
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    let p = await lsp.waitFor(uri, (x) => !x.diagnostics.some((d) => d.code === 'consecutive-run'));
    assert.equal(byCode(p.diagnostics, 'add-instead-of-copy').severity, 1);
    lsp.settings = { enable: false };
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    p = await lsp.waitFor(uri, (x) => x.diagnostics.length === 0);
    lsp.settings = {};
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    p = await lsp.waitFor(uri, (x) => WITH_FIXES.every((c) => x.diagnostics.some((d) => d.code === c)));
    await lsp.close(uri);
  });

  it('a document that makes the parser throw does not stop the others', async () => {
    const bad = 'file:///work/bad/Dockerfile';
    const good = 'file:///work/good/Dockerfile';
    await lsp.open(bad, 'RUN x \\\r# c\n');
    const { diagnostics } = await lsp.open(good, 'FROM alpine\nADD a /a\n');
    byCode(diagnostics, 'add-instead-of-copy');
    await lsp.change(bad, '\u0000\u0001\uffff RUN \\\r\r\\');
    assert.equal(lsp.proc.exitCode, null, 'server still running');
    await lsp.close(bad);
    await lsp.close(good);
  });

  it('publishes only the newest version after a burst of changes', async () => {
    const uri = 'file:///work/burst/Dockerfile';
    await lsp.open(uri, 'FROM alpine\n');
    let text = 'FROM alpine\n';
    for (let i = 0; i < 30; i++) {
      text += `RUN apk add p${i}\n`;
      await lsp.change(uri, text, false);
    }
    const last = await lsp.current(uri);
    assert.equal(last.diagnostics.filter((d) => d.code === 'apk-add-without-no-cache').length, 30);
    await lsp.close(uri);
  });

  it('hover on an instruction and keyword completion', async () => {
    const uri = 'file:///work/hover/Dockerfile';
    await lsp.open(uri, 'FROM alpine\nru\n');
    const hover = await lsp.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }) as { contents: { value: string } };
    assert.match(hover.contents.value, /FROM/);
    const items = await lsp.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } }) as { label: string }[];
    // The casing of the file's other keywords (FROM), not of the half-typed word.
    assert.ok(items.some((i) => i.label === 'RUN'));
    await lsp.close(uri);
  });

  it('clears diagnostics on close', async () => {
    const uri = 'file:///work/close/Dockerfile';
    await lsp.open(uri, 'FROM alpine\nADD a /a\n');
    const cleared = lsp.waitFor(uri, (p) => p.diagnostics.length === 0);
    await lsp.close(uri);
    await cleared;
  });
});

describe('language server in Chinese', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize('zh-cn');
  });
  after(() => lsp.shutdown());

  it('speaks Simplified Chinese when the UI does', async () => {
    const uri = 'file:///work/zh/Dockerfile';
    const { diagnostics } = await lsp.open(uri, 'FROM alpine\nADD a /a\n');
    const d = byCode(diagnostics, 'add-instead-of-copy');
    assert.match(String(d.message), /[\u4e00-\u9fff]/, String(d.message));
    const actions = await lsp.codeActions(uri, [d]);
    assert.match(actions[0].title, /[\u4e00-\u9fff]/, actions[0].title);
  });
});

describe('language server: the build context of files in a workspace folder', () => {
  let lsp: LspClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-lsp-ws-'));
    fs.mkdirSync(path.join(root, 'docker'));
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    fs.writeFileSync(path.join(root, '.dockerignore'), 'secret.txt\n');
    lsp = new LspClient();
    await lsp.initialize('en', {
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
  });
  after(() => lsp.shutdown());

  it('reports missing and ignored COPY sources, and re-checks when files change', async () => {
    const uri = pathToFileURL(path.join(root, 'Dockerfile')).href;
    const { diagnostics } = await lsp.open(uri, 'FROM alpine:3.20\nCOPY app.py /app/\nCOPY secret.txt /s\n');
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['copy-ignored-file', 'copy-source-missing']);
    fs.writeFileSync(path.join(root, 'app.py'), '');
    const again = lsp.waitFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'copy-source-missing'));
    await lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, 'app.py')).href, type: 1 }] });
    await again;
  });

  it('hints at the workspace folder as the context, and follows dockerfileDoctor.buildContext', async () => {
    const uri = pathToFileURL(path.join(root, 'docker', 'Dockerfile')).href;
    const { diagnostics } = await lsp.open(uri, 'FROM alpine:3.20\nCOPY package.json /app/\n');
    assert.deepEqual(diagnostics.map((d) => d.code), ['build-context-mismatch']);
    lsp.settings = { buildContext: '${workspaceFolder}' };
    const clean = lsp.waitFor(uri, (p) => p.diagnostics.length === 0);
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await clean;
    lsp.settings = {};
  });

  it('re-checks COPY . when its .dockerignore changes', async () => {
    fs.mkdirSync(path.join(root, 'svc'));
    fs.writeFileSync(path.join(root, 'svc', '.dockerignore'), 'node_modules\n');
    const uri = pathToFileURL(path.join(root, 'svc', 'Dockerfile')).href;
    const { diagnostics } = await lsp.open(uri, 'FROM alpine:3.20\nCOPY . /app\n');
    const d = byCode(diagnostics, 'copy-whole-context');
    assert.match(String(d.message), /\.dockerignore does not exclude \.env;/);
    fs.writeFileSync(path.join(root, 'svc', '.dockerignore'), 'node_modules\n.env\n');
    const clean = lsp.waitFor(uri, (p) => !p.diagnostics.some((x) => x.code === 'copy-whole-context'));
    await lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, 'svc', '.dockerignore')).href, type: 2 }] });
    await clean;
  });

  it('no build-context findings outside the workspace folders or for untitled buffers', async () => {
    const { diagnostics } = await lsp.open('untitled:Untitled-9', 'FROM alpine\nCOPY nope /x\n');
    assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('copy-') || d.code === 'build-context-mismatch'), []);
    const outside = await lsp.open('file:///elsewhere/Dockerfile', 'FROM alpine\nCOPY nope /x\n');
    assert.deepEqual(outside.diagnostics.filter((d) => String(d.code).startsWith('copy-')), []);
  });
});
