#!/usr/bin/env node
// Benchmark of the built language server over stdio, as an editor uses it:
//   open→diagnostics and change→diagnostics (p50/p95) for generated 1,000-, 10,000- and
//   50,000-line Dockerfiles built from ../shared/corpus, a typing burst at 50,000 lines
//   (is there a backlog?), and the server's peak memory (VmHWM).
// Usage: npm run bench [-- --sizes 1000,10000 --changes 60]
// Profile the server: BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

/** Concatenates corpus files (each starts a stage with FROM) up to `lines` lines. */
function generate(texts, lines) {
  const out = [];
  let i = 0;
  while (out.length < lines) {
    const t = texts[i++ % texts.length].replace(/\r\n/g, '\n').split('\n');
    // Parser directives are only valid at the very top of a file.
    const body = i === 1 ? t : t.filter((l, k) => !(k < 3 && /^#\s*(syntax|escape|check)\s*=/i.test(l)));
    out.push(...body);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

class Server {
  constructor() {
    this.proc = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.waiters = [];
    this.published = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.published.push({ uri: p.uri, version: p.version, at: now, count: p.diagnostics.length });
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.version === p.version) {
          w.resolve(now);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }
  async init() {
    await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await this.conn.sendNotification('initialized', {});
  }
  when(uri, version) {
    const seen = this.published.find((p) => p.uri === uri && p.version === version);
    if (seen) return Promise.resolve(seen.at);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
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
    await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await this.conn.sendNotification('exit');
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

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1).padStart(8) : '       -');

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/server.js'))) throw new Error('dist/server.js missing: run npm run build');
  const texts = corpusTexts();
  const server = new Server();
  await server.init();
  const rows = [];
  let docN = 0;
  for (const size of sizes) {
    const text = generate(texts, size);
    const opens = [];
    const repeats = size >= 50000 ? 3 : size >= 10000 ? 5 : 10;
    let uri;
    for (let r = 0; r < repeats; r++) {
      if (uri) await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      uri = `file:///bench/${size}/${docN++}/Dockerfile`;
      const t0 = performance.now();
      const done = server.when(uri, 1);
      await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      opens.push((await done) - t0);
    }
    // Typing: one character per change, waiting for the diagnostics each time.
    const spots = typingSpots(text);
    const changes = [];
    let version = 1;
    // The first few changes warm up the JIT; they are not counted.
    const warmup = 10;
    for (let c = 0; c < changesPerSize + warmup; c++) {
      const spot = spots[c % spots.length];
      version++;
      const t0 = performance.now();
      const done = server.when(uri, version);
      await server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [c % 2 === 0
          ? { range: { start: spot, end: spot }, text: 'x' }
          : { range: { start: spot, end: { line: spot.line, character: spot.character + 1 } }, text: '' }],
      });
      const ms = (await done) - t0;
      if (c >= warmup) changes.push(ms);
    }
    // A typing burst: a change every 30 ms without waiting; is the last one late?
    const burst = 40;
    const t0 = performance.now();
    let lastSent = 0;
    for (let c = 0; c < burst; c++) {
      const spot = spots[0];
      version++;
      await server.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [c % 2 === 0
          ? { range: { start: spot, end: spot }, text: 'y' }
          : { range: { start: spot, end: { line: spot.line, character: spot.character + 1 } }, text: '' }],
      });
      lastSent = performance.now();
      await new Promise((r) => setTimeout(r, 30));
    }
    const lastAt = await server.when(uri, version);
    const burstLag = lastAt - lastSent;
    const publishedDuring = server.published.filter((p) => p.uri === uri && p.at >= t0).length;
    rows.push({ size, openP50: pct(opens, 50), openP95: pct(opens, 95), changeP50: pct(changes, 50), changeP95: pct(changes, 95), burstLag, publishedDuring, burst, bytes: text.length });
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  const peak = server.peakRssMb();
  await server.stop();

  console.log('\nDockerfile Doctor language server benchmark (ms; node', process.version + ')');
  console.log('   lines     size | open p50 open p95 | change p50 change p95 | burst: last change → diagnostics, published');
  for (const r of rows) {
    console.log(`${String(r.size).padStart(8)} ${(r.bytes / 1024).toFixed(0).padStart(6)}KB | ${fmt(r.openP50)} ${fmt(r.openP95)} | ${fmt(r.changeP50)}   ${fmt(r.changeP95)} | ${fmt(r.burstLag)} ms, ${r.publishedDuring}/${r.burst} versions`);
  }
  console.log(`peak server memory (VmHWM): ${peak.toFixed(0)} MB`);
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results/latest.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, peakRssMb: peak }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
