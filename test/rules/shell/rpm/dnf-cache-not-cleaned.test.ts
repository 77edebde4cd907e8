import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'dnf-cache-not-cleaned';

describe(RULE, () => {
  before(() => ready);

  it('flags dnf and microdnf installs without clean-up', () => {
    expectFix('FROM fedora:40\nRUN dnf install -y x-1\n', RULE, 'FROM fedora:40\nRUN dnf install -y x-1 && dnf clean all\n');
    expectFix('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y x-1\n', RULE,
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y x-1 && microdnf clean all\n');
    assert.equal(findingsOf('FROM fedora:40\nRUN dnf upgrade -y\n', RULE).length, 1);
    // dnf's short command names: in, up, up-min, rei.
    for (const sub of ['in x-1', 'up', 'up-min', 'rei x-1']) assert.equal(findingsOf(`FROM fedora:40\nRUN dnf -y ${sub}\n`, RULE).length, 1, sub);
    expectNone('FROM fedora:40\nRUN dnf -y in x-1 && dnf clean all\n', RULE);
  });
  it('accepts dnf/microdnf clean all, rm of /var/cache/dnf, libdnf5 or yum, and cache mounts', () => {
    expectNone('FROM fedora:40\nRUN dnf install -y x-1 && dnf clean all\n', RULE);
    expectNone('FROM fedora:40\nRUN dnf install -y x-1 && yum clean all\n', RULE);
    expectNone('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y x-1 && microdnf clean all\n', RULE);
    expectNone('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y x-1 && rm -rf /var/cache/yum\n', RULE);
    expectNone('FROM fedora:41\nRUN dnf5 install -y x-1 && rm -rf /var/cache/libdnf5\n', RULE);
    expectNone('FROM fedora:40\nRUN dnf install -y x-1 && rm -rf /var/cache/dnf/*\n', RULE);
    expectNone('FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y x-1\n', RULE);
    expectNone('FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y x-1\n', RULE);
    expectNone('FROM fedora:40\n# hadolint ignore=DL3040\nRUN dnf install -y x-1\n', RULE);
  });
  it('wants the clean-up of the program that filled the cache: microdnf keeps its own', () => {
    // dnf's cache is /var/cache/dnf, microdnf's /var/cache/yum: neither clean-up removes the other's.
    const [f] = findingsOf('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y dnf-4 && dnf install -y x-1 && microdnf clean all\n', RULE);
    assert.match(f.message, /^dnf install .*dnf clean all/);
    assert.equal(findingsOf('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y x-1 && dnf clean all\n', RULE).length, 1);
    expectNone('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y dnf-4 && dnf install -y x-1 && dnf clean all && microdnf clean all\n', RULE);
  });
  it('is silent in a build stage that is only copied from', () => {
    expectNone('FROM fedora:40 AS build\nRUN dnf install -y gcc-14\nFROM scratch\nCOPY --from=build /out /\n', RULE);
  });
});
