import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';
import { marks } from './_util';

describe('syntax: FROM, stage names and argument counts', () => {
  before(() => ready);

  it('from-reference-invalid: upper case, tags, digests, hosts', () => {
    const text = 'FROM Ubuntu:22.04\n';
    const [f] = findingsOf(text, 'from-reference-invalid');
    assert.equal(f.severity, 'error');
    assert.deepEqual(marks(text, 'from-reference-invalid'), ['Ubuntu']);
    expectFix(text, 'from-reference-invalid', 'FROM ubuntu:22.04\n');
    assert.deepEqual(marks('FROM library/Node\n', 'from-reference-invalid'), ['Node']);
    assert.deepEqual(marks('FROM node:\n', 'from-reference-invalid'), ['node:']);
    assert.deepEqual(marks('FROM node:-bad\n', 'from-reference-invalid'), ['-bad']);
    assert.deepEqual(marks('FROM alpine@sha256:abc\n', 'from-reference-invalid'), ['sha256:abc']);
    assert.deepEqual(marks('FROM my_registry.io:5000x/app\n', 'from-reference-invalid'), ['my_registry.io:5000x']);
    assert.deepEqual(marks('FROM a//b\n', 'from-reference-invalid'), ['/']);
    assert.match(findingsOf('FROM :latest\n', 'from-reference-invalid')[0].message, /repository name is missing/);
    assert.deepEqual(marks('FROM alpine:3.19:x\nFROM alpine@\n', 'from-reference-invalid'), ['3.19:x', 'alpine@']);
  });
  it('from-reference-invalid: valid references, variables, stages, scratch', () => {
    expectNone([
      'ARG BASE=alpine',
      'FROM docker.io/library/alpine:3.19@sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b AS base',
      'FROM localhost:5000/team/app:v1.2_rc-3',
      'FROM MyRegistry.example.com/app',
      'FROM [::1]:5000/app',
      'FROM ${BASE}',
      'FROM $BASE:latest',
      'FROM scratch',
      'FROM Base',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'FROM "alpine:3.19"',
    ].join('\n'), 'from-reference-invalid');
  });

  it('stage-name-invalid: BuildKit\'s stage name pattern', () => {
    const text = 'FROM alpine AS 1st\nFROM alpine AS my$stage\nFROM alpine AS ${NAME}\n';
    assert.deepEqual(marks(text, 'stage-name-invalid'), ['1st', 'my$stage', '${NAME}']);
    assert.equal(findingsOf(text, 'stage-name-invalid')[0].severity, 'error');
    // Letter case is the casing rules' concern.
    expectNone('FROM alpine AS Build-1.x_y\nfrom alpine as b\n', 'stage-name-invalid');
  });

  it('missing-arguments: FROM x AS, COPY/ADD destination, heredocs, SHELL []', () => {
    assert.deepEqual(marks('FROM alpine AS\n', 'missing-arguments'), ['AS']);
    assert.deepEqual(marks('FROM alpine\nCOPY <<EOF\nhi\nEOF\n', 'missing-arguments'), ['COPY <<EOF']);
    assert.equal(findingsOf('FROM alpine\nCOPY --from=x a\n', 'missing-arguments').length, 1);
    assert.equal(findingsOf('FROM alpine\nADD ["a"]\n', 'missing-arguments').length, 1);
    assert.equal(findingsOf('FROM alpine\nSHELL []\n', 'missing-arguments').length, 1);
    for (const ins of ['EXPOSE', 'ENV', 'LABEL', 'ARG', 'USER', 'VOLUME', 'WORKDIR', 'STOPSIGNAL', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER']) {
      assert.equal(findingsOf(`FROM alpine\n${ins}\n`, 'missing-arguments').length, 1, ins);
    }
    assert.equal(findingsOf('FROM alpine\nVOLUME [""]\n', 'missing-arguments').length, 1);
    assert.equal(findingsOf('FROM alpine\nVOLUME /a ""\n', 'missing-arguments').length, 1);
    expectNone('FROM alpine\nVOLUME ["/data", "/logs"]\nVOLUME /a /b\n', 'missing-arguments');
    expectNone('FROM alpine\nCOPY <<EOF /x\nhi\nEOF\nCOPY <<A <<B /dir/\na\nA\nb\nB\nRUN <<EOF\necho\nEOF\n', 'missing-arguments');
  });

  it('extra-arguments: FROM, HEALTHCHECK NONE, STOPSIGNAL, USER', () => {
    const text = 'FROM node:18 alpine\n';
    assert.deepEqual(marks(text, 'extra-arguments'), ['alpine']);
    expectFix(text, 'extra-arguments', 'FROM node:18 AS alpine\n');
    expectFix('from node:18 builder\n', 'extra-arguments', 'from node:18 as builder\n');
    assert.deepEqual(marks('FROM a ASS b\n', 'extra-arguments'), ['ASS']);
    assert.deepEqual(marks('FROM a AS b c d\n', 'extra-arguments'), ['c d']);
    assert.deepEqual(marks('FROM a\nHEALTHCHECK NONE CMD true\n', 'extra-arguments'), ['CMD true']);
    assert.deepEqual(marks('FROM a\nSTOPSIGNAL SIGTERM 9\nUSER app admin\n', 'extra-arguments'), ['9', 'admin']);
    expectNone('FROM a AS b\nFROM --platform=linux/amd64 a\nWORKDIR /a b\nMAINTAINER Jane Doe <j@x>\nUSER 1000:1000\nHEALTHCHECK --interval=5s NONE\n', 'extra-arguments');
  });

  it('a half-typed FROM reports each problem once, at its word', () => {
    const found = lintAll('FROM --platfrom=x Node: AS\n').map((f) => f.ruleId).sort();
    assert.deepEqual(found, ['flag-unknown', 'from-reference-invalid', 'missing-arguments']);
  });
});
