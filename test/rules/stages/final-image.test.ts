import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const lines = (text: string, rule: string) => findingsOf(text, rule).map((f) => f.range.start.line);
/** Lints with opt-in rules switched on. */
const withRule = (text: string, rule: string) => new Linter().lint(text, { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, [rule]: 'warning' } }).filter((f) => f.ruleId === rule);

describe('user-root-last', () => {
  before(() => ready);
  const RULE = 'user-root-last';
  it('reports the last USER of the final stage when it is root', () => {
    assert.deepEqual(lines('FROM alpine:3.20\nUSER app\nRUN x\nUSER root\n', RULE), [3]);
    for (const u of ['0', 'root:root', '0:0']) assert.deepEqual(lines(`FROM alpine:3.20\nUSER ${u}\n`, RULE), [1]);
    const [f] = findingsOf('FROM alpine:3.20\nuser root\n', RULE);
    assert.equal(f.related.hadolint, 'DL3002');
    assert.equal(f.severity, 'warning');
  });
  it('follows FROM <stage>: a root USER inherited by the final stage', () => {
    const text = 'FROM alpine:3.20 AS base\nUSER root\nRUN a\n\nFROM alpine:3.20 AS other\nUSER 1000\n\nFROM base\nRUN b\n';
    assert.deepEqual(lines(text, RULE), [1]);
    assert.match(findingsOf(text, RULE)[0].message, /inherits USER root from stage base/);
  });
  it('is silent for build stages, a later non-root USER, variables and no USER', () => {
    expectNone('FROM golang:1.23 AS build\nUSER root\nFROM alpine:3.20\nCOPY --from=build /a /a\n', RULE);
    expectNone('FROM alpine:3.20\nUSER root\nRUN x\nUSER app\n', RULE);
    expectNone('FROM alpine:3.20 AS base\nUSER root\nFROM base\nUSER 1000\n', RULE);
    expectNone('FROM alpine:3.20\nUSER $APP_USER\n', RULE);
    expectNone('FROM alpine:3.20\nUSER rootless\n', RULE);
    expectNone('FROM alpine:3.20\nRUN x\n', RULE);
  });
  it('is silenced by an ignore comment on the USER', () => {
    expectNone('FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n', RULE);
  });
});

describe('user-non-numeric', () => {
  before(() => ready);
  const RULE = 'user-non-numeric';
  it('reports a named user in the final image (info)', () => {
    assert.deepEqual(lines('FROM alpine:3.20\nRUN adduser -D app\nUSER app\n', RULE), [2]);
    assert.deepEqual(lines('FROM alpine:3.20\nUSER app:app\n', RULE), [1]);
    assert.deepEqual(lines('FROM alpine:3.20 AS base\nUSER node\nFROM base\nRUN x\n', RULE), [1]);
    const [f] = findingsOf('FROM alpine:3.20\nUSER app\n', RULE);
    assert.equal(f.severity, 'info');
    assert.equal(f.related.hadolint, 'DL3066');
  });
  it('is silent for numeric users, root, variables and build stages', () => {
    expectNone('FROM alpine:3.20\nUSER 10001\n', RULE);
    expectNone('FROM alpine:3.20\nUSER 10001:app\n', RULE);
    expectNone('FROM alpine:3.20\nUSER root\n', RULE);
    expectNone('FROM alpine:3.20\nARG UID=1000\nUSER ${UID}\n', RULE);
    expectNone('FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 1000\n', RULE);
  });
});

describe('user-not-set (opt-in)', () => {
  before(() => ready);
  const RULE = 'user-not-set';
  it('is off by default', () => {
    expectNone('FROM alpine:3.20\nRUN x\n', RULE);
  });
  it('when enabled, reports a final image with no USER, on its FROM', () => {
    const found = withRule('FROM alpine:3.20 AS build\nUSER 1000\nFROM alpine:3.20\nRUN x\n', RULE);
    assert.deepEqual(found.map((f) => f.range.start.line), [2]);
    assert.equal(found[0].related.hadolint, 'DL3063');
    assert.deepEqual(withRule('FROM alpine:3.20 AS base\nUSER 1000\nFROM base\n', RULE), []);
    assert.deepEqual(withRule('FROM alpine:3.20\nUSER root\n', RULE), []);
  });
});

describe('healthcheck-missing (opt-in)', () => {
  before(() => ready);
  const RULE = 'healthcheck-missing';
  it('is off by default', () => {
    expectNone('FROM nginx:1.27\n', RULE);
  });
  it('when enabled, reports a final image without HEALTHCHECK, inherited ones count', () => {
    assert.deepEqual(withRule('FROM nginx:1.27 AS a\nHEALTHCHECK CMD true\nFROM nginx:1.27\nRUN x\n', RULE).map((f) => f.range.start.line), [2]);
    assert.deepEqual(withRule('FROM nginx:1.27 AS a\nHEALTHCHECK CMD true\nFROM a\n', RULE), []);
    assert.deepEqual(withRule('FROM nginx:1.27\nHEALTHCHECK NONE\n', RULE), []);
    assert.equal(withRule('FROM nginx:1.27\n', RULE)[0].related.hadolint, 'DL3057');
  });
});

describe('multiple-cmd / multiple-entrypoint / multiple-healthcheck', () => {
  before(() => ready);
  it('reports the overridden ones (all but the last) per stage', () => {
    const text = 'FROM alpine:3.20 AS a\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\nFROM a\nCMD ["d"]\n';
    assert.deepEqual(lines(text, 'multiple-cmd'), [1, 2]);
    assert.deepEqual(lines('FROM alpine:3.20\nENTRYPOINT ["a"]\nentrypoint ["b"]\n', 'multiple-entrypoint'), [1]);
    assert.deepEqual(lines('FROM alpine:3.20\nHEALTHCHECK CMD a\nHEALTHCHECK NONE\n', 'multiple-healthcheck'), [1]);
    const [f] = findingsOf('FROM alpine:3.20\nCMD a\nCMD b\n', 'multiple-cmd');
    assert.equal(f.related.hadolint, 'DL4003');
    assert.equal(f.related.buildkit, 'MultipleInstructionsDisallowed');
    assert.equal(f.severity, 'warning');
    assert.equal(findingsOf('FROM alpine:3.20\nENTRYPOINT a\nENTRYPOINT b\n', 'multiple-entrypoint')[0].severity, 'error');
    assert.equal(findingsOf('FROM alpine:3.20\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n', 'multiple-healthcheck')[0].related.hadolint, 'DL3012');
  });
  it('does not count ONBUILD, the CMD of a HEALTHCHECK, or other stages', () => {
    expectNone('FROM alpine:3.20\nONBUILD CMD ["x"]\nHEALTHCHECK CMD true\nCMD ["y"]\nFROM alpine:3.20\nCMD ["z"]\n', 'multiple-cmd');
  });
  it('one BuildKit name silences all three', () => {
    const text = '# check=skip=MultipleInstructionsDisallowed\nFROM alpine:3.20\nCMD a\nCMD b\nENTRYPOINT a\nENTRYPOINT b\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n';
    for (const r of ['multiple-cmd', 'multiple-entrypoint', 'multiple-healthcheck']) expectNone(text, r);
  });
});
