import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'zypper-install-without-pin';

describe(RULE, () => {
  before(() => ready);

  it('flags packages without =, >=, <', () => {
    assert.deepEqual(findingsOf('FROM opensuse/leap:15.6\nRUN zypper -n in git vim=9.1 "curl>=8"\n', RULE).map((f) => f.message), ['Pin the version: zypper install git=<version>']);
  });
  it('accepts patterns, files, variables, and other subcommands', () => {
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis && zypper -n in --type product x\n', RULE);
    expectNone('FROM opensuse/leap:15.6\nRUN zypper -n in /tmp/x.rpm $PKGS && zypper -n rm git && zypper -n up git\n', RULE);
    expectNone('FROM opensuse/leap:15.6\n# hadolint ignore=DL3037\nRUN zypper -n in git\n', RULE);
  });
});
