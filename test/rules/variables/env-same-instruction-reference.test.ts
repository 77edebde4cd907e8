import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../helpers';

const RULE = 'env-same-instruction-reference';

describe(RULE, () => {
  before(() => ready);

  it('reports a variable set earlier in the same ENV, with a split fix', () => {
    const [f] = findingsOf('FROM alpine\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n', RULE);
    assert.equal(f.severity, 'error');
    assert.equal(f.range.start.character, 26);
    expectFix('FROM alpine\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n', RULE, 'FROM alpine\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n');
    expectFix('from alpine\r\nenv a=1 b=${a}\r\n', RULE, 'from alpine\r\nenv a=1\r\nenv b=${a}\r\n');
  });
  it('no fix across continuation lines or in the legacy form', () => {
    expectNoFix('FROM alpine\nENV A=1 \\\n    B=$A\n', RULE);
  });
  it('is silent when the variable was set before, for self references and other stages', () => {
    expectNone('FROM alpine\nENV A=0\nENV A=1 B=$A\n', RULE);
    expectNone('FROM alpine\nARG A\nENV A=1 B=$A\n', RULE);
    expectNone('FROM alpine\nENV A=$A\n', RULE);
    expectNone('FROM alpine\nENV B=$A A=1\n', RULE);
    expectNone("FROM alpine\nENV A=1 B='$A'\n", RULE);
    expectNone('FROM alpine\nENV A=1\nFROM alpine\nENV B=$A\n', RULE);
  });
  it('hadolint ignore', () => {
    expectNone('FROM alpine\n# hadolint ignore=DL3044\nENV A=1 B=$A\n', RULE);
  });
});
