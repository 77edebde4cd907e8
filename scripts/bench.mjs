#!/usr/bin/env node
// Benchmark of the built language server over stdio, as an editor uses it, side by side with
// Microsoft's Dockerfile language server (dockerfile-language-server-nodejs, a dev dependency):
// the same generated files (built from ../shared/corpus), the same edits, sessions alternating
// A B B A … so that machine drift cancels out. Per size and server:
//   cold     spawn → initialize → didOpen → first diagnostics (a freshly started server); ours
//            with its code cache filled by an earlier start (as from a user's second start on),
//            and once per round without it (the first start ever)
//   open1    didOpen → first diagnostics in that fresh server
//   reopen   didOpen → diagnostics of later opens of the same text under a new URI (p50)
//   other    didOpen → diagnostics of another file of the same size in that warm server
//   change   one keystroke → diagnostics of that version (p50 / p95 / p99)
//   requests documentSymbol, foldingRange, hover, completion, semanticTokens (p95), where supported
//   peak     the server's peak resident memory over the session (VmHWM)
// Ours only: fix-all (source.fixAll code action) at the largest size below 50,000 lines, and a
// keystroke inside one 50,000-line stage (`--single`).
// `npm run bench` builds the production bundles first: the minified code the .vsix ships (it
// takes ~10 MB less memory than the development build).
// Usage: npm run bench [-- --sizes 1000,10000 --changes 60 --rounds 2 --no-compare --single 50000]
// BENCH_LOG=1 prints the servers' log messages.
// Profile our server (readable names: the development build): npm run build && BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' node scripts/bench.mjs
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
};
const sizes = opt('sizes', '1000,10000,50000').split(',').map(Number);
const changesPerSize = Number(opt('changes', '60'));
const rounds = Number(opt('rounds', '2'));
const single = Number(opt('single', sizes.includes(50000) ? '50000' : '0'));
/** The longest wait for one answer (diagnostics or a request), ms. */
const WAIT_MS = Number(opt('wait', '20000'));

function msServerPath() {
  if (argv.includes('--no-compare')) return null;
  try {
    const req = createRequire(path.join(root, 'package.json'));
    return path.join(path.dirname(req.resolve('dockerfile-language-server-nodejs/package.json')), 'bin', 'docker-langserver');
  } catch {
    console.log('(dockerfile-language-server-nodejs not installed: benchmarking ours only)');
    return null;
  }
}

// Ours starts with the V8 options the extension client gives it (server/src/nodeArgs.json).
const OUR_NODE_ARGS = JSON.parse(fs.readFileSync(path.join(root, 'server/src/nodeArgs.json'), 'utf8'));
// Ours keeps a V8 code cache in a folder the client names (the extension's global storage;
// server/src/bootstrap.ts). The bench gives it a fresh folder and fills it once before measuring,
// as a user's second and later starts find it; the first start ever is measured apart.
const CODE_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-code-cache-'));
const OURS = {
  name: 'ours', args: () => [path.join(root, 'dist/server.js'), '--stdio'], nodeArgs: [...OUR_NODE_ARGS, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  // The first start ever: no cache folder, even if the caller's environment names one.
  env: { ...process.env, DOCKERFILE_DOCTOR_CODE_CACHE: '' },
};
const SERVERS = [{ ...OURS, env: { ...process.env, DOCKERFILE_DOCTOR_CODE_CACHE: CODE_CACHE } }];
const ms = msServerPath();
if (ms) SERVERS.push({ name: 'ms', args: () => [ms, '--stdio'], nodeArgs: [] });

function corpusTexts() {
  const dir = [process.env.DOCKERFILE_DOCTOR_CORPUS, path.resolve(root, '../shared/corpus')].find((d) => d && fs.existsSync(d));
  if (!dir) {
    console.log('(../shared/corpus not found: using examples/Dockerfile only)');
    return [fs.readFileSync(path.join(root, 'examples/Dockerfile'), 'utf8')];
  }
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.Dockerfile')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Concatenates corpus files (each starts a stage with FROM) up to `lines` lines; `oneStage` keeps only the first FROM. */
function generate(texts, lines, oneStage = false, from = 0) {
  const out = [];
  let i = from;
  while (out.length < lines) {
    const t = texts[i++ % texts.length].replace(/\r\n/g, '\n').split('\n');
    // Parser directives are only valid at the very top of a file.
    let body = i === from + 1 ? t : t.filter((l, k) => !(k < 3 && /^#\s*(syntax|escape|check)\s*=/i.test(l)));
    if (oneStage && i > from + 1) body = body.map((l) => (/^\s*from\s/i.test(l) ? `# ${l}` : l));
    out.push(...body);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function pct(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

class Server {
  constructor(spec) {
    this.spec = spec;
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...spec.nodeArgs, ...spec.args()], { stdio: ['pipe', 'pipe', 'ignore'], env: spec.env ?? process.env });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.waiters = [];
    this.published = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.published.push({ uri: p.uri, version: p.version, at: now });
      // Servers that do not send `version` (Microsoft's): the first publication after the change.
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && (p.version === undefined ? now >= w.sentAt : p.version === w.version)) {
          w.resolve(now);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', (m) => { if (process.env.BENCH_LOG) console.log(`[${spec.name}] ${m.message}`); });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }
  async init() {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
      },
    });
    this.capabilities = r.capabilities ?? {};
    await this.conn.sendNotification('initialized', {});
  }
  /**
   * Resolves with the time the diagnostics of `version` (or the next ones) arrive, or NaN after
   * `timeoutMs` (counted in `timeouts`): a server that never answers must not hang the run.
   */
  when(uri, version, sentAt, timeoutMs = WAIT_MS) {
    return new Promise((resolve) => {
      const w = { uri, version, sentAt, resolve: (t) => { clearTimeout(timer); resolve(t); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        this.timeouts = (this.timeouts ?? 0) + 1;
        resolve(NaN);
      }, timeoutMs);
      this.waiters.push(w);
    });
  }
  /** A request with a time limit (NaN-free: rejects on time-out). */
  request(method, params, timeoutMs = WAIT_MS) {
    let timer;
    return Promise.race([
      this.conn.sendRequest(method, params),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms`)), timeoutMs); }),
    ]).finally(() => clearTimeout(timer));
  }
  peakRssMb() {
    try {
      const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }
  async stop() {
    await Promise.race([this.conn.sendRequest('shutdown').catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
    await this.conn.sendNotification('exit').catch(() => {});
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    this.conn.dispose();
    this.proc.kill();
  }
}

/** Lines of RUN continuations in the middle of the file: where a user types. */
function typingSpots(text) {
  const lines = text.split('\n');
  const spots = [];
  for (let i = Math.floor(lines.length / 3); i < lines.length && spots.length < 200; i++) {
    if (/^\s+(&&|apt-get|apk|echo|curl|make)/.test(lines[i]) && lines[i].trimEnd().endsWith('\\')) spots.push({ line: i, character: lines[i].search(/\S/) });
  }
  if (spots.length === 0) spots.push({ line: Math.floor(lines.length / 2), character: 0 });
  return spots;
}

/** Places for hover/completion requests: RUN keywords in the middle of the file. */
function keywordSpots(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = Math.floor(lines.length / 2); i < lines.length && out.length < 20; i++) if (/^RUN /.test(lines[i])) out.push({ line: i, character: 1 });
  return out.length ? out : [{ line: 0, character: 1 }];
}

let docN = 0;

/** A fresh server's cold start → first diagnostics of `text`; `linger`: then wait until its code cache is written. */
async function coldStart(spec, text, { linger = false } = {}) {
  const server = new Server(spec);
  await server.init();
  const uri = `file:///bench/${docN++}/Dockerfile`;
  const done = server.when(uri, 1, performance.now());
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const cold = (await done) - server.spawnedAt;
  if (linger) {
    const has = () => fs.readdirSync(CODE_CACHE).some((f) => f.endsWith('.cache'));
    for (let t = 0; t < 100 && !has(); t++) await new Promise((r) => setTimeout(r, 100));
    if (!has()) console.log('(ours wrote no code cache: figures are without it)');
  }
  await server.stop();
  return cold;
}

/** One session of one server on one text: fresh server, first open, reopens, typing, requests, memory. */
async function session(spec, text, changes, { fixAll = false, other } = {}) {
  const server = new Server(spec);
  await server.init();
  const res = { changes: [], reopen: [], requests: {} };
  let uri = `file:///bench/${docN++}/Dockerfile`;
  let t0 = performance.now();
  let done = server.when(uri, 1, t0);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const first = await done;
  res.open1 = first - t0;
  res.cold = first - server.spawnedAt;
  for (let r = 0; r < 3; r++) {
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    uri = `file:///bench/${docN++}/Dockerfile`;
    t0 = performance.now();
    done = server.when(uri, 1, t0);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    res.reopen.push((await done) - t0);
  }
  // A file the server has not seen, of the same size (other corpus files): a warm server's open.
  if (other) {
    const otherUri = `file:///bench/${docN++}/Dockerfile`;
    t0 = performance.now();
    done = server.when(otherUri, 1, t0);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: otherUri, languageId: 'dockerfile', version: 1, text: other } });
    res.openOther = (await done) - t0;
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri: otherUri } });
  }
  const spots = typingSpots(text);
  let version = 1;
  const warmup = 10;
  for (let c = 0; c < changes + warmup; c++) {
    const spot = spots[c % spots.length];
    version++;
    t0 = performance.now();
    done = server.when(uri, version, t0);
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [c % 2 === 0
        ? { range: { start: spot, end: spot }, text: 'x' }
        : { range: { start: spot, end: { line: spot.line, character: spot.character + 1 } }, text: '' }],
    });
    const took = (await done) - t0;
    if (c >= warmup && Number.isFinite(took)) res.changes.push(took);
  }
  // Other requests, where the server supports them.
  const caps = server.capabilities;
  const kw = keywordSpots(text);
  const reqs = [
    ['documentSymbol', caps.documentSymbolProvider, () => ({ textDocument: { uri } })],
    ['foldingRange', caps.foldingRangeProvider, () => ({ textDocument: { uri } })],
    ['hover', caps.hoverProvider, (i) => ({ textDocument: { uri }, position: kw[i % kw.length] })],
    ['completion', caps.completionProvider, (i) => ({ textDocument: { uri }, position: { line: kw[i % kw.length].line, character: 0 } })],
    ['semanticTokens/full', caps.semanticTokensProvider, () => ({ textDocument: { uri } })],
    ['formatting', caps.documentFormattingProvider, () => ({ textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })],
    ['documentLink', caps.documentLinkProvider, () => ({ textDocument: { uri } })],
    ['selectionRange', caps.selectionRangeProvider, (i) => ({ textDocument: { uri }, positions: [kw[i % kw.length]] })],
    ['codeAction', caps.codeActionProvider, (i) => ({ textDocument: { uri }, range: { start: kw[i % kw.length], end: kw[i % kw.length] }, context: { diagnostics: [] } })],
  ];
  for (const [method, supported, params] of reqs) {
    if (!supported) continue;
    const times = [];
    for (let i = 0; i < 12; i++) {
      t0 = performance.now();
      try {
        await server.request(`textDocument/${method}`, params(i));
      } catch {
        break;
      }
      if (i >= 2) times.push(performance.now() - t0);
    }
    res.requests[method] = pct(times, 95);
  }
  if (fixAll && caps.codeActionProvider) {
    const times = [];
    // While fix-all runs, a hover every 10 ms: the longest wait is how long fix-all blocks the server.
    let blocked = 0;
    const kwSpots = keywordSpots(text);
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      let running = true;
      const fix = server.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.dockerfile-doctor'] },
      }).finally(() => { running = false; });
      const probes = (async () => {
        for (let k = 0; running; k++) {
          const h0 = performance.now();
          await server.request('textDocument/hover', { textDocument: { uri }, position: kwSpots[k % kwSpots.length] });
          if (running) blocked = Math.max(blocked, performance.now() - h0);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await fix;
      times.push(performance.now() - t0);
      await probes;
    }
    res.fixAll = pct(times, 50);
    res.fixAllBlocked = blocked;
  }
  res.peak = server.peakRssMb();
  res.timeouts = server.timeouts ?? 0;
  await server.stop();
  return res;
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-');

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/server.js'))) throw new Error('dist/server.js missing: run npm run build');
  const texts = corpusTexts();
  const report = [];
  // Fill the code cache the way the extension does: a first session lints, then the server writes it.
  await coldStart(SERVERS[0], generate(texts, 1000), { linger: true });
  for (const size of sizes) {
    const text = generate(texts, size);
    const other = generate(texts, size, false, Math.floor(texts.length / 2));
    const per = Object.fromEntries(SERVERS.map((s) => [s.name, []]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? SERVERS : [...SERVERS].reverse();
      for (const spec of order) {
        // Microsoft's server re-validates a 50,000-line file in seconds per keystroke: fewer changes there.
        const n = spec.name === 'ms' && size >= 50000 ? Math.min(changesPerSize, 10) : changesPerSize;
        per[spec.name].push(await session(spec, text, n, { fixAll: spec.name === 'ours' && size >= 10000 && size < 50000, other }));
      }
      per.ours.at(-1).coldFirst = await coldStart(OURS, text);
    }
    const agg = {};
    for (const [name, sessions] of Object.entries(per)) {
      const all = (k) => sessions.flatMap((s) => (Array.isArray(s[k]) ? s[k] : [s[k]])).filter(Number.isFinite);
      const requests = {};
      for (const m of new Set(sessions.flatMap((s) => Object.keys(s.requests)))) requests[m] = Math.max(...sessions.map((s) => s.requests[m] ?? NaN));
      agg[name] = {
        cold: pct(all('cold'), 50), coldFirst: pct(all('coldFirst'), 50), open1: pct(all('open1'), 50), reopen: pct(all('reopen'), 50), openOther: pct(all('openOther'), 50),
        changeP50: pct(all('changes'), 50), changeP95: pct(all('changes'), 95), changeP99: pct(all('changes'), 99),
        peak: Math.max(...all('peak')), requests, fixAll: pct(all('fixAll'), 50), fixAllBlocked: Math.max(...all('fixAllBlocked')), timeouts: sessions.reduce((n, s) => n + s.timeouts, 0),
        spread: { open1: [Math.min(...all('open1')), Math.max(...all('open1'))], changeP95: sessions.map((s) => pct(s.changes, 95)) },
      };
    }
    report.push({ size, bytes: text.length, ...agg });
  }
  // The CLI over the corpus (ours only): files per second and peak memory, as CI runs it.
  let cli;
  const corpusDir = [process.env.DOCKERFILE_DOCTOR_CORPUS, path.resolve(root, '../shared/corpus')].find((d) => d && fs.existsSync(d));
  if (corpusDir && !argv.includes('--no-cli')) {
    const runs = [];
    for (let r = 0; r < 2; r++) {
      const out = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', corpusDir], { env: { ...process.env, DOCKERFILE_DOCTOR_STATS: '1' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const m = /dockerfile-doctor stats: (\{.*\})/.exec(out.stderr ?? '');
      if (!m) continue;
      const stats = JSON.parse(m[1]);
      runs.push(stats);
    }
    if (runs.length > 0) {
      const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
      cli = { files: best.files, ms: best.ms, filesPerSecond: best.files / (best.ms / 1000), maxRssMb: Math.max(...runs.map((x) => x.maxRssMb)) };
    }
  }
  let singleStage;
  if (single > 0) {
    const text = generate(texts, single, true);
    const s = await session(SERVERS[0], text, Math.min(changesPerSize, 30));
    singleStage = { size: single, changeP50: pct(s.changes, 50), changeP95: pct(s.changes, 95), open1: s.open1 };
  }

  const names = SERVERS.map((s) => s.name);
  console.log(`\nLanguage server benchmark: ${names.join(' vs ')} (ms, MB; node ${process.version}; ${rounds} alternating sessions per server and size)`);
  const rows = [
    ['cold start → first diagnostics', 'cold'], ['  first start ever (ours: no code cache yet)', 'coldFirst'], ['open → first diagnostics (fresh server)', 'open1'], ['open → diagnostics (same text reopened, p50)', 'reopen'], ['open → diagnostics (another file, warm server)', 'openOther'],
    ['change → diagnostics p50', 'changeP50'], ['change → diagnostics p95', 'changeP95'], ['change → diagnostics p99', 'changeP99'], ['peak memory (VmHWM, MB)', 'peak'],
  ];
  for (const r of report) {
    console.log(`\n${r.size} lines (${(r.bytes / 1024).toFixed(0)} KB)`);
    console.log(`  ${'figure'.padEnd(48)} ${names.map((n) => n.padStart(9)).join(' ')}${names.length > 1 ? '     ratio' : ''}`);
    for (const [label, key] of rows) {
      console.log(`  ${label.padEnd(48)} ${names.map((n) => fmt(r[n][key]).padStart(9)).join(' ')}${names.length > 1 ? ratio(r.ours[key], r.ms[key]).padStart(10) : ''}`);
    }
    const methods = [...new Set(names.flatMap((n) => Object.keys(r[n].requests)))];
    for (const m of methods) {
      console.log(`  ${`${m} p95`.padEnd(48)} ${names.map((n) => fmt(r[n].requests[m]).padStart(9)).join(' ')}${names.length > 1 ? ratio(r.ours.requests[m], r.ms?.requests[m]).padStart(10) : ''}`);
    }
    if (Number.isFinite(r.ours.fixAll)) console.log(`  ${'fix-all code action (ours)'.padEnd(48)} ${fmt(r.ours.fixAll).padStart(9)}`);
    if (Number.isFinite(r.ours.fixAllBlocked)) console.log(`  ${'  longest hover wait during fix-all'.padEnd(48)} ${fmt(r.ours.fixAllBlocked).padStart(9)}`);
    for (const n of names) if (r[n].timeouts > 0) console.log(`  ${n}: ${r[n].timeouts} answers did not come within ${WAIT_MS} ms (left out of the figures)`);
    console.log(`  spread over sessions: ours change p95 ${r.ours.spread.changeP95.map(fmt).join(' / ')}${r.ms ? `; ms ${r.ms.spread.changeP95.map(fmt).join(' / ')}` : ''}`);
  }
  if (cli) console.log(`\nCLI over the corpus (ours): ${cli.files} files in ${fmt(cli.ms)} ms, ${cli.filesPerSecond.toFixed(0)} files/s, peak memory ${fmt(cli.maxRssMb)} MB (best of 2 runs)`);
  if (singleStage) console.log(`\nOne ${singleStage.size}-line stage (ours): open ${fmt(singleStage.open1)}, change p50 ${fmt(singleStage.changeP50)}, p95 ${fmt(singleStage.changeP95)}`);
  fs.rmSync(CODE_CACHE, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results/latest.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds, report, singleStage }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
