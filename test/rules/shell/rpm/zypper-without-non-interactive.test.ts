import { before, describe, it } from 'node:test';
import { expectFix, expectNone, ready } from '../../../helpers';

const RULE = 'zypper-without-non-interactive';

describe(RULE, () => {
  before(() => ready);

  it('adds the global -n after zypper', () => {
    expectFix('FROM opensuse/leap:15.6\nRUN zypper install git=2.43\n', RULE, 'FROM opensuse/leap:15.6\nRUN zypper -n install git=2.43\n');
    expectFix('FROM opensuse/leap:15.6\nRUN zypper --gpg-auto-import-keys in git=2.43\n', RULE, 'FROM opensuse/leap:15.6\nRUN zypper -n --gpg-auto-import-keys in git=2.43\n');
    expectFix('FROM opensuse/leap:15.6\nRUN zypper rm vim\n', RULE, 'FROM opensuse/leap:15.6\nRUN zypper -n rm vim\n');
    expectFix('FROM opensuse/leap:15.6\nRUN zypper patch\n', RULE, 'FROM opensuse/leap:15.6\nRUN zypper -n patch\n');
  });
  it('accepts -n, --non-interactive, -y, --no-confirm', () => {
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n in x=1 && zypper --non-interactive rm y && zypper in -y z=1 && zypper install --no-confirm w=2\n', RULE);
    expectNone('FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean --all && zypper se vim\n', RULE);
    expectNone('FROM opensuse/leap:15.6\n# dockerfile-doctor ignore=zypper-without-non-interactive\nRUN zypper in x=1\n', RULE);
  });
  it('in heredoc and ONBUILD RUN', () => {
    expectFix('FROM opensuse/leap:15.6\nONBUILD RUN zypper in x=1\n', RULE, 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in x=1\n');
    expectFix('FROM opensuse/leap:15.6\nRUN <<EOT\nzypper in x=1\nEOT\n', RULE, 'FROM opensuse/leap:15.6\nRUN <<EOT\nzypper -n in x=1\nEOT\n');
  });
});
