import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ready } from '../helpers';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { Linter } from '../../server/src/lint';
import { CACHE_CHARS, scriptCacheStats } from '../../server/src/shell/parser';

/** One stage of `runs` RUN instructions, each a distinct script of ~600 characters. */
function stage(runs: number): string {
  const out = ['FROM debian:12'];
  const words = Array.from({ length: 60 }, (_, w) => `w${w}`).join(' ');
  for (let i = 0; i < runs; i++) out.push(`RUN apt-get update && apt-get install -y --no-install-recommends pkg${i}=1.0 \\\n    && echo step-${i} ${words} ${words} > /tmp/s${i} && rm -rf /var/lib/apt/lists/*`);
  return `${out.join('\n')}\n`;
}

describe('shell analysis cache', () => {
  before(() => ready);

  it('a keystroke in a RUN parses that script only, in a stage bigger than the shared cache', () => {
    // 250 scripts of ~600 characters: more than twice the shared cache's bound.
    let text = stage(250);
    assert.ok(text.length > 2 * CACHE_CHARS);
    const linter = new Linter();
    linter.lint(text);
    const at = text.indexOf('echo step-700');
    for (let k = 0; k < 4; k++) {
      text = k % 2 === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}`;
      const before = scriptCacheStats().parses;
      linter.lint(text);
      const parsed = scriptCacheStats().parses - before;
      // The changed script (its previous versions may still be in the shared cache: 0 then).
      assert.ok(parsed <= 1, `keystroke ${k} parsed ${parsed} scripts`);
    }
    // A rule turned off re-checks every chunk, with the scripts it had.
    const before = scriptCacheStats().parses;
    const findings = linter.lint(text, { ...DEFAULT_SETTINGS, rules: { 'consecutive-run': 'off' } });
    assert.equal(scriptCacheStats().parses - before, 0);
    assert.ok(!findings.some((f) => f.ruleId === 'consecutive-run'));
  });

  it('stays within its bound while the user types (one leftover per keystroke)', () => {
    let text = stage(3);
    const linter = new Linter();
    linter.lint(text);
    const at = text.indexOf('echo step-1');
    for (let k = 0; k < 400; k++) {
      text = `${text.slice(0, at)}${String.fromCharCode(97 + (k % 26))}${text.slice(at)}`;
      linter.lint(text);
      assert.ok(scriptCacheStats().chars <= CACHE_CHARS + text.length, `after ${k + 1} keystrokes: ${scriptCacheStats().chars} characters cached`);
    }
    // 400 distinct versions of a ~600-character script: far more than the bound, most dropped.
    assert.ok(scriptCacheStats().entries < 200);
  });
});
