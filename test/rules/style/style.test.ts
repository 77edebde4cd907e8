import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

describe('empty-continuation-line', () => {
  const RULE = 'empty-continuation-line';
  before(() => ready);
  it('reports the first empty line and removes all of them (safe)', () => {
    const text = 'FROM alpine\nRUN apk add \\\n    curl \\\n\n    git \\\n  \n    jq\n';
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 3);
    expectFix(text, RULE, 'FROM alpine\nRUN apk add \\\n    curl \\\n    git \\\n    jq\n');
    expectFix('FROM alpine\r\nENV A=1 \\\r\n\r\n    B=2\r\n', RULE, 'FROM alpine\r\nENV A=1 \\\r\n    B=2\r\n');
  });
  it('comment lines in a continuation and heredoc bodies are fine', () => {
    expectNone('FROM alpine\nRUN apk add \\\n    # curl\n    git\n', RULE);
    expectNone('FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n', RULE);
    expectNone('FROM alpine\nCOPY <<EOF /x\na\n\nb\nEOF\n', RULE);
    expectNone('FROM alpine\nRUN a\n\nRUN b\n', RULE);
  });
  it('backtick escape', () => {
    expectFix('# escape=`\nFROM alpine\nRUN a `\n\n  b\n', RULE, '# escape=`\nFROM alpine\nRUN a `\n  b\n');
  });
});

describe('legacy-key-value-format', () => {
  const RULE = 'legacy-key-value-format';
  before(() => ready);
  it('rewrites one-word values as key=value', () => {
    expectFix('FROM a\nENV NODE_ENV production\n', RULE, 'FROM a\nENV NODE_ENV=production\n');
    expectFix('FROM a\nENV PATH /x:$PATH\n', RULE, 'FROM a\nENV PATH=/x:$PATH\n');
    expectFix('FROM a\nENV A "x y"\n', RULE, 'FROM a\nENV A="x y"\n');
    expectFix('FROM a\nLABEL maintainer me@example.com\n', RULE, 'FROM a\nLABEL maintainer=me@example.com\n');
    assert.equal(findingsOf('FROM a\nENV A b\n', RULE)[0].message, '"ENV key=value" should be used instead of legacy "ENV key value" format');
  });
  it('quotes a value with spaces when it has no quotes or escapes', () => {
    expectFix('FROM a\nENV GREETING hello  world $X\n', RULE, 'FROM a\nENV GREETING="hello  world $X"\n');
  });
  it('no fix when the quoting is not provably the same, or over several lines', () => {
    expectNoFix('FROM a\nENV A it\'s here\n', RULE);
    expectNoFix('FROM a\nENV A "x" y\n', RULE);
    expectNoFix('FROM a\nENV A x \\\n  # c\n  y\n', RULE);
  });
  it('continued values: joined as Docker does, quoted across the lines', () => {
    expectFix('FROM a\nENV A x \\\n  y\n', RULE, 'FROM a\nENV A="x \\\n  y"\n');
    expectFix('FROM a\nENV DEPS \\\n\t\tautoconf \\\n\t\tmake\n', RULE, 'FROM a\nENV DEPS="autoconf \\\n\t\tmake"\n');
    expectFix('FROM a\nENV A \\\n  x\n', RULE, 'FROM a\nENV A=x\n');
    expectFix('FROM a\r\nENV A x \\\r\n  y\r\n', RULE, 'FROM a\r\nENV A="x \\\r\n  y"\r\n');
    expectNoFix('FROM a\nENV A x \\\n  "y z"\n', RULE);
  });
  it('silent for key=value', () => {
    expectNone('FROM a\nENV A=1 B="x y"\nLABEL a=b\nENV C=\n', RULE);
  });
  it('the fix is applied by fix-all and leaves no new finding', () => {
    const text = 'FROM a\nENV A b\n';
    assert.ok(lintAll(text).some((f) => f.ruleId === RULE && f.fixes[0]?.safety === 'safe'));
  });
});

describe('invalid-definition-description', () => {
  const RULE = 'invalid-definition-description';
  before(() => ready);
  it('is off by default', () => {
    expectNone('# The Go version\nARG GO_VERSION=1\nFROM a\n', RULE);
  });
  it('is turned on by # check=experimental=… or all', () => {
    const text = '# check=experimental=InvalidDefinitionDescription\n\n# The Go version\nARG GO_VERSION=1\nFROM a\n';
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /`# GO_VERSION <description>`/);
    assert.equal(findingsOf('# check=experimental=all\n\n# Build stage\nFROM a AS build\n', RULE).length, 1);
  });
  it('offers an empty line after the comment (unsafe)', () => {
    const text = '# check=experimental=all\n\n# The Go version\nARG GO_VERSION=1\nFROM a\n';
    expectFix(text, RULE, '# check=experimental=all\n\n# The Go version\n\nARG GO_VERSION=1\nFROM a\n');
  });
  it('is turned on by the rules setting', () => {
    const found = new Linter().lint('# The Go version\nARG GO_VERSION=1\nFROM a\n', { ...DEFAULT_SETTINGS, rules: { 'invalid-definition-description': 'warning' } }).filter((f) => f.ruleId === RULE);
    assert.equal(found.length, 1);
  });
  it('silent for a good description, a separated comment, pragmas', () => {
    const on = '# check=experimental=all\n\n';
    expectNone(`${on}# GO_VERSION The Go version\nARG GO_VERSION=1\nFROM a\n`, RULE);
    expectNone(`${on}# Not a description\n\nARG GO_VERSION=1\nFROM a\n`, RULE);
    expectNone(`${on}FROM a\n# hadolint ignore=DL3006\nFROM b AS build\n# build the app\nRUN x\n`, RULE);
    expectNone(`${on}# build the stage\nFROM a AS build\n`.replace('# build the stage', '# build The stage'), RULE);
  });
});
