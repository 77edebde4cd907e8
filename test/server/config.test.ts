/**
 * The editor with a workspace `.hadolint.yaml`: the same findings as the CLI on the same
 * files, editor settings over the config file, re-read on a watched-file change, and a
 * malformed config shown as a diagnostic on the config file plus a message (the rest applies).
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp';

const ROOT = path.resolve(__dirname, '../../..');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
// Pinned packages, and app.py exists next to the Dockerfile (see before()), so only the rules under test report.
const TEXT = 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\nRUN echo hi\n# hadolint ignore=DL3019\nRUN apk add git=2.45.2-r0\nADD app.py /app/\n';

const summary = (diags: Diagnostic[]) => diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 0]} ${d.code}`).sort();

function cli(file: string): string[] {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NO_COLOR: '1', LANG: 'C' };
  delete env.XDG_CONFIG_HOME;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dockerfile-doctor.js'), '--format', 'json', '--no-fail', file], { encoding: 'utf8', env, cwd: os.tmpdir() });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { line: number; column: number; severity: string; rule: string }[]).map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`).sort();
}

describe('language server: .hadolint.yaml in the workspace', () => {
  let lsp: LspClient;
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ws-')));
  const config = path.join(ws, '.hadolint.yaml');
  const configUri = pathToFileURL(config).toString();
  const file = path.join(ws, 'svc', 'api', 'Dockerfile');
  const uri = pathToFileURL(file).toString();
  const messages: string[] = [];
  let registered: unknown[] = [];

  const watched = async (test: (p: PublishDiagnosticsParams) => boolean) => {
    const next = lsp.waitFor(uri, test);
    await lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    return next;
  };

  before(async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, TEXT);
    fs.writeFileSync(path.join(path.dirname(file), 'app.py'), 'print(1)\n');
    fs.writeFileSync(config, 'override:\n  error: [DL3020]\nignored:\n  - consecutive-run\n');
    lsp = new LspClient();
    lsp.conn.onNotification('window/showMessage', (p: { message: string }) => {
      messages.push(p.message);
    });
    lsp.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      messages.push(p.message);
      return null;
    });
    lsp.conn.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      registered = registered.concat(p.registrations);
      return null;
    });
    await lsp.initialize('en', {
      workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
  });
  after(() => lsp.shutdown());

  it('gives the same findings as the CLI on the same file', async () => {
    const { diagnostics } = await lsp.open(uri, TEXT);
    const editor = summary(diagnostics);
    assert.deepEqual(editor, ['6:1 error add-instead-of-copy', '2:5 warning apk-add-without-no-cache'].sort());
    assert.deepEqual(cli(file), editor);
  });

  it('hover on a finding names the config file that applies', async () => {
    const h = await lsp.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 1 } }) as { contents: { value: string } };
    assert.match(h.contents.value, /ADD/, 'the instruction hover is kept');
    assert.ok(h.contents.value.includes(`\`add-instead-of-copy\`: configured by \`${config}\``), h.contents.value);
  });

  it('asks the client to watch .hadolint.yaml / .hadolint.yml', () => {
    assert.ok(JSON.stringify(registered).includes('workspace/didChangeWatchedFiles'), JSON.stringify(registered));
    assert.ok(JSON.stringify(registered).includes('.hadolint.yaml'));
  });

  it('editor settings win over the config file, per rule', async () => {
    lsp.settings = { rules: { DL3020: 'info' } };
    const next = lsp.waitFor(uri, (p) => p.diagnostics.some((d) => d.code === 'add-instead-of-copy' && d.severity === 3));
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await next;
    lsp.settings = {};
    const back = lsp.waitFor(uri, (p) => p.diagnostics.some((d) => d.code === 'add-instead-of-copy' && d.severity === 1));
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await back;
  });

  it('re-reads the config file when it changes', async () => {
    fs.writeFileSync(config, 'ignored: [DL3020]\ndisable-ignore-pragma: true\n');
    const p = await watched((x) => !x.diagnostics.some((d) => d.code === 'add-instead-of-copy'));
    assert.deepEqual(summary(p.diagnostics), ['2:5 warning apk-add-without-no-cache', '3:1 info consecutive-run', '5:1 info consecutive-run', '5:5 warning apk-add-without-no-cache'].sort());
    assert.deepEqual(cli(file), summary(p.diagnostics));
  });

  it('a malformed config: a diagnostic on the config file at the line, a message once, the rest applied', async () => {
    const configDiags = lsp.waitFor(configUri, (x) => x.diagnostics.length > 0);
    fs.writeFileSync(config, 'ignored: [DL3020]\nstrict-labels: perhaps\n');
    const p = await watched((x) => x.diagnostics.some((d) => d.code === 'unused-ignore' || d.code === 'consecutive-run'));
    assert.ok(!p.diagnostics.some((d) => d.code === 'add-instead-of-copy'), 'ignored: still applies');
    const c = await configDiags;
    assert.deepEqual(c.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.message]), [[1, 15, 1, '"strict-labels" must be true or false']]);
    for (let i = 0; i < 50 && messages.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(messages.filter((m) => m.includes('strict-labels')).length, 1);
    assert.match(messages[0], /\.hadolint\.yaml:2:16: "strict-labels" must be true or false/);
    // Fixed: the config file's diagnostics are cleared.
    const cleared = lsp.waitFor(configUri, (x) => x.diagnostics.length === 0);
    fs.writeFileSync(config, 'ignored: [DL3020]\n');
    await watched(() => true);
    await cleared;
  });

  it('a config file that is not valid YAML does not stop linting', async () => {
    const configDiags = lsp.waitFor(configUri, (x) => x.diagnostics.length > 0);
    fs.writeFileSync(config, 'ignored: [DL3020\n');
    const p = await watched(() => true);
    assert.ok(p.diagnostics.some((d) => d.code === 'apk-add-without-no-cache'), 'still linted');
    const c = (await configDiags).diagnostics[0];
    assert.match(String(c.message), /^Invalid YAML: /);
    assert.equal(c.range.start.line, 1, 'the flow sequence is left open at the end');
  });
});
