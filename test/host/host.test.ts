/**
 * The platform host (server/src/host/): the Node host reads files and the wasm; with a host
 * without a file system (what the browser worker has) the build-context rules, the
 * `.hadolint.yaml` lookup and the links to local files do nothing, and nothing throws.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ready } from '../helpers';
import { findConfigFile, loadConfigFile, userConfigCandidates } from '../../server/src/configFiles';
import { documentLinks } from '../../server/src/features/links';
import { getHost, NO_HOST, setHost, type ServerHost } from '../../server/src/host/host';
import { browserHost } from '../../server/src/host/browserHost';
import { nodeFs, nodeHost } from '../../server/src/host/nodeHost';
import { Linter } from '../../server/src/lint';
import { clearContextCache, ignoreFor, pathExists, resolveContext } from '../../server/src/rules/context/_fs';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const CONTEXT_RULES = ['copy-source-missing', 'copy-ignored-file', 'build-context-mismatch'];
/** What the browser worker has: no file system (the wasm still loads, here from dist/). */
const noFsHost: ServerHost = { platform: 'browser', loadWasm: (n) => nodeHost.loadWasm(n), version: '0.1.0' };

let root: string;
const dockerfile = 'FROM alpine:3.20\nCOPY missing.txt /x\nCOPY secret.env /y\nADD app.py /app/\n';

before(async () => {
  await ready;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-host-'));
  fs.writeFileSync(path.join(root, 'Dockerfile'), dockerfile);
  fs.writeFileSync(path.join(root, 'app.py'), 'print(1)\n');
  fs.writeFileSync(path.join(root, 'secret.env'), 'A=1\n');
  fs.writeFileSync(path.join(root, '.dockerignore'), '*.env\n');
  fs.writeFileSync(path.join(root, '.hadolint.yaml'), 'ignored: [DL3020]\n');
  fs.mkdirSync(path.join(root, '.git'));
});
after(() => {
  setHost(nodeHost);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the Node host', () => {
  it('is what the tests, the CLI and the Node server run with', () => {
    assert.equal(getHost(), nodeHost);
  });
  it('reads files and stats them; a missing file is undefined, not a throw', () => {
    const st = nodeFs.stat(path.join(root, 'app.py'));
    assert.deepEqual([st?.isFile, st?.isDirectory, st?.size], [true, false, 9]);
    assert.equal(nodeFs.stat(root)?.isDirectory, true);
    assert.equal(nodeFs.stat(path.join(root, 'nope')), undefined);
    assert.equal(nodeFs.readFile(path.join(root, 'app.py')), 'print(1)\n');
    assert.throws(() => nodeFs.readFile(path.join(root, 'nope')), { code: 'ENOENT' });
  });
  it('maps file: URIs to paths and back; other schemes have no path', () => {
    const file = path.join(root, 'Dockerfile');
    assert.equal(nodeFs.uriToPath(pathToFileURL(file).href), file);
    assert.equal(nodeFs.pathToUri(file), pathToFileURL(file).href);
    assert.equal(nodeFs.uriToPath('vscode-vfs://github/owner/repo/Dockerfile'), undefined);
    assert.equal(nodeFs.uriToPath('untitled:Untitled-1'), undefined);
    assert.equal(nodeFs.uriToPath('file://%zz'), undefined);
  });
  it('loads both wasm files as WebAssembly bytes', async () => {
    for (const name of ['web-tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
      const bytes = await nodeHost.loadWasm(name);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], `${name} starts with \\0asm`);
    }
  });
  it('gives the build-context rules their files (the control for the no-fs case below)', () => {
    clearContextCache();
    const ctx = resolveContext(path.join(root, 'Dockerfile'), undefined, [root]);
    assert.ok(ctx);
    const ids = new Linter().lint(dockerfile, DEFAULT_SETTINGS, ctx).map((f) => f.ruleId);
    assert.ok(ids.includes('copy-source-missing'), ids.join());
    assert.ok(ids.includes('copy-ignored-file'), ids.join());
    assert.equal(findConfigFile(root, { home: '', env: {} }), path.join(root, '.hadolint.yaml'));
    const links = documentLinks(TextDocument.create(pathToFileURL(path.join(root, 'Dockerfile')).href, 'dockerfile', 1, dockerfile));
    assert.ok(links.some((l) => l.target === pathToFileURL(path.join(root, 'app.py')).href));
  });
});

describe('a host without a file system (the browser)', () => {
  before(() => {
    clearContextCache();
    setHost(noFsHost);
  });
  after(() => setHost(nodeHost));

  it('makes the build-context rules silent, even when given a context, without errors', () => {
    const ctx = { dockerfile: path.join(root, 'Dockerfile'), buildContext: root, buildContextSet: false, workspaceRoot: root };
    const linter = new Linter();
    const findings = linter.lint(dockerfile, DEFAULT_SETTINGS, ctx);
    assert.deepEqual(findings.filter((f) => CONTEXT_RULES.includes(f.ruleId)), []);
    assert.deepEqual(linter.lastErrors, []);
    // The rest of the linter is unchanged.
    assert.ok(findings.some((f) => f.ruleId === 'add-instead-of-copy'));
  });
  it('has no build context, no files and no ignore file', () => {
    assert.equal(resolveContext(path.join(root, 'Dockerfile'), undefined, [root]), undefined);
    assert.equal(pathExists(root), false);
    assert.equal(ignoreFor(path.join(root, 'Dockerfile'), root), null);
  });
  it('finds no .hadolint.yaml, and reading one is a reported problem, not a throw', () => {
    assert.equal(findConfigFile(root, { home: '', env: {} }), undefined);
    assert.deepEqual(userConfigCandidates({ XDG_CONFIG_HOME: '/x' }, '/home/u'), []);
    const loaded = loadConfigFile(path.join(root, '.hadolint.yaml'));
    assert.equal(loaded.problems.length, 1);
    assert.deepEqual(loaded.config.settings, {});
  });
  it('links the image but no local file', () => {
    const links = documentLinks(TextDocument.create(pathToFileURL(path.join(root, 'Dockerfile')).href, 'dockerfile', 2, `${dockerfile}\n`));
    assert.deepEqual(links.map((l) => l.target), ['https://hub.docker.com/_/alpine']);
  });
  it('NO_HOST (nothing installed) refuses to load wasm with a clear error', async () => {
    await assert.rejects(NO_HOST.loadWasm('tree-sitter-bash.wasm'), /no server host installed/);
  });
});

describe('the browser host', () => {
  const wasm = (async () => new Response(new Uint8Array([0, 0x61, 0x73, 0x6d]))) as unknown as typeof fetch;
  it('takes the wasm folder from initializationOptions.wasmBaseUrl (VS Code runs the worker from a blob: URL)', async () => {
    const asked: string[] = [];
    const host = browserHost('blob:https://vscode.dev/6f1c', (async (u: string) => {
      asked.push(u);
      return wasm(u);
    }) as unknown as typeof fetch);
    await assert.rejects(host.loadWasm('tree-sitter-bash.wasm'), /no initializationOptions\.wasmBaseUrl/);
    host.configure?.({ wasmBaseUrl: 'https://pub.vscode-unpkg.net/pub/ext/0.1.0/extension/dist' });
    await host.loadWasm('tree-sitter-bash.wasm');
    assert.deepEqual(asked, ['https://pub.vscode-unpkg.net/pub/ext/0.1.0/extension/dist/tree-sitter-bash.wasm']);
  });
  it('falls back to the folder above an http(s) script; a bad wasmBaseUrl is ignored', async () => {
    const asked: string[] = [];
    const host = browserHost('http://127.0.0.1:8080/dist/browser/server.js', (async (u: string) => {
      asked.push(u);
      return wasm(u);
    }) as unknown as typeof fetch);
    host.configure?.({ wasmBaseUrl: 42 });
    host.configure?.({ wasmBaseUrl: 'not a url' });
    await host.loadWasm('web-tree-sitter.wasm');
    assert.deepEqual(asked, ['http://127.0.0.1:8080/dist/web-tree-sitter.wasm']);
  });

  it('fetches the wasm files from its base URL and fails clearly on an HTTP error', async () => {
    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      if (url.endsWith('tree-sitter-bash.wasm')) return new Response(new Uint8Array([0, 0x61, 0x73, 0x6d]));
      return new Response('missing', { status: 404, statusText: 'Not Found' });
    }) as unknown as typeof fetch;
    const host = browserHost('https://example.test/ext/dist/browser/server.js', fakeFetch);
    assert.equal(host.fs, undefined);
    assert.deepEqual([...(await host.loadWasm('tree-sitter-bash.wasm'))], [0, 0x61, 0x73, 0x6d]);
    await assert.rejects(host.loadWasm('web-tree-sitter.wasm'), /https:\/\/example\.test\/ext\/dist\/web-tree-sitter\.wasm failed: 404/);
    assert.deepEqual(asked, ['https://example.test/ext/dist/tree-sitter-bash.wasm', 'https://example.test/ext/dist/web-tree-sitter.wasm']);
  });
});
