/**
 * Any text a user can type gets findings or nothing, never an exception, within a second.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusFiles, lintAll, ready } from '../helpers';
import { fixAll } from '../../server/src/fixAll';

/** Lints `text` within `budget` ms: a guard against super-linear work, not a benchmark (npm run bench is). */
function timed(label: string, text: string, budget = 1000): void {
  const t0 = performance.now();
  assert.doesNotThrow(() => lintAll(text), label);
  const ms = performance.now() - t0;
  assert.ok(ms < budget, `${label}: ${ms.toFixed(0)} ms`);
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE = [
  '# syntax=docker/dockerfile:1',
  '# escape=\\',
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} AS build',
  'RUN --mount=type=cache,target=/root/.cache \\',
  '    apk add curl && \\',
  '    # comment',
  '    echo "done" # trailing',
  'RUN <<EOF',
  'apk add git',
  'EOF',
  'ADD --chown=1:1 ["a b", "/c/"]',
  'COPY --from=build /x /y',
  'CMD [\'bad\', "json"]',
  '',
].join('\n');

describe('robustness', () => {
  before(() => ready);

  it('survives the inputs that make dockerfile-ast throw', () => {
    timed('continuation ended by a lone CR, then a comment', 'RUN x \\\r# c\n');
    timed('same after FROM', 'FROM a\nRUN x \\\r# c\nRUN y\n');
    timed('lone CRs everywhere', 'FROM a\rRUN apk add x \\\r\r# c\rRUN b\r');
  });

  it('handles a 1 MB line, deep nesting and many quotes', () => {
    timed('1 MB RUN line', `FROM alpine\nRUN ${'apk add x && '.repeat(80000)}true\n`);
    timed('1 MB word', `FROM alpine\nRUN ${'a'.repeat(1 << 20)}\n`);
    timed('1 MB non-instruction line', 'x'.repeat(1 << 20));
    timed('deep $( nesting', `FROM alpine\nRUN echo ${'$('.repeat(5000)}\n`);
    timed('deep ( nesting', `FROM alpine\nRUN ${'('.repeat(5000)}a${')'.repeat(5000)}\n`);
    timed('unbalanced quotes', `FROM alpine\nRUN echo ${'"'.repeat(100001)}\n`);
    timed('many continuations', `FROM alpine\nRUN a \\\n${'  b \\\n'.repeat(20000)}  c\n`);
    timed('many heredoc markers', `FROM alpine\nRUN ${'<<EOF '.repeat(2000)}\n`);
    // 10,000 stages take ~0.5 s alone and twice that beside another test file on two cores; a
    // quadratic step would take minutes, so a 2.5 s budget still catches one.
    timed('10k FROM lines', 'FROM a\n'.repeat(10000), 2500);
  });

  it('stays linear on long chains: a 6,500-command && list, 3,000 RUNs in a row', () => {
    // Just under the 32 KB analysis cap: tree-sitter nests this 6,500 levels deep. A first lint
    // takes ~0.9 s on an idle 2-core machine (the parse of a cold process), over 1 s with the
    // other test files running beside it; a quadratic step would take minutes.
    timed('6.5k && chain', `FROM alpine\nRUN ${'a && '.repeat(6500)}apk add x\n`, 2500);
    assert.equal(lintAll(`FROM alpine\nRUN ${'a && '.repeat(6500)}apk add x\n`).filter((f) => f.ruleId === 'apk-add-without-no-cache').length, 1);
    const runs = `FROM alpine:3.20\n${Array.from({ length: 3000 }, (_, i) => `RUN echo ${i}\n`).join('')}`;
    // One stage of 3,000 instructions is one chunk, checked by every rule: about 1 s with ~100 rules.
    timed('3,000 RUNs', runs, 2500);
    const t0 = performance.now();
    const { text } = fixAll(runs);
    const ms = performance.now() - t0;
    assert.ok(ms < 10000, `fix-all on 3,000 RUNs took ${ms.toFixed(0)} ms`);
    // A merge takes at most 16 RUNs; a RUN of several commands is then a deliberate split (DL3059).
    const left = text.split('\n').filter((l) => l.startsWith('RUN')).length;
    assert.ok(left <= 200, `fix-all merges them in groups of up to 16: ${left} RUNs left`);
    assert.equal(fixAll(text).text, text, 'fix-all is at a fixed point');
    assert.deepEqual(lintAll(text), []);
  });

  it('stays linear with a heredoc left open above thousands of FROM lines', () => {
    timed('open heredoc + 2,000 stages', `FROM a\nRUN <<EOF\n${'FROM b\nRUN x\n'.repeat(2000)}`);
    timed('closed heredoc holding 2,000 FROM lines', `FROM a\nRUN <<EOF\n${'FROM b\n'.repeat(2000)}EOF\n${'FROM c\nRUN y\n'.repeat(2000)}`);
    const t0 = performance.now();
    fixAll(`FROM a\nRUN <<EOF\n${'FROM b\nRUN x\n'.repeat(2000)}`);
    assert.ok(performance.now() - t0 < 3000, 'fix-all');
  });

  it('stays linear on long runs of blanks (no backtracking regex)', () => {
    const blanks = ' '.repeat(300000);
    timed('blanks inside a RUN line', `FROM a\nRUN x${blanks}y\nRUN z\n`);
    timed('blanks before a later FROM', `FROM a\nRUN x${blanks}y\nFROM b\nRUN z\n`);
    timed('blanks in an escape directive', `# escape=${blanks}x\nFROM a\n`);
    timed('blanks in an ignore comment', `FROM a\n# hadolint ignore=${blanks}x\nRUN z\n`);
    timed('tabs in a comment between RUNs', `FROM a\nRUN x\n#${'\t'.repeat(300000)}y\nRUN z\n`);
  });

  it('handles binary junk', () => {
    const r = rng(42);
    for (let n = 0; n < 20; n++) {
      let s = '';
      for (let i = 0; i < 4096; i++) s += String.fromCharCode(Math.floor(r() * 0x3000));
      timed(`junk #${n}`, s);
      timed(`junk after FROM #${n}`, `FROM a\nRUN ${s}\n`);
    }
  });

  it('handles every prefix of a file being typed', () => {
    for (let i = 0; i <= SAMPLE.length; i++) timed(`prefix ${i}`, SAMPLE.slice(0, i));
  });

  it('handles random edits of real files, and fix-all never throws on them', () => {
    const { files } = corpusFiles();
    const texts = files.length ? files.filter((_, i) => i % 17 === 0).map((f) => fs.readFileSync(f, 'utf8')) : [SAMPLE];
    const r = rng(7);
    const alphabet = ['\\', '\n', '\r', '"', "'", '`', '#', '<<EOF\n', 'RUN ', 'FROM x\n', '$(', ')', '[', ']', ' ', '&&', ';', 'apk add '];
    for (let k = 0; k < 150; k++) {
      let text = texts[k % texts.length];
      for (let e = 0; e < 5; e++) {
        const at = Math.floor(r() * text.length);
        const del = Math.floor(r() * 4);
        const ins = alphabet[Math.floor(r() * alphabet.length)];
        text = text.slice(0, at) + ins + text.slice(at + del);
      }
      timed(`mutation ${k}`, text);
      assert.doesNotThrow(() => fixAll(text), `fix-all on mutation ${k}`);
    }
  });
});
