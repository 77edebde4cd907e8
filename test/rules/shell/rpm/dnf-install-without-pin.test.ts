import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'dnf-install-without-pin';

describe(RULE, () => {
  before(() => ready);

  it('flags dnf and microdnf packages and module installs without a version', () => {
    assert.deepEqual(findingsOf('FROM fedora:40\nRUN dnf install -y tomcat && microdnf install -y git && dnf module install -y nodejs\n', RULE).map((f) => f.message), [
      'Pin the version: dnf install tomcat-<version>', 'Pin the version: microdnf install git-<version>', 'Pin the module stream: dnf module install nodejs:<stream>',
    ]);
  });
  it('reads dnf\'s short command names (in, rei)', () => {
    assert.deepEqual(findingsOf('FROM fedora:40\nRUN dnf in -y tomcat && dnf rei -y git-2.45\n', RULE).map((f) => f.message), ['Pin the version: dnf install tomcat-<version>']);
    expectNone('FROM fedora:40\nRUN dnf in -y tomcat-9.0.1\n', RULE);
  });
  it('accepts versions, streams, files and variables', () => {
    expectNone('FROM fedora:40\nRUN dnf install -y tomcat-9.0.1 ./local.rpm /tmp/a.rpm $PKG && dnf module install -y nodejs:20/common\n', RULE);
    expectNone('FROM fedora:40\nRUN notdnf install tomcat\n', RULE);
    expectNone('FROM fedora:40\n# hadolint ignore=DL3041\nRUN dnf install -y tomcat\n', RULE);
  });
});
