import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'yum-cache-not-cleaned';

describe(RULE, () => {
  before(() => ready);

  it('offers && yum clean all at the end of a flat RUN (unsafe)', () => {
    const text = 'FROM centos:7\nRUN yum install -y httpd-2.4\n';
    const [f] = findingsOf(text, RULE);
    assert.equal(f.fixes[0].safety, 'unsafe');
    expectFix(text, RULE, 'FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all\n');
    expectFix('FROM centos:7\nRUN yum install -y a-1 \\\n    && echo done\n', RULE, 'FROM centos:7\nRUN yum install -y a-1 \\\n    && echo done && yum clean all\n');
  });
  it('accepts yum clean all, dnf clean all and rm -rf of the cache, after the install', () => {
    expectNone('FROM centos:7\nRUN yum install -y x-1 && yum clean all\n', RULE);
    expectNone('FROM centos:7\nRUN yum install -y x-1 && rm -rf /var/cache/yum\n', RULE);
    expectNone('FROM centos:7\nRUN yum install -y x-1 && rm -rf /var/cache/yum/*\n', RULE);
    expectNone('FROM rockylinux:9\nRUN yum install -y x-1 && dnf clean all\n', RULE);
    expectNone('FROM centos:7\nRUN yum install -y x-1 && yum clean packages metadata\n', RULE);
  });
  it('a clean-up before the install does not count (hadolint misses this)', () => {
    expectFix('FROM centos:7\nRUN yum clean all && yum install -y git-2.0\n', RULE, 'FROM centos:7\nRUN yum clean all && yum install -y git-2.0 && yum clean all\n');
  });
  it('a clean-up in another script of the RUN counts', () => {
    expectNone("FROM centos:7\nRUN sh -c 'yum install -y a-1' && yum clean all\n", RULE);
  });
  it('is silent with a cache or tmpfs mount on the yum cache', () => {
    expectNone('FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y x-1\n', RULE);
    expectNone('FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache yum install -y x-1\n', RULE);
    assert.equal(findingsOf('FROM centos:7\nRUN --mount=type=cache,target=/root/.cache yum install -y x-1\n', RULE).length, 1);
  });
  it('is silent in a stage whose layers never reach the final image (hadolint reports it)', () => {
    expectNone('FROM centos:7 AS build\nRUN yum install -y gcc-4\nFROM alpine\nCOPY --from=build /x /x\n', RULE);
    assert.equal(findingsOf('FROM centos:7 AS base\nRUN yum install -y gcc-4\nFROM base\nRUN true\n', RULE).length, 1);
    // ONBUILD runs in the child build: always counts.
    assert.equal(findingsOf('FROM centos:7 AS build\nONBUILD RUN yum install -y gcc-4\nFROM alpine\n', RULE).length, 1);
  });
  it('reports once per RUN, without a fix for heredocs or compound scripts', () => {
    assert.equal(findingsOf('FROM centos:7\nRUN yum install -y a-1 && yum install -y b-1\n', RULE).length, 1);
    expectNoFix('FROM centos:7\nRUN <<EOF\nyum install -y a-1\nEOF\n', RULE);
    expectNoFix('FROM centos:7\nRUN yum install -y a-1; echo x\n', RULE);
    expectNone('FROM centos:7\n# hadolint ignore=DL3032\nRUN yum install -y a-1\n', RULE);
    expectNone('FROM centos:7\nRUN yum remove -y a\n', RULE);
  });
});
