import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, expectFix, expectNone, findingsOf, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';

const RULE = 'undefined-arg-in-from';

describe(RULE, () => {
  before(() => ready);

  it('reports an undeclared variable in FROM, with did-you-mean', () => {
    const found = findingsOf('ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-alpine\n', RULE);
    assert.deepEqual(found.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`), ["1:10 FROM argument 'NODE_VERSON' is not declared (did you mean NODE_VERSION?)"]);
    expectFix('ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-alpine\n', RULE, 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n');
    expectFix('ARG TAG=1\nFROM alpine:$TAGG\n', RULE, 'ARG TAG=1\nFROM alpine:$TAG\n');
  });
  it('an ARG inside a stage does not count for a later FROM (across chunks)', () => {
    const text = 'FROM alpine AS base\nARG TAG=3.20\nRUN true\n\nFROM alpine:${TAG}\n';
    assert.equal(findingsOf(text, RULE).length, 1);
    const whole = new Linter({ chunked: false }).lint(text).filter((f) => f.ruleId === RULE);
    assert.deepEqual(whole, findingsOf(text, RULE));
  });
  it('offers a template ARG before the first FROM (a suggestion)', () => {
    const [f] = findingsOf('# syntax=docker/dockerfile:1\nFROM alpine:$TAG\n', RULE);
    const fix = f.fixes.find((x) => x.safety === 'suggestion')!;
    assert.equal(applyFix('# syntax=docker/dockerfile:1\nFROM alpine:$TAG\n', fix), '# syntax=docker/dockerfile:1\nARG TAG=\nFROM alpine:$TAG\n');
  });
  it('the template goes above the comments that belong to the first FROM', () => {
    const text = '# syntax=docker/dockerfile:1\n\n# hadolint ignore=DL3006\nFROM alpine:$TAG\n';
    const [f] = findingsOf(text, RULE);
    const fix = f.fixes.find((x) => x.safety === 'suggestion')!;
    assert.equal(applyFix(text, fix), '# syntax=docker/dockerfile:1\n\nARG TAG=\n# hadolint ignore=DL3006\nFROM alpine:$TAG\n');
  });
  it('predefined platform args, proxies and BUILDKIT_* are declared', () => {
    expectNone('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM} alpine:${TARGETARCH}\n', RULE);
    expectNone('FROM alpine$BUILDKIT_X\n', RULE);
  });
  it('checks --platform too', () => {
    assert.equal(findingsOf('FROM --platform=$PLATFROM alpine\n', RULE).length, 1);
  });
  it('global ARG without a default is declared', () => {
    expectNone('ARG BASE\nFROM $BASE\n', RULE);
  });
  it('ignore comments and check=skip', () => {
    expectNone('# check=skip=UndefinedArgInFrom\nFROM alpine:$TAG\n', RULE);
    expectNone('# dockerfile-doctor ignore=undefined-arg-in-from\nFROM alpine:$TAG\n', RULE);
    expectNone('FROM scratch\n# dockerfile-doctor ignore=undefined-arg-in-from\nFROM alpine:$TAG\n', RULE);
  });
  it('CRLF and mixed case', () => {
    assert.equal(findingsOf('arg a=1\r\nfrom alpine:$b\r\n', RULE).length, 1);
  });
});
