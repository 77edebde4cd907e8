import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintAll, ready } from '../helpers';
import { Linter } from '../../server/src/lint';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

// A RUN script the shell parser cannot read gets no shell findings (a finding read from a
// misparsed script would be a guess) and one log line; the rest of the file is checked as usual.
describe('unreadable shell scripts', () => {
  before(() => ready);

  const SHELL_RULES = ['apk-add-without-no-cache', 'apt-get-install-without-pin', 'cd-instead-of-workdir', 'sudo-in-run'];

  it('a syntax error in a RUN: no shell findings for it, a note for the log, other RUNs still checked', () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl && echo "unterminated\nRUN sudo apk add --no-cache git\nADD app.py /app/\n';
    const linter = new Linter();
    const findings = linter.lint(text, DEFAULT_SETTINGS);
    assert.deepEqual(findings.filter((f) => f.range.start.line === 1 && SHELL_RULES.includes(f.ruleId)).map((f) => f.ruleId), []);
    const next = findings.filter((f) => f.range.start.line === 2).map((f) => f.ruleId);
    assert.ok(next.includes('sudo-in-run') && next.includes('apk-add-without-pin'), `the next RUN is still read: ${next}`);
    assert.ok(findings.some((f) => f.ruleId === 'add-instead-of-copy'), 'instruction rules still run');
    assert.deepEqual(linter.lastErrors, ['line 2: the shell script has a syntax error the parser cannot read past: its shell checks are not checked']);
  });

  it('the note names the file line in a later stage (chunk lines shifted)', () => {
    const text = 'FROM alpine:3.20 AS a\nRUN true\n\nFROM alpine:3.20\nRUN true\nRUN if then fi (\n';
    const linter = new Linter();
    linter.lint(text, DEFAULT_SETTINGS);
    assert.deepEqual(linter.lastErrors, ['line 6: the shell script has a syntax error the parser cannot read past: its shell checks are not checked']);
  });

  it('once the script is complete again, its findings come back', () => {
    assert.deepEqual(lintAll('FROM alpine:3.20\nRUN apk add curl && echo "terminated"\n').filter((f) => SHELL_RULES.includes(f.ruleId)).map((f) => f.ruleId), ['apk-add-without-no-cache']);
  });

  it('an unreadable nested sh -c script does not hide the outer one', () => {
    const f = lintAll(`FROM alpine:3.20\nRUN apk add curl && sh -c 'echo "x'\n`).filter((x) => SHELL_RULES.includes(x.ruleId)).map((x) => x.ruleId);
    assert.deepEqual(f, ['apk-add-without-no-cache']);
  });
});
