import { before, describe, it } from 'node:test';
import { expectFix, expectNone, ready } from '../../../helpers';

const RULE = 'dnf-install-without-yes';

describe(RULE, () => {
  before(() => ready);

  it('adds -y for dnf, dnf5 and microdnf', () => {
    expectFix('FROM fedora:40\nRUN dnf install git-2.45 && dnf clean all\n', RULE, 'FROM fedora:40\nRUN dnf install -y git-2.45 && dnf clean all\n');
    expectFix('FROM fedora:41\nRUN dnf5 install git-2.45\n', RULE, 'FROM fedora:41\nRUN dnf5 install -y git-2.45\n');
    expectFix('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils-4 && microdnf clean all\n', RULE,
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils-4 && microdnf clean all\n');
  });
  it('reads dnf\'s short command names (in, up, rei, dg, rm)', () => {
    expectFix('FROM fedora:40\nRUN dnf in git-2.45\n', RULE, 'FROM fedora:40\nRUN dnf in -y git-2.45\n');
    for (const sub of ['up', 'up-min', 'rei x-1', 'dg x-1', 'rm x']) expectFix(`FROM fedora:40\nRUN dnf ${sub}\n`, RULE, `FROM fedora:40\nRUN dnf ${sub.replace(/^(\S+)/, '$1 -y')}\n`);
  });
  it('covers module and group commands', () => {
    expectFix('FROM fedora:40\nRUN dnf module enable nodejs:20\n', RULE, 'FROM fedora:40\nRUN dnf module enable -y nodejs:20\n');
    expectFix('FROM fedora:40\nRUN dnf group install "C Development Tools"\n', RULE, 'FROM fedora:40\nRUN dnf group install -y "C Development Tools"\n');
    expectFix('FROM fedora:40\nRUN dnf upgrade --refresh\n', RULE, 'FROM fedora:40\nRUN dnf upgrade -y --refresh\n');
  });
  it('is silent with -y / --assumeyes and for commands that do not prompt', () => {
    expectNone('FROM fedora:40\nRUN dnf -y install x-1 && dnf --assumeyes remove y\n', RULE);
    expectNone('FROM fedora:40\nRUN dnf clean all && dnf makecache && dnf list installed && dnf repoquery x\n', RULE);
    expectNone('FROM fedora:40\nRUN notdnf install x\n', RULE);
    expectNone('FROM fedora:40\n# hadolint ignore=DL3038\nRUN dnf install x-1\n', RULE);
  });
  it('reads the setopt value and options before the subcommand', () => {
    expectFix('FROM fedora:40\nRUN dnf --setopt install_weak_deps=False install x-1\n', RULE, 'FROM fedora:40\nRUN dnf --setopt install_weak_deps=False install -y x-1\n');
  });
});
