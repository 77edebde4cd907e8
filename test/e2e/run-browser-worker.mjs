#!/usr/bin/env node
// The web extension's language server (dist/browser/server.js) in a REAL Web Worker in
// headless Chromium, spoken to over LSP from the page with raw JSON-RPC postMessage (what
// vscode-languageclient/browser does): dist/ is served by a loopback node:http server (a worker
// needs http, not file://), the worker fetches its .wasm files from there, as on vscode.dev.
//
// Checks, once in English and once in Chinese (the server's l10n bundle inside the worker):
//   initialize → didOpen of a Dockerfile with `apk add` without --no-cache, an ADD and a COPY
//   of a missing file → publishDiagnostics with the expected codes (and no build-context
//   finding: there is no file system in a browser), translated messages; codeAction returns
//   the --no-cache quick fix with the right edit; completion at the start of a line returns
//   the instruction keywords; the server logs no error or warning, one info line. Then the
//   client bundle (dist/browser/client.js) is evaluated in a worker as the web extension host
//   loads it (CommonJS, only `require('vscode')`) and must export activate/deactivate.
//
//   node test/e2e/run-browser-worker.mjs [--no-build] [--timeout SECONDS]
//
// `--no-build` uses dist/ as it is (`npm run test:e2e` runs it after `npm run package`, so the
// minified bundles that ship are the ones tested). Needs Chromium and playwright-core
// (`bash test/e2e/setup.sh`, DD_E2E_HOME, DD_E2E_CHROMIUM); skips with a message without them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const e2eHome = path.resolve(process.env.DD_E2E_HOME ?? path.join(root, '.e2e'));
const chromiumPath = process.env.DD_E2E_CHROMIUM ?? '/usr/bin/chromium';
const argv = process.argv.slice(2);
const timeoutIndex = argv.indexOf('--timeout');
const timeoutMs = Number(timeoutIndex >= 0 ? argv[timeoutIndex + 1] : 60) * 1000;

const t0 = Date.now();
const say = (msg) => console.log(`[browser-worker ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
function skip(msg) {
  console.log(`[browser-worker] SKIPPED: ${msg}`);
  process.exit(0);
}

// ---- prerequisites: only a missing Chromium (or its driver) skips ---------------------------
if (!fs.existsSync(chromiumPath)) skip(`Chromium not found at ${chromiumPath} (run \`bash test/e2e/setup.sh\` or set DD_E2E_CHROMIUM)`);
let chromium;
try {
  ({ chromium } = createRequire(path.join(e2eHome, 'package.json'))('playwright-core'));
} catch {
  skip(`playwright-core is not installed in ${e2eHome} (run \`bash test/e2e/setup.sh\` or set DD_E2E_HOME)`);
}

if (!argv.includes('--no-build')) {
  say('build');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the build failed (exit ${r.status ?? r.signal})`);
}
const dist = path.join(root, 'dist');
for (const f of ['browser/server.js', 'browser/client.js', 'web-tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
  if (!fs.existsSync(path.join(dist, f))) throw new Error(`dist/${f} is missing: run \`node scripts/build.mjs\``);
}
const zhCn = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));

// ---- a static server for dist/ ---------------------------------------------------------------
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json', '.html': 'text/html' };
const served = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  served.push(url.pathname);
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Dockerfile Doctor worker test</title>');
    return;
  }
  const rel = decodeURIComponent(url.pathname).replace(/^\/dist\//, '');
  const file = path.join(dist, rel);
  if (!url.pathname.startsWith('/dist/') || path.relative(dist, file).startsWith('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

let browser;
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
const timer = setTimeout(() => {
  console.error(`[browser-worker] ERROR: timed out after ${timeoutMs / 1000}s`);
  process.exit(1);
}, timeoutMs);

try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${base}/`);

  // English: a plain worker from the script's URL, which finds dist/ from its own location.
  // Chinese: the worker as VS Code's web extension host makes it (a blob: worker that runs
  // importScripts(url), so its location says nothing), told where dist/ is by
  // initializationOptions.wasmBaseUrl, as browserExtension.ts does.
  for (const [locale, vscodeWay] of [['en', false], ['zh-cn', true]]) {
    say(`LSP session in a Web Worker (${vscodeWay ? "blob: + importScripts, wasmBaseUrl" : 'plain'}), locale ${locale}`);
    // The document claims to be examples/Dockerfile of this repository, where the Node server
    // reports `COPY missing.txt` (copy-source-missing) and links `app.py`: in the browser neither.
    const r = await page.evaluate(lspSession, { serverUrl: `${base}/dist/browser/server.js`, locale, folder: pathToFileURL(path.join(root, 'examples')).href, wasmBaseUrl: vscodeWay ? `${base}/dist/` : undefined });
    const tr = (s) => (locale === 'zh-cn' ? zhCn[s] : s);
    const codes = r.diagnostics.map((d) => d.code).sort();
    console.log(`  diagnostics: ${codes.join(', ')}`);
    check(r.serverInfo?.name === 'dockerfile-doctor', `initialize answers with serverInfo dockerfile-doctor (${r.serverInfo?.name})`);
    check(r.capabilities?.codeActionProvider && r.capabilities?.completionProvider && r.capabilities?.hoverProvider, 'capabilities: code actions, completion, hover');
    for (const code of ['apk-add-without-no-cache', 'add-instead-of-copy']) check(codes.includes(code), `publishDiagnostics has ${code}`);
    check(!codes.some((c) => ['copy-source-missing', 'copy-ignored-file', 'build-context-mismatch'].includes(c)), 'no build-context finding (no file system in a browser), no error either');
    const apk = r.diagnostics.find((d) => d.code === 'apk-add-without-no-cache');
    check(apk?.message === tr('Use apk add --no-cache: it keeps the package index out of the image'), `the apk message in ${locale}: ${apk?.message}`);
    check(apk?.range?.start?.line === 1, 'the apk finding is on line 2');
    const fix = r.actions.find((a) => a.kind === 'quickfix' && a.title === tr('Add --no-cache to apk add'));
    check(!!fix, `codeAction offers "${tr('Add --no-cache to apk add')}" (got: ${r.actions.map((a) => a.title).join(' | ')})`);
    check(fix?.isPreferred === true, 'the quick fix is preferred (safe)');
    const fixed = fix ? applyEdit(r.text, fix.edit, r.uri) : '';
    check(fixed.split('\n')[1] === 'RUN apk add --no-cache curl', `the quick fix edits line 2 to "RUN apk add --no-cache curl" (got "${fixed.split('\n')[1]}")`);
    check(fixed.split('\n').filter((l, i) => i !== 1).join('\n') === r.text.split('\n').filter((l, i) => i !== 1).join('\n'), 'the quick fix changes nothing else');
    const labels = r.completion.map((c) => c.label);
    check(['FROM', 'RUN', 'COPY', 'ENV', 'WORKDIR', 'CMD'].every((k) => labels.includes(k)), `completion at the start of a line: instruction keywords (${labels.slice(0, 8).join(', ')} …)`);
    const targets = r.links.map((l) => l.target);
    check(targets.includes('https://hub.docker.com/_/alpine') && !targets.some((t) => t.startsWith('file:')), `document links: the image's page, no local file (${targets.join(', ')})`);
    check(r.hover && JSON.stringify(r.hover.contents).includes('RUN'), 'hover on RUN answers');
    const bad = r.logs.filter((l) => l.type === 1 || l.type === 2);
    check(bad.length === 0, `no error or warning logged (${bad.map((l) => l.message).join(' | ')})`);
    check(r.logs.filter((l) => l.type === 3).length === 1, `one info line (${r.logs.map((l) => l.message).join(' | ')})`);
    check(r.big.count === 3000, `a 3,000-line file (lint yields with setImmediate): 3,000 apk findings in ${r.big.ms} ms (got ${r.big.count})`);
    check(r.shutdown === null, 'shutdown answers');
  }
  say('the browser client bundle in a Web Worker (as the web extension host loads it)');
  const client = await page.evaluate(loadClientInWorker, `${base}/dist/browser/client.js`);
  check(client.error === undefined, `dist/browser/client.js loads in a worker with only require('vscode') (${client.error ?? 'ok'})`);
  check(client.exports?.includes('activate') && client.exports?.includes('deactivate'), `it exports activate and deactivate (${client.exports?.join(', ')})`);
  check(served.includes('/dist/web-tree-sitter.wasm') && served.includes('/dist/tree-sitter-bash.wasm'), 'the worker fetched both .wasm files from dist/');
  check(pageErrors.length === 0, `no error in the page or the worker (${pageErrors.join(' | ')})`);
} catch (e) {
  failures.push(`the run failed: ${e?.stack ?? e}`);
  console.error(e);
} finally {
  clearTimeout(timer);
  await browser?.close().catch(() => undefined);
  server.close();
}

if (failures.length > 0) {
  console.error(`[browser-worker] FAILED: ${failures.length} check(s)`);
  process.exit(1);
}
say('passed');

/**
 * Runs in the page: evaluates the client bundle in a worker the way the web extension host does
 * (a CommonJS module whose only `require` is `vscode`; here a stand-in whose members are empty
 * classes, enough for the module's top level) and reports its exports or the load error.
 */
function loadClientInWorker(url) {
  const source = `onmessage = async ({ data: url }) => {
    try {
      const text = await (await fetch(url)).text();
      // Every member is an empty class. It says it is an ES module (so TypeScript's __importStar
      // uses it as it is) and its prototype answers too (esbuild's interop copies the module onto
      // an object created from its prototype).
      const get = (_, k) => (k === '__esModule' ? true : typeof k === 'symbol' ? undefined : class {});
      const proto = new Proxy({}, { get });
      const vscode = new Proxy({}, { get, getPrototypeOf: () => proto });
      const module = { exports: {} };
      new Function('module', 'exports', 'require', text)(module, module.exports, (name) => {
        if (name === 'vscode') return vscode;
        throw new Error('require(' + JSON.stringify(name) + ') is not available in a web extension host');
      });
      postMessage({ exports: Object.keys(module.exports) });
    } catch (e) {
      postMessage({ error: String(e && e.stack || e) });
    }
  };`;
  return new Promise((resolve) => {
    const w = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    w.onmessage = ({ data }) => {
      w.terminate();
      resolve(data);
    };
    w.onerror = (e) => resolve({ error: e.message });
    w.postMessage(url);
  });
}

/** Applies a WorkspaceEdit (changes or documentChanges) for `uri` to `text`. */
function applyEdit(text, edit, uri) {
  const edits = edit?.changes?.[uri] ?? (edit?.documentChanges ?? []).filter((c) => c.textDocument?.uri === uri).flatMap((c) => c.edits);
  const lines = text.split('\n');
  const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

/**
 * Runs in the page: starts the worker and plays a client (raw JSON-RPC objects over postMessage,
 * as BrowserMessageReader/Writer exchange them). Returns what the assertions need.
 */
async function lspSession({ serverUrl, locale, folder, wasmBaseUrl }) {
  const worker = wasmBaseUrl
    ? new Worker(URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(serverUrl)});`], { type: 'application/javascript' })))
    : new Worker(serverUrl);
  const uri = `${folder}/Dockerfile`;
  const text = 'FROM alpine:3.20\nRUN apk add curl\nADD app.py /app/\nCOPY missing.txt /x\n\n';
  const logs = [];
  const pending = new Map();
  let nextId = 1;
  let diagnosticsSeen;
  let bigWaiter = () => undefined;
  const diagnostics = new Promise((resolve) => {
    diagnosticsSeen = resolve;
  });
  const errors = [];
  worker.onerror = (e) => errors.push(e.message);
  worker.onmessage = ({ data: m }) => {
    if (m.method && m.id !== undefined) {
      // Requests from the server: settings (none: the defaults), capability registration.
      const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    } else if (m.method === 'window/logMessage') {
      logs.push(m.params);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      if (m.params.uri === uri && m.params.diagnostics.length > 0) diagnosticsSeen(m.params.diagnostics);
      bigWaiter(m.params);
    } else if (m.id !== undefined && pending.has(m.id)) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
      else p.resolve(m.result);
    }
  };
  const request = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, method });
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  const within = (p, ms, what) => Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (worker errors: ${errors.join(' | ')}; log: ${logs.map((l) => l.message).join(' | ')})`)), ms))]);

  const init = await within(request('initialize', {
    processId: null,
    clientInfo: { name: 'browser-worker-test' },
    locale,
    initializationOptions: wasmBaseUrl ? { wasmBaseUrl } : undefined,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'examples' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } } } },
  }), 20000, 'initialize');
  notify('initialized', {});
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const diags = await within(diagnostics, 20000, 'publishDiagnostics');
  const apk = diags.find((d) => d.code === 'apk-add-without-no-cache');
  const actions = apk ? await within(request('textDocument/codeAction', { textDocument: { uri }, range: apk.range, context: { diagnostics: [apk], only: ['quickfix'] } }), 10000, 'codeAction') : [];
  const completion = await within(request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 0 } }), 10000, 'completion');
  const links = await within(request('textDocument/documentLink', { textDocument: { uri } }), 10000, 'documentLink');
  const hover = await within(request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } }), 10000, 'hover');
  // A big file: lintAsync yields to the event loop (setImmediate) while it lints.
  const bigUri = `${folder}/big.Dockerfile`;
  let bigSeen;
  const big = new Promise((resolve) => {
    bigSeen = resolve;
  });
  bigWaiter = (params) => {
    if (params.uri === bigUri) bigSeen(params.diagnostics);
  };
  const bigText = `FROM alpine:3.20\n${Array.from({ length: 3000 }, (_, i) => `RUN apk add pkg${i}`).join('\n')}\n`;
  const t0 = Date.now();
  notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'dockerfile', version: 1, text: bigText } });
  const bigDiagnostics = await within(big, 30000, 'publishDiagnostics of a 3,000-line file');
  const bigMs = Date.now() - t0;
  const shutdown = await within(request('shutdown', null), 10000, 'shutdown');
  notify('exit', null);
  worker.terminate();
  return {
    uri,
    text,
    serverInfo: init.serverInfo,
    capabilities: init.capabilities,
    diagnostics: diags,
    actions: actions ?? [],
    completion: Array.isArray(completion) ? completion : completion?.items ?? [],
    hover,
    links: links ?? [],
    logs,
    shutdown,
    big: { count: bigDiagnostics.filter((d) => d.code === 'apk-add-without-no-cache').length, ms: bigMs },
  };
}
