import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready, withRules } from '../../helpers';
import { Linter } from '../../../server/src/lint';

const on = withRules({ 'consecutive-label': 'info', 'consecutive-env': 'info' });

describe('consecutive-label', () => {
  before(() => ready);
  const RULE = 'consecutive-label';
  const fix = (input: string, expected: string) => expectFix(input, RULE, expected, { settings: on });
  const none = (input: string) => expectNone(input, RULE, on);

  it('is off by default; an info with a safe fix when on', () => {
    const text = 'FROM alpine:3.20\nLABEL a=1\nLABEL b=2\n';
    assert.deepEqual(findingsOf(text, RULE), []);
    const [f] = findingsOf(text, RULE, on);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '2 consecutive LABEL instructions can be one LABEL');
    assert.equal(f.range.start.line, 1);
    assert.equal(f.fixes[0].title, 'Merge the 2 LABEL instructions into one');
    assert.equal(f.fixes[0].safety, 'safe');
  });

  it('merges a run into continuation lines (four spaces, or the indentation the file uses)', () => {
    fix('FROM alpine:3.20\nLABEL a=1\nLABEL b="two words"\nLABEL c=3\nUSER x\n', 'FROM alpine:3.20\nLABEL a=1 \\\n    b="two words" \\\n    c=3\nUSER x\n');
    fix('FROM alpine:3.20\nRUN a && \\\n  b\nLABEL a=1\nLABEL b=2\n', 'FROM alpine:3.20\nRUN a && \\\n  b\nLABEL a=1 \\\n  b=2\n');
    // The first LABEL's own continuation lines set the indentation.
    fix('FROM alpine:3.20\nLABEL a=1 \\\n      b=2\nLABEL c=3\n', 'FROM alpine:3.20\nLABEL a=1 \\\n      b=2 \\\n      c=3\n');
  });

  it('merges across blank lines, not across comments or other instructions', () => {
    fix('FROM alpine:3.20\nLABEL a=1\n\nLABEL b=2\n', 'FROM alpine:3.20\nLABEL a=1 \\\n    b=2\n');
    none('FROM alpine:3.20\nLABEL a=1\n# the version\nLABEL b=2\n');
    none('FROM alpine:3.20\nLABEL a=1\nENV b=2\nLABEL c=3\n');
    none('FROM alpine:3.20\nLABEL a=1\nFROM alpine:3.20\nLABEL b=2\n');
    none('FROM alpine:3.20\nONBUILD LABEL a=1\nONBUILD LABEL b=2\n');
    none('FROM alpine:3.20\nLABEL a=1 b=2\n');
  });

  it('converts the legacy form with the right quoting, or leaves it out of the merge', () => {
    fix('FROM alpine:3.20\nLABEL maintainer Jane Doe\nLABEL b=2\n', 'FROM alpine:3.20\nLABEL maintainer="Jane Doe" \\\n    b=2\n');
    fix('FROM alpine:3.20\nLABEL a=1\nLABEL version 1.0\n', 'FROM alpine:3.20\nLABEL a=1 \\\n    version=1.0\n');
    // Quotes in a legacy value: no provable `=` form; the other two still merge.
    const text = 'FROM alpine:3.20\nLABEL a=1\nLABEL b=2\nLABEL desc say "hi" now\n';
    fix(text, 'FROM alpine:3.20\nLABEL a=1 \\\n    b=2\nLABEL desc say "hi" now\n');
  });

  it('keeps CRLF, the backtick escape, the keyword case and comment lines inside continuations', () => {
    fix('FROM alpine:3.20\r\nLABEL a=1\r\nLABEL b=2\r\n', 'FROM alpine:3.20\r\nLABEL a=1 \\\r\n    b=2\r\n');
    fix('# escape=`\nFROM alpine:3.20\nLABEL a=1\nLABEL b=2\n', '# escape=`\nFROM alpine:3.20\nLABEL a=1 `\n    b=2\n');
    fix('from alpine:3.20\nlabel a=1\nlabel b=2\n', 'from alpine:3.20\nlabel a=1 \\\n    b=2\n');
    fix('FROM alpine:3.20\nLABEL a=1 \\\n    # note\n    b=2\nLABEL c=3\n', 'FROM alpine:3.20\nLABEL a=1 \\\n    # note\n    b=2 \\\n    c=3\n');
  });

  it('is silenced by an ignore comment above the run', () => {
    none('FROM alpine:3.20\n# dockerfile-doctor ignore=consecutive-label\nLABEL a=1\nLABEL b=2\n');
  });
});

describe('consecutive-env', () => {
  before(() => ready);
  const RULE = 'consecutive-env';
  const fix = (input: string, expected: string) => expectFix(input, RULE, expected, { settings: on });
  const none = (input: string) => expectNone(input, RULE, on);

  it('merges ENVs that do not read each other', () => {
    fix('FROM python:3.12\nENV LANG=C.UTF-8\nENV PYTHONUNBUFFERED=1\n', 'FROM python:3.12\nENV LANG=C.UTF-8 \\\n    PYTHONUNBUFFERED=1\n');
    fix('FROM python:3.12\nENV A=1\nENV PATH=/x:$PATH\n', 'FROM python:3.12\nENV A=1 \\\n    PATH=/x:$PATH\n');
    fix('FROM python:3.12\nENV A=1\nENV A=2\n', 'FROM python:3.12\nENV A=1 \\\n    A=2\n');
  });

  it('never merges an ENV that reads a variable an earlier ENV of the run sets', () => {
    none('FROM alpine:3.20\nENV A=1\nENV B=$A\n');
    none('FROM alpine:3.20\nENV A=1\nENV B=${A:-x}\n');
    none('FROM alpine:3.20\nENV A 1\nENV B=${A}/bin\n');
    none('FROM alpine:3.20\nENV A=1 C=2\nENV B="$C"\n');
    // The reading ENV starts a new run.
    fix('FROM alpine:3.20\nENV A=1\nENV B=$A\nENV C=3\n', 'FROM alpine:3.20\nENV A=1\nENV B=$A \\\n    C=3\n');
    // Merged, the value is the same as before the merge: prove it on the model.
    const merged = 'FROM alpine:3.20\nENV A=1\nENV B=$A \\\n    C=3\n';
    assert.deepEqual(new Linter().lint(merged, on).filter((f) => f.ruleId === RULE), []);
  });

  it('converts legacy ENV forms when merged', () => {
    fix('FROM alpine:3.20\nENV HOME /root\nENV GOPATH /go\n', 'FROM alpine:3.20\nENV HOME=/root \\\n    GOPATH=/go\n');
    fix('FROM alpine:3.20\nENV A=1\nENV MSG hello world\n', 'FROM alpine:3.20\nENV A=1 \\\n    MSG="hello world"\n');
  });

  it('keeps CRLF and the backtick escape', () => {
    fix('FROM alpine:3.20\r\nENV A=1\r\nENV B=2\r\n', 'FROM alpine:3.20\r\nENV A=1 \\\r\n    B=2\r\n');
    fix('# escape=`\nFROM alpine:3.20\nENV A=1\nENV B=2\n', '# escape=`\nFROM alpine:3.20\nENV A=1 `\n    B=2\n');
  });

  it('does not merge across comments or into ONBUILD', () => {
    none('FROM alpine:3.20\nENV A=1\n# why\nENV B=2\n');
    none('FROM alpine:3.20\nONBUILD ENV A=1\nONBUILD ENV B=2\n');
  });
});
