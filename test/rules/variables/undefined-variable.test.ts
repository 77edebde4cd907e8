import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../helpers';
import { Linter } from '../../../server/src/lint';

const RULE = 'undefined-variable';
const messages = (text: string) => findingsOf(text, RULE).map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`);

describe(RULE, () => {
  before(() => ready);

  it('reports an undefined variable on scratch, at its range', () => {
    assert.deepEqual(messages('FROM scratch\nCOPY $foo /\n'), ["1:5-9 Usage of undefined variable '$foo'"]);
    assert.deepEqual(messages('FROM scratch\nWORKDIR ${APP_HOME}/x\n'), ["1:8-19 Usage of undefined variable '$APP_HOME'"]);
  });
  it('BuildKit docs examples: $foo in COPY and in an ARG default', () => {
    assert.equal(findingsOf('FROM alpine AS base\nCOPY $foo .\n', RULE).length, 1);
    expectNone('FROM alpine AS base\nARG foo\nCOPY $foo .\n', RULE);
    assert.equal(findingsOf('FROM alpine AS base\nARG VERSION=$foo\n', RULE).length, 1);
  });
  it('suggests a close name (did you mean)', () => {
    assert.deepEqual(messages('FROM alpine\nENV PATH=$PAHT:/app/bin\n'), ["1:9-14 Usage of undefined variable '$PAHT' (did you mean $PATH?)"]);
    assert.deepEqual(messages('FROM alpine\nARG VERSION=1\nCOPY app-$VERSON.tar /app/\n'), ["2:9-16 Usage of undefined variable '$VERSON' (did you mean $VERSION?)"]);
  });
  it('the did-you-mean fix renames the reference (unsafe)', () => {
    expectFix('FROM alpine\nARG VERSION=1\nCOPY app-${VERSON:-x}.tar /app/\n', RULE, 'FROM alpine\nARG VERSION=1\nCOPY app-${VERSION:-x}.tar /app/\n');
    expectFix('FROM alpine\nENV PATH=$PAHT:/app/bin\n', RULE, 'FROM alpine\nENV PATH=$PATH:/app/bin\n');
    assert.equal(findingsOf('FROM alpine\nENV PATH=$PAHT:/app/bin\n', RULE)[0].fixes[0].safety, 'unsafe');
  });
  it('ENV, ARG (also without a value) and PATH define names', () => {
    expectNone('FROM scratch\nENV A=1\nARG B\nARG C=2 D=$C\nCOPY $A$B$C$D $PATH /\n', RULE);
    expectNone('FROM scratch\nENV A 1\nWORKDIR $A\n', RULE);
  });
  it('a global ARG must be redeclared in the stage; the fix adds ARG after FROM', () => {
    const text = 'ARG V=1\nFROM alpine:$V\nLABEL version=$V\n';
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /before the first FROM/);
    expectFix(text, RULE, 'ARG V=1\nFROM alpine:$V\nARG V\nLABEL version=$V\n');
    expectNone('ARG V=1\nFROM alpine:$V\nARG V\nLABEL version=$V\n', RULE);
  });
  it('predefined platform ARGs need ARG inside a stage', () => {
    const found = findingsOf('FROM --platform=$BUILDPLATFORM golang\nCOPY bin/$TARGETARCH/app /app\n', RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /predefines it for FROM lines only/);
    expectNone('FROM --platform=$BUILDPLATFORM golang\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\n', RULE);
  });
  it('proxy args and BUILDKIT_* are never reported', () => {
    expectNone('FROM scratch\nENV http_proxy=$http_proxy HTTPS_PROXY=${HTTPS_PROXY} no_proxy=$no_proxy\nLABEL x=$BUILDKIT_SBOM_SCAN_STAGE\n', RULE);
  });
  it('inherits ENV and ARG through FROM <stage>, across chunks', () => {
    const text = 'FROM scratch AS base\nENV APP=/app\nARG REL=1\n\nFROM base AS mid\nRUN true\n\nFROM mid\nWORKDIR $APP/$REL\n';
    expectNone(text, RULE);
    // Not from an unrelated stage.
    const other = 'FROM scratch AS base\nENV APP=/app\n\nFROM scratch\nWORKDIR $APP\n';
    assert.equal(findingsOf(other, RULE).length, 1);
  });
  it('chunked and whole-file linting agree', () => {
    const text = 'ARG G=1\nFROM scratch AS a\nENV X=1\nFROM a\nCOPY $X $G $y /\nFROM scratch\nCOPY $X /\n';
    const chunked = new Linter().lint(text).filter((f) => f.ruleId === RULE);
    const whole = new Linter({ chunked: false }).lint(text).filter((f) => f.ruleId === RULE);
    assert.deepEqual(chunked, whole);
    assert.equal(chunked.length, 3);
  });
  it('on a registry image: silent for upper-case names the image may define', () => {
    expectNone('FROM python:3.12\nARG VERSION=$PYTHON_VERSION\nWORKDIR $GOPATH/src\n', RULE);
    // …but a name with lower-case letters is reported.
    assert.equal(findingsOf('FROM python:3.12\nCOPY $src /app\n', RULE).length, 1);
  });
  it('no findings in RUN, CMD, ENTRYPOINT, HEALTHCHECK shell text, nor ONBUILD triggers', () => {
    expectNone('FROM scratch\nRUN echo $foo\nCMD echo $foo\nENTRYPOINT echo $foo\nHEALTHCHECK CMD echo $foo\nONBUILD COPY $foo /\nRUN <<EOF\necho $foo\nEOF\n', RULE);
  });
  it('reads RUN --mount options', () => {
    assert.equal(findingsOf('FROM scratch\nRUN --mount=type=cache,target=$cachedir true\n', RULE).length, 1);
  });
  it('single quotes and the escape character keep $ literal', () => {
    expectNone("FROM scratch\nENV A='$foo' B=\\$bar\n", RULE);
    expectNone('# escape=`\nFROM scratch\nENV B=`$bar\n', RULE);
    assert.equal(findingsOf('FROM scratch\nENV A="$foo"\n', RULE).length, 1);
  });
  it('reports ${x:-default} like BuildKit, once per reference', () => {
    assert.equal(findingsOf('FROM scratch\nENV A=${foo:-x}\n', RULE).length, 1);
    assert.equal(findingsOf('FROM scratch\nENV A=${foo:-$bar}\n', RULE).length, 2);
  });
  it('leaves ENV A=1 B=$A to DL3044', () => {
    expectNone('FROM scratch\nENV A=1 B=$A\n', RULE);
    // `ENV A=$A` reads the earlier, undefined, A.
    assert.equal(findingsOf('FROM scratch\nENV a=$a\n', RULE).length, 1);
  });
  it('COPY --chown, heredoc sources, continuations, CRLF, mixed case', () => {
    assert.equal(findingsOf('FROM scratch\nCOPY --chown=$user:$group a /b\n', RULE).length, 2);
    assert.deepEqual(messages('FROM scratch\nCOPY --chown="$user" a /b\n'), ["1:14-19 Usage of undefined variable '$user'"]);
    expectNone('FROM scratch\nCOPY <<"EOF" /x\n$foo\nEOF\n', RULE);
    expectNone("FROM scratch\nCOPY <<'EOF' /x\n$foo\nEOF\n", RULE);
    assert.equal(findingsOf('from scratch\r\ncopy a \\\r\n  $dest\r\n', RULE).length, 1);
  });
  it('COPY heredoc bodies with an unquoted delimiter are expanded by BuildKit: $@ and $1 too', () => {
    assert.deepEqual(messages('FROM alpine\nCOPY <<EOF /entrypoint.sh\n#!/bin/sh\nexec app "$@" $1\nEOF\n'), [
      "3:10-12 Usage of undefined variable '$@'",
      "3:14-16 Usage of undefined variable '$1'",
    ]);
    expectNone('FROM alpine\nARG V=1\nCOPY <<EOF /v\nversion=$V\nEOF\n', RULE);
    expectNone('FROM alpine\nCOPY <<EOF /x\n\\$HOME and \\${foo}\nEOF\n', RULE);
  });
  it('ignore comments with our id or the BuildKit name', () => {
    expectNone('FROM scratch\n# dockerfile-doctor ignore=undefined-variable\nCOPY $foo /\n', RULE);
    expectNone('# check=skip=UndefinedVar\nFROM scratch\nCOPY $foo /\n', RULE);
  });
  it('never throws on half-typed references', () => {
    for (const s of ['${', '${}', '${a', '${a:', '${a:-', '$', '"$a', "'$a", '${a/b', '${:-x}', '${a?x}']) {
      assert.doesNotThrow(() => findingsOf(`FROM scratch\nENV X=${s}\nCOPY ${s} /\n`, RULE));
    }
  });
});
