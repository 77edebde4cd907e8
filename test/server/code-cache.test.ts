/**
 * The V8 code cache of the server bundle (server/src/bootstrap.ts), through the real entry
 * dist/server.js over the protocol: written after the first lint, used by the next start,
 * rewritten when it is corrupt, and never in the way of diagnostics.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LspClient } from './lsp';

const TEXT = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl\nMAINTAINER me\n';
const URI = 'file:///code-cache/Dockerfile';

async function start(dir: string): Promise<{ lsp: LspClient; codes: string[] }> {
  const lsp = new LspClient({ env: { ...process.env, DOCKERFILE_DOCTOR_CODE_CACHE: dir } });
  await lsp.initialize();
  const diags = await lsp.open(URI, TEXT);
  return { lsp, codes: diags.diagnostics.map((d) => String(d.code)).sort() };
}

const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cache')) : []);

describe('code cache', () => {
  it('is written after the first lint, used by the next start, and the findings are the same', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cc-')), 'code-cache');
    // A stale cache of another build: removed when the new one is written.
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'server-0123456789abcdef.cache'), 'old');
    const first = await start(dir);
    try {
      assert.ok(first.codes.length >= 2, `findings: ${first.codes}`);
      const line = await first.lsp.waitForLog(/^Code cache: /);
      assert.match(line, /^Code cache: wrote \d+\.\d MB to /);
      assert.deepEqual(cacheFiles(dir).length, 1);
      assert.ok(!cacheFiles(dir).includes('server-0123456789abcdef.cache'), 'the stale cache is removed');
      assert.ok(fs.statSync(path.join(dir, cacheFiles(dir)[0])).size > 100_000);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    } finally {
      await first.lsp.shutdown();
    }
    const second = await start(dir);
    try {
      assert.deepEqual(second.codes, first.codes);
      assert.equal(await second.lsp.waitForLog(/^Code cache: /), 'Code cache: loaded at start');
    } finally {
      await second.lsp.shutdown();
    }
  });

  it('a corrupt or truncated cache is not used: the server works and writes a good one', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cc-')), 'code-cache');
    const good = await start(dir);
    await good.lsp.waitForLog(/^Code cache: wrote/);
    await good.lsp.shutdown();
    const [name] = cacheFiles(dir);
    const bytes = fs.readFileSync(path.join(dir, name));
    const variants = [Buffer.concat([bytes.subarray(0, 20), Buffer.alloc(bytes.length - 20, 7)]), bytes.subarray(0, bytes.length >> 1), Buffer.alloc(0)];
    // One server per variant, side by side (each waits for its cache to be written).
    await Promise.all(variants.map(async (bad, k) => {
      const other = `${dir}-${k}`;
      fs.mkdirSync(other, { recursive: true });
      fs.writeFileSync(path.join(other, name), bad);
      const run = await start(other);
      try {
        assert.deepEqual(run.codes, good.codes);
        assert.match(await run.lsp.waitForLog(/^Code cache: /), /^Code cache: the one found was corrupt; wrote /);
        assert.deepEqual(cacheFiles(other), [name]);
        assert.ok(fs.statSync(path.join(other, name)).size > 100_000);
      } finally {
        await run.lsp.shutdown();
      }
    }));
  });

  it('a cache folder that cannot be written leaves the server working', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cc-'));
    // A file where the folder should be: mkdir fails.
    const dir = path.join(base, 'not-a-folder');
    fs.writeFileSync(dir, '');
    const run = await start(dir);
    try {
      assert.ok(run.codes.length >= 2);
      assert.match(await run.lsp.waitForLog(/^Code cache: /), /^Code cache: not written \(/);
      assert.equal(run.lsp.stderr, '');
    } finally {
      await run.lsp.shutdown();
    }
  });
});
