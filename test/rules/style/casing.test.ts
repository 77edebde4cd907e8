import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';

describe('stage-name-casing', () => {
  const RULE = 'stage-name-casing';
  before(() => ready);
  it('lower-cases the stage name (safe), references keep working', () => {
    expectFix('FROM golang AS Builder\nFROM alpine\nCOPY --from=Builder /x /x\n', RULE, 'FROM golang AS builder\nFROM alpine\nCOPY --from=builder /x /x\n');
    assert.equal(findingsOf('FROM golang AS Builder\n', RULE)[0].message, "Stage name 'Builder' should be lowercase");
    expectFix('from golang as BUILD\r\n', RULE, 'from golang as build\r\n');
  });
  it('silent for lower-case names and unnamed stages', () => {
    expectNone('FROM golang AS build-1\nFROM Alpine\n', RULE);
  });
});

describe('from-as-casing', () => {
  const RULE = 'from-as-casing';
  before(() => ready);
  it('writes AS in the case of FROM', () => {
    expectFix('FROM alpine as base\n', RULE, 'FROM alpine AS base\n');
    expectFix('from alpine AS base\n', RULE, 'from alpine as base\n');
    expectFix('FROM --platform=$BUILDPLATFORM alpine As base\n', RULE, 'FROM --platform=$BUILDPLATFORM alpine AS base\n');
    assert.equal(findingsOf('FROM alpine as base\n', RULE)[0].message, "'as' and 'FROM' keywords' casing do not match");
  });
  it('silent when consistent or when FROM itself is mixed case', () => {
    expectNone('FROM alpine AS base\nfrom alpine as b2\nFrom alpine as b3\nFROM alpine\n', RULE);
  });
});

describe('inconsistent-instruction-casing', () => {
  const RULE = 'inconsistent-instruction-casing';
  before(() => ready);
  it('leaves unknown instructions to unknown-instruction (one problem, one finding)', () => {
    expectNone('FROM alpine:3.20\nRUN a\nmirror\n', 'inconsistent-instruction-casing');
  });
  it('reports the minority and mixed case, fixes to the majority', () => {
    const text = 'FROM alpine\nRUN true\ncopy . /app\nRun x\n';
    const found = findingsOf(text, RULE);
    assert.deepEqual(found.map((f) => f.message), ["Command 'copy' should match the case of the command majority (uppercase)", "Command 'Run' should match the case of the command majority (uppercase)"]);
    expectFix(text, RULE, 'FROM alpine\nRUN true\nCOPY . /app\nRun x\n');
    expectFix('from alpine\nrun true\nCOPY . /app\n', RULE, 'from alpine\nrun true\ncopy . /app\n');
  });
  it('a tie counts as upper case (BuildKit)', () => {
    assert.deepEqual(findingsOf('from alpine\nRUN true\n', RULE).map((f) => f.range.start.line), [0]);
  });
  it('counts the whole file across chunks, same as whole-file', () => {
    const text = 'from a AS x\nrun 1\nrun 2\n\nFROM b\nRUN 3\n\nfrom c\nrun 4\n';
    const chunked = findingsOf(text, RULE);
    const whole = new Linter({ chunked: false }).lint(text).filter((f) => f.ruleId === RULE);
    assert.deepEqual(chunked, whole);
    assert.deepEqual(chunked.map((f) => f.range.start.line), [4, 5]);
  });
  it('ignores ONBUILD trigger keywords; ignore comments work', () => {
    expectNone('FROM a\nONBUILD run x\n', RULE);
    expectNone('FROM a\nRUN x\n# dockerfile-doctor ignore=inconsistent-instruction-casing\nrun y\n', RULE);
    expectNone('# check=skip=ConsistentInstructionCasing\nFROM a\nrun y\n', RULE);
  });
});
