import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'wget-and-curl';

describe(RULE, () => {
  before(() => ready);

  it('flags the tool the stage uses less, across RUNs of the stage', () => {
    const found = findingsOf('FROM debian\nRUN curl -fsSLO https://e.com/a\nRUN wget https://e.com/b && curl -O c\n', RULE);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.range.start.character]), [[2, 4]]);
    assert.match(found[0].message, /use curl/);
    const tie = findingsOf('FROM debian\nRUN curl -O a && wget b\n', RULE);
    assert.match(tie[0].message, /use curl/);
  });
  it('keeps stages apart and ignores lookups, package names and ONBUILD', () => {
    expectNone('FROM debian AS a\nRUN curl -O x\nFROM debian\nRUN wget y\n', RULE);
    expectNone('FROM debian\nRUN apt-get install -y curl wget && command -v wget && curl -O x\n', RULE);
    expectNone('FROM debian\nONBUILD RUN wget x\nRUN curl -O y\n', RULE);
    expectNone('FROM debian\n# hadolint ignore=DL4001\nRUN wget x && curl -O y\n', RULE);
  });
});
