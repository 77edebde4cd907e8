import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../helpers';
import { marks } from './_util';

describe('syntax: parser directives', () => {
  before(() => ready);

  it('directive-invalid: duplicates, escape values, syntax and check values', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=\\\n# escape=`\nFROM alpine\n';
    assert.deepEqual(marks(text, 'directive-invalid'), ['escape=`']);
    assert.equal(findingsOf(text, 'directive-invalid')[0].severity, 'error');
    assert.deepEqual(marks('# escape=/\nFROM alpine\n', 'directive-invalid'), ['/']);
    assert.deepEqual(marks('# syntax=Docker/Dockerfile:1\nFROM alpine\n', 'directive-invalid'), ['Docker/Dockerfile:1']);
    assert.deepEqual(marks('# check=skip=JSONArgsRecommended;eror=true\nFROM alpine\n', 'directive-invalid'), ['eror']);
    assert.deepEqual(marks('# check=error=yes\nFROM alpine\n', 'directive-invalid'), ['yes']);
    assert.deepEqual(marks('# check=skip\nFROM alpine\n', 'directive-invalid'), ['skip']);
    assert.deepEqual(marks('# SYNTAX=a\n# syntax=b\nFROM alpine\n', 'directive-invalid'), ['syntax=b']);
  });
  it('directive-invalid: valid blocks (BOM, CRLF, spacing, case)', () => {
    expectNone('\ufeff# syntax=docker/dockerfile:1.7-labs\r\n#escape = `\r\n# check=skip=JSONArgsRecommended,StageNameCasing;error=true;experimental=all\r\nFROM alpine\r\n', 'directive-invalid');
    expectNone('# syntax = docker.io/docker/dockerfile:1@sha256:ac85f380a63b13dfcefa89046420e1781752bab202122f8f50032edf31be0021\nFROM alpine\n', 'directive-invalid');
  });

  it('directive-misplaced: after a comment, a blank line or an instruction it is a comment', () => {
    const text = '# Copyright 2024\n# syntax=docker/dockerfile:1\nFROM alpine\n';
    assert.deepEqual(marks(text, 'directive-misplaced'), ['syntax=docker/dockerfile:1']);
    assert.equal(findingsOf(text, 'directive-misplaced')[0].severity, 'warning');
    assert.deepEqual(marks('\n# escape=`\nFROM alpine\n', 'directive-misplaced'), ['escape=`']);
    assert.deepEqual(marks('FROM alpine\n# check=skip=all\n\nRUN true\n', 'directive-misplaced'), ['check=skip=all']);
    // Right above an instruction it is the per-instruction check pragma (dockerfile 1.21), not misplaced.
    expectNone('FROM alpine\n# check=skip=JSONArgsRecommended\nCMD echo hi\n', 'directive-misplaced');
    // In a later stage (another chunk of the linter) too.
    assert.deepEqual(marks('FROM alpine AS a\nRUN true\n\n# syntax=x\nFROM alpine\n', 'directive-misplaced'), ['syntax=x']);
    // With escape=` the later chunks are parsed behind a synthetic escape line: still one finding.
    assert.deepEqual(marks('# escape=`\nFROM alpine AS a\nRUN true\n\n# syntax=x\nFROM alpine\n# escape=`\nRUN true\n', 'directive-misplaced'), ['syntax=x', 'escape=`']);
    // An unknown directive name ends the block.
    assert.deepEqual(marks('# foo=bar\n# syntax=x\nFROM alpine\n', 'directive-misplaced'), ['syntax=x']);
    expectNone('# syntax=x\n# escape=\\\nFROM alpine\n# a comment = not a directive\n# hadolint ignore=DL3008\n', 'directive-misplaced');
  });
});
