import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'zypper-dist-upgrade';

describe(RULE, () => {
  before(() => ready);

  it('flags dist-upgrade, dup, update and up of everything', () => {
    for (const sub of ['dist-upgrade', 'dup', 'update', 'up']) {
      const [f] = findingsOf(`FROM opensuse/leap:15.6\nRUN zypper -n ${sub}\n`, RULE);
      assert.match(f.message, new RegExp(`zypper ${sub} `));
    }
    assert.equal(findingsOf('FROM opensuse/leap:15.6\nONBUILD RUN zypper --non-interactive dup --no-recommends\n', RULE).length, 1);
  });
  it('is silent for updates of named packages, other commands and ignores', () => {
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n up openssl && zypper -n in x=1 && zypper patch\n', RULE);
    expectNone('FROM opensuse/leap:15.6\n# hadolint ignore=DL3035\nRUN zypper -n dup\n', RULE);
  });
});
