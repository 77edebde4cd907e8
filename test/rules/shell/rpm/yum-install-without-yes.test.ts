import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'yum-install-without-yes';

describe(RULE, () => {
  before(() => ready);

  it('adds -y after the subcommand', () => {
    expectFix('FROM centos:7\nRUN yum install httpd-2.4 && yum clean all\n', RULE, 'FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all\n');
    expectFix('FROM centos:7\nRUN yum groupinstall "Development Tools" && yum clean all\n', RULE, 'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum clean all\n');
    expectFix('FROM centos:7\nRUN yum --enablerepo=epel localinstall /tmp/x.rpm\n', RULE, 'FROM centos:7\nRUN yum --enablerepo=epel localinstall -y /tmp/x.rpm\n');
  });
  it('covers the other commands that prompt: update, remove, group install', () => {
    expectFix('FROM centos:7\nRUN yum update && yum clean all\n', RULE, 'FROM centos:7\nRUN yum update -y && yum clean all\n');
    expectFix('FROM centos:7\nRUN yum remove x\n', RULE, 'FROM centos:7\nRUN yum remove -y x\n');
    expectFix('FROM centos:7\nRUN yum group install Base\n', RULE, 'FROM centos:7\nRUN yum group install -y Base\n');
  });
  it('accepts -y / --assumeyes anywhere, clustered, or an options variable', () => {
    expectNone('FROM centos:7\nRUN yum -y install x-1\n', RULE);
    expectNone('FROM centos:7\nRUN yum install --assumeyes x-1\n', RULE);
    expectNone('FROM centos:7\nRUN yum -qy install x-1\n', RULE);
    expectNone('FROM centos:7\nRUN yum $YUM_OPTS install x-1\n', RULE);
    expectNone('FROM centos:7\nRUN yum clean all && yum makecache && yum info x && echo yum install x\n', RULE);
  });
  it('reads continuations, heredocs, ONBUILD, exec form, sudo, CRLF, backtick escape, lower case', () => {
    expectFix('FROM centos:7\nRUN yum \\\n    install \\\n    x-1\n', RULE, 'FROM centos:7\nRUN yum \\\n    install -y \\\n    x-1\n');
    expectFix('FROM centos:7\nRUN <<EOF\nyum install x-1\nEOF\n', RULE, 'FROM centos:7\nRUN <<EOF\nyum install -y x-1\nEOF\n');
    expectFix('FROM centos:7\nONBUILD RUN yum install x-1\n', RULE, 'FROM centos:7\nONBUILD RUN yum install -y x-1\n');
    expectFix('FROM centos:7\nRUN ["sh", "-c", "yum install x-1"]\n', RULE, 'FROM centos:7\nRUN ["sh", "-c", "yum install -y x-1"]\n');
    expectFix('FROM centos:7\nRUN sudo yum install x-1\n', RULE, 'FROM centos:7\nRUN sudo yum install -y x-1\n');
    expectFix('FROM centos:7\r\nrun yum install x-1\r\n', RULE, 'FROM centos:7\r\nrun yum install -y x-1\r\n');
    expectFix('# escape=`\nFROM centos:7\nRUN yum `\n  install x-1\n', RULE, '# escape=`\nFROM centos:7\nRUN yum `\n  install -y x-1\n');
  });
  it('reports without a fix in an exec-form string it cannot edit', () => {
    expectNoFix('FROM centos:7\nRUN ["sh", "-c", "yum install x-1 \\\\\\n && echo"]\n', RULE);
  });
  it('follows ignore comments (our id and DL3030)', () => {
    expectNone('FROM centos:7\n# hadolint ignore=DL3030\nRUN yum install x-1\n', RULE);
    expectNone('FROM centos:7\n# dockerfile-doctor ignore=yum-install-without-yes\nRUN yum install x-1\n', RULE);
  });
  it('is silent under PowerShell and reports each call', () => {
    expectNone('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN yum install x\n', RULE);
    assert.equal(findingsOf('FROM centos:7\nRUN yum install a-1; yum install b-1\n', RULE).length, 2);
  });
});
