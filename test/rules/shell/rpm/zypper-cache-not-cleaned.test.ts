import { before, describe, it } from 'node:test';
import { expectFix, expectNone, ready } from '../../../helpers';

const RULE = 'zypper-cache-not-cleaned';

describe(RULE, () => {
  before(() => ready);

  it('flags zypper install without clean-up', () => {
    expectFix('FROM opensuse/leap:15.6\nRUN zypper -n in git=2.43\n', RULE, 'FROM opensuse/leap:15.6\nRUN zypper -n in git=2.43 && zypper clean --all\n');
  });
  it('accepts zypper clean / cc, rm of /var/cache/zypp, a cache mount, a build-only stage', () => {
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n in git=2.43 && zypper clean -a\n', RULE);
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n in git=2.43 && zypper cc\n', RULE);
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n in git=2.43 && rm -rf /var/cache/zypp/*\n', RULE);
    expectNone('FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in git=2.43\n', RULE);
    expectNone('FROM opensuse/leap:15.6 AS b\nRUN zypper -n in gcc=13\nFROM scratch\nCOPY --from=b /x /x\n', RULE);
    expectNone('FROM opensuse/leap:15.6\n# hadolint ignore=DL3036\nRUN zypper -n in git=2.43\n', RULE);
  });
});
