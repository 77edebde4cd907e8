import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'sudo-in-run';

describe(RULE, () => {
  before(() => ready);

  it('flags sudo on the sudo word, behind env too', () => {
    const [f] = findingsOf('FROM debian\nRUN apt-get update && sudo -E apt-get install -y x\n', RULE);
    assert.equal(f.severity, 'error');
    assert.equal(f.range.start.character, 22);
    assert.equal(f.range.end.character, 26);
    assert.equal(findingsOf('FROM debian\nRUN env X=1 sudo make install\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nRUN sudo -i\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nRUN /usr/bin/sudo make\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nONBUILD RUN sudo make\n', RULE).length, 1);
  });
  it('is silent for sudo as an argument or package and for ignores', () => {
    expectNone('FROM debian\nRUN apt-get install -y sudo && echo "%wheel ALL=(ALL) ALL" >> /etc/sudoers && chmod 440 /etc/sudoers.d/x\n', RULE);
    expectNone('FROM debian\n# hadolint ignore=DL3004\nRUN sudo make\n', RULE);
  });
});
