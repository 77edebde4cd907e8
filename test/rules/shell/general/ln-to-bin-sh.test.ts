import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'ln-to-bin-sh';

describe(RULE, () => {
  before(() => ready);

  it('flags a link that replaces /bin/sh', () => {
    assert.equal(findingsOf('FROM debian\nRUN ln -sf /bin/bash /bin/sh\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nRUN ln -snf bash /usr/bin/sh\n', RULE).length, 1);
  });
  it('is silent for links to sh, other links, and ignores', () => {
    expectNone('FROM debian\nRUN ln -s /bin/sh /usr/local/bin/sh && ln -sf /usr/bin/python3 /usr/bin/python && ln -s /bin/bash -t /bin\n', RULE);
    expectNone('FROM debian\n# hadolint ignore=DL4005\nRUN ln -sf /bin/bash /bin/sh\n', RULE);
  });
});
