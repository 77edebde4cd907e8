/** `--diff`'s unified diff: applying it gives the fixed text (random texts), `patch` reads it, the CLI wiring. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unifiedDiff } from '../../server/src/cli/diff';

/** Applies a unified diff strictly: context and removed lines must match, counts must add up. */
function apply(before: string, patch: string): string {
  const a = before === '' ? [] : before.split(/(?<=\n)/);
  const lines = patch.split('\n');
  assert.match(lines[0], /^--- a\//);
  assert.match(lines[1], /^\+\+\+ b\//);
  const out: string[] = [];
  let at = 0;
  let i = 2;
  while (i < lines.length && lines[i] !== '') {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]);
    assert.ok(h, `hunk header: ${lines[i]}`);
    const [sa, ca, , cb] = h!.slice(1).map(Number);
    const start = ca === 0 ? sa : sa - 1;
    while (at < start) out.push(a[at++]);
    i++;
    let seenA = 0;
    let seenB = 0;
    while (i < lines.length && /^[ +-]/.test(lines[i])) {
      let text = lines[i].slice(1);
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      text += noEol ? '' : '\n';
      if (lines[i][0] !== '+') {
        assert.equal(a[at], text, `line ${at + 1}`);
        at++;
        seenA++;
      }
      if (lines[i][0] !== '-') {
        out.push(text);
        seenB++;
      }
      i += noEol ? 2 : 1;
    }
    assert.equal(seenA, ca);
    assert.equal(seenB, cb);
  }
  while (at < a.length) out.push(a[at++]);
  return out.join('');
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('unified diff', () => {
  it('is empty for equal texts; applying it gives the new text (random texts)', () => {
    assert.equal(unifiedDiff('f', 'a\n', 'a\n'), '');
    const rnd = random(7);
    for (let n = 0; n < 400; n++) {
      const gen = () => Array.from({ length: Math.floor(rnd() * 30) }, () => 'abcde'[Math.floor(rnd() * 5)] + '\n').join('') + (rnd() < 0.2 ? 'tail' : '');
      const a = gen();
      const b = rnd() < 0.5 ? gen() : a.replace(/c\n/, 'X\n').replace(/a\n/g, (m) => (rnd() < 0.3 ? '' : m));
      const d = unifiedDiff('f', a, b);
      assert.equal(a === b ? '' : apply(a, d), a === b ? '' : b, `${JSON.stringify(a)} → ${JSON.stringify(b)}\n${d}`);
    }
  });

  it('keeps a minimal change minimal, with three lines of context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join('');
    const b = a.replace('line 10\n', 'LINE 10\n');
    assert.equal(unifiedDiff('x', a, b), '--- a/x\n+++ b/x\n@@ -8,7 +8,7 @@\n line 7\n line 8\n line 9\n-line 10\n+LINE 10\n line 11\n line 12\n line 13\n');
  });

  it('stays fast on a big rewrite (falls back to one change past a few thousand differences)', () => {
    const a = Array.from({ length: 20000 }, (_, i) => `a${i}\n`).join('');
    const b = Array.from({ length: 20000 }, (_, i) => `b${i}\n`).join('');
    const t0 = performance.now();
    const d = unifiedDiff('x', a, b);
    assert.ok(performance.now() - t0 < 3000);
    assert.equal(apply(a, d), b);
  });

  it('the CLI prints the fixes as a diff, writes nothing, exits 1 (0 when nothing to fix); patch applies it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-diff-'));
    const file = path.join(dir, 'Dockerfile');
    const text = 'FROM alpine\nRUN apk add curl\nADD app.py /app/\n';
    fs.writeFileSync(file, text);
    const bin = path.resolve(__dirname, '../../../bin/dockerfile-doctor.js');
    const r = spawnSync(process.execPath, [bin, '--diff', 'Dockerfile'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir } });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'nothing written');
    assert.equal(apply(text, r.stdout), 'FROM alpine\nRUN apk add --no-cache curl\nCOPY app.py /app/\n');
    const p = spawnSync('patch', ['-p1', '--dry-run'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    if (p.error === undefined) assert.equal(p.status, 0, p.stdout + p.stderr);
    const clean = spawnSync(process.execPath, [bin, '--diff', '-'], { input: 'FROM alpine\n', encoding: 'utf8', env: { ...process.env, HOME: dir } });
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '');
    const both = spawnSync(process.execPath, [bin, '--diff', '--fix', '-'], { input: 'FROM alpine\n', encoding: 'utf8' });
    assert.equal(both.status, 2);
  });
});
