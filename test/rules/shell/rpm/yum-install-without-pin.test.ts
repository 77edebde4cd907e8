import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'yum-install-without-pin';

describe(RULE, () => {
  before(() => ready);

  it('flags each package without a version, on the package word', () => {
    const found = findingsOf('FROM centos:7\nRUN yum install -y httpd python3-devel mariadb-10.4\n', RULE);
    assert.deepEqual(found.map((f) => f.message), ['Pin the version: yum install httpd-<version>', 'Pin the version: yum install python3-devel-<version>']);
    assert.equal(found[0].range.start.character, 19);
  });
  it('accepts versions, files, URLs, variables, groups and option values', () => {
    expectNone('FROM centos:7\nRUN yum install -y httpd-2.4.6 tomcat-9.0.1-1.el7 "nginx >= 1.20" /tmp/x.rpm https://e.com/y.rpm local.rpm $PKGS "${EXTRA}" @development\n', RULE);
    expectNone('FROM centos:7\nRUN yum install -y --enablerepo epel --exclude kernel x-1 && yum localinstall -y foo && yum groupinstall -y Tools\n', RULE);
    expectNone('FROM centos:7\nRUN yum update -y httpd && yum remove -y x\n', RULE);
    expectNone('FROM centos:7\n# hadolint ignore=DL3033\nRUN yum install -y httpd\n', RULE);
  });
  it('flags module installs without a stream', () => {
    assert.deepEqual(findingsOf('FROM centos:8\nRUN yum module install -y nodejs perl:5.26\n', RULE).map((f) => f.message), ['Pin the module stream: yum module install nodejs:<stream>']);
  });
  it('reads continuations and heredocs', () => {
    assert.equal(findingsOf('FROM centos:7\nRUN yum install -y \\\n    a \\\n    # comment\n    b-1\n', RULE).length, 1);
    assert.equal(findingsOf('FROM centos:7\nRUN <<EOF\nyum install -y a\nEOF\n', RULE).length, 1);
  });
});
