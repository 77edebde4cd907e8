import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Linter } from '../../../server/src/lint';
import { expectNone, findingsOf, ready } from '../../helpers';

/** A multi-stage, half-written file with a problem for every syntax check, in several stages. */
const FILE = [
  '# syntax=docker/dockerfile:1',
  '# escape=\\',
  '# escape=\\',
  'ARG BASE=alpine',
  'FROM --platfrom=linux/amd64 Golang:1.22 AS 1build',
  'RUN --mount=type=cahce,target=/root/.cache --network=bridge go build',
  '# syntax=docker/dockerfile:1.7',
  'FROM node: AS',
  'COPY --from=build --chown=1 --chown=2 --link=yes a',
  'ENV A=1 B C="open',
  'HEALTHCHECK --interval=5 curl -f http://x',
  'STOPSIGNAL SIGTREM',
  'LABEL v=${X:0:3}',
  'FROM alpine builder',
  'USER app admin',
  'RUN <<-EOF',
  '  echo',
  '  EOF',
  '',
].join('\n');

describe('syntax: the same findings chunked or whole', () => {
  before(() => ready);

  it('a half-written multi-stage file: every problem at once, same chunked and whole', () => {
    const key = (f: { ruleId: string; range: unknown; message: string }) => JSON.stringify([f.ruleId, f.range, f.message]);
    const chunked = new Linter().lint(FILE).map(key);
    const whole = new Linter({ chunked: false }).lint(FILE).map(key);
    assert.deepEqual(chunked, whole);
    const rules = new Set(new Linter().lint(FILE).map((f) => f.ruleId));
    for (const id of ['directive-invalid', 'directive-misplaced', 'flag-unknown', 'from-reference-invalid', 'stage-name-invalid', 'mount-option-invalid',
      'flag-value-invalid', 'missing-arguments', 'flag-duplicate', 'key-value-invalid', 'healthcheck-invalid', 'stopsignal-invalid',
      'variable-substitution-invalid', 'extra-arguments', 'heredoc-invalid']) {
      assert.ok(rules.has(id), `${id} reported`);
    }
  });
  it('ignore comments silence each syntax rule by its id', () => {
    expectNone('FROM alpine\n# dockerfile-doctor ignore=key-value-invalid\nENV A=1 B\n', 'key-value-invalid');
    expectNone('# dockerfile-doctor global ignore=mount-option-invalid\nFROM alpine\nRUN --mount=type=cahce,target=/x true\n', 'mount-option-invalid');
    expectNone('FROM alpine\n# dockerfile-doctor ignore=stopsignal-invalid,extra-arguments\nSTOPSIGNAL SIGTREM x\n', 'stopsignal-invalid');
    assert.equal(findingsOf('FROM alpine\n# dockerfile-doctor ignore=flag-unknown\nSTOPSIGNAL SIGTREM\n', 'stopsignal-invalid').length, 1);
  });
  it('instruction-before-from: a file of ARGs only, once, and not once a FROM is added', () => {
    const found = findingsOf('ARG A=1\nARG B\n', 'instruction-before-from');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /No FROM/);
    expectNone('', 'instruction-before-from');
    // The per-chunk cache must not keep the finding when a FROM appears below (file-level check).
    const linter = new Linter();
    assert.equal(linter.lint('ARG A=1\n').filter((f) => f.ruleId === 'instruction-before-from').length, 1);
    assert.equal(linter.lint('ARG A=1\nFROM alpine\n').filter((f) => f.ruleId === 'instruction-before-from').length, 0);
    assert.equal(linter.lint('ARG A=1\n').filter((f) => f.ruleId === 'instruction-before-from').length, 1);
  });
  it('from-reference-invalid follows stage renames across chunks', () => {
    const linter = new Linter();
    const count = (text: string) => linter.lint(text).filter((f) => f.ruleId === 'from-reference-invalid').length;
    assert.equal(count('FROM alpine AS base\nRUN true\nFROM Base\n'), 0);
    assert.equal(count('FROM alpine AS other\nRUN true\nFROM Base\n'), 1);
    assert.equal(count('FROM alpine AS base\nRUN true\nFROM Base\n'), 0);
  });
});
