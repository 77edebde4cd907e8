import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, lintAll, ready } from '../helpers';

describe('syntax rules', () => {
  before(() => ready);

  it('unknown-instruction: an error, with a typo fix', () => {
    const [f] = findingsOf('FROM alpine\nRUNN echo\n', 'unknown-instruction');
    assert.equal(f.severity, 'error');
    expectFix('FROM alpine\nRUNN echo\n', 'unknown-instruction', 'FROM alpine\nRUN echo\n');
    expectFix('FROM alpine\ncopi a /b\n', 'unknown-instruction', 'FROM alpine\nCOPY a /b\n');
    // In a lower-case file the fix is lower case: it takes the case the other instructions use.
    expectFix('from alpine\nrun a\ncopi a /b\n', 'unknown-instruction', 'from alpine\nrun a\ncopy a /b\n');
    assert.deepEqual(findingsOf('FROM alpine\nFOO bar\n', 'unknown-instruction')[0].fixes, []);
  });
  it('instruction-before-from: only ARG may come first', () => {
    expectNone('# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine:$V\n', 'instruction-before-from');
    const [f] = findingsOf('ENV A=1\nFROM alpine\n', 'instruction-before-from');
    assert.equal(f.severity, 'error');
  });
  it('missing-arguments', () => {
    assert.equal(findingsOf('FROM\n', 'missing-arguments').length, 1);
    // BuildKit builds an empty RUN (it runs nothing), as it does an empty CMD or ENTRYPOINT.
    expectNone('FROM alpine\nRUN\nCMD\nENTRYPOINT\n', 'missing-arguments');
    assert.equal(findingsOf('FROM alpine\nCOPY a\n', 'missing-arguments').length, 1);
    expectNone('FROM alpine\nCMD []\nCOPY <<EOF /x\nhi\nEOF\n', 'missing-arguments');
  });
  it('invalid-json-form: error, with a quote fix', () => {
    const [f] = findingsOf("FROM alpine\nCMD ['node', 'app.js']\n", 'invalid-json-form');
    assert.equal(f.severity, 'error');
    expectFix("FROM alpine\nCMD ['node', 'app.js']\n", 'invalid-json-form', 'FROM alpine\nCMD ["node", "app.js"]\n');
    expectNone('FROM alpine\nRUN [ -f /x ] && echo yes\n', 'invalid-json-form');
    expectNone('FROM alpine\nCMD ["a", "b"]\n', 'invalid-json-form');
    assert.equal(findingsOf('FROM alpine\nSHELL /bin/bash -c\n', 'invalid-json-form').length, 1);
  });
  it('an ignore comment works on the first line of a file too (where it looks like a directive)', () => {
    expectNone('# dockerfile-doctor ignore=unknown-instruction\nFROx a\n', 'unknown-instruction');
    expectNone('# hadolint ignore=DL3061\nENV A=1\nFROM alpine\n', 'instruction-before-from');
    // A comment inside the previous instruction's continuation is not above the next one.
    assert.equal(findingsOf('FROM alpine\nRUN a \\\n# dockerfile-doctor ignore=unknown-instruction\n  b\nFOO x\n', 'unknown-instruction').length, 1);
  });
  it('related codes are attached', () => {
    const f = lintAll('FROM alpine\nRUN apk add x\n').find((x) => x.ruleId === 'apk-add-without-no-cache')!;
    assert.deepEqual(f.related, { hadolint: 'DL3019' });
  });
});
