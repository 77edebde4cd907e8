import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../helpers';

const words = (text: string, rule: string) => findingsOf(text, rule).map((f) => {
  const line = text.split(/\r?\n/)[f.range.start.line];
  return `${f.range.start.line}:${line.slice(f.range.start.character, f.range.end.character)}`;
});

describe('copy-from-unknown-stage', () => {
  before(() => ready);
  const RULE = 'copy-from-unknown-stage';
  it('reports a name no stage has, with a close stage suggested', () => {
    const text = 'FROM golang:1.23 AS builder\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    assert.deepEqual(words(text, RULE), ['3:--from=build']);
    const [f] = findingsOf(text, RULE);
    assert.match(f.message, /did you mean builder\?/);
    assert.equal(f.related.hadolint, 'DL3022');
    assert.equal(f.severity, 'warning');
    assert.doesNotMatch(findingsOf('FROM alpine:3.20\nCOPY --from=zzzzzzz /a /b\n', RULE)[0].message, /did you mean/);
    assert.deepEqual(findingsOf('FROM alpine:3.20\nCOPY --from=zzzzzzz /a /b\n', RULE)[0].fixes, []);
  });
  it('offers the close stage name as an unsafe fix', () => {
    expectFix('FROM alpine:3.20 AS builder\nFROM alpine:3.20\nCOPY --from="biulder" /a /b\n', RULE, 'FROM alpine:3.20 AS builder\nFROM alpine:3.20\nCOPY --from=builder /a /b\n');
    assert.equal(findingsOf('FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=build /a /b\n', RULE)[0].fixes[0].safety, 'unsafe');
  });
  it('reports an index beyond the last stage', () => {
    assert.deepEqual(words('FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=2 /a /b\n', RULE), ['2:--from=2']);
  });
  it('reports a stage defined after the COPY (BuildKit refuses it), by name or index', () => {
    const text = 'FROM node:22 AS web\nCOPY --from=assets /dist /srv\nCOPY --from=1 /dist /srv\nFROM alpine:3.20 AS assets\nRUN make\n';
    assert.deepEqual(words(text, RULE), ['1:--from=assets', '2:--from=1']);
    assert.match(findingsOf(text, RULE)[0].message, /defined after this one/);
    // Across chunks too, and not for the stage itself (copy-from-own-stage's finding).
    assert.deepEqual(words('FROM alpine:3.20 AS a\nRUN x\n\nFROM alpine:3.20 AS b\nCOPY --from=c /x /y\nCOPY --from=b /x /y\n\nFROM alpine:3.20 AS c\nRUN y\n', RULE), ['4:--from=c']);
  });
  it('is silent for stages above (by name in any case, by index), images and variables', () => {
    expectNone([
      'FROM golang:1.23 AS Build',
      'FROM alpine:3.20',
      'COPY --from=build /a /a',
      'COPY --from=BUILD /a /a',
      'COPY --from=0 /a /a',
      'COPY --from=nginx:1.27 /etc/nginx/nginx.conf /x',
      'COPY --from=ghcr.io/org/tool /tool /tool',
      'COPY --from=docker.io/library/busybox@sha256:abc /bin/busybox /bin/',
      'COPY --from=${BUILDER} /a /a',
      '',
    ].join('\n'), RULE);
  });
  it('gives the same result when the stages are in other chunks', () => {
    const text = 'FROM golang:1.23 AS builder\nRUN a\nRUN b\n\nFROM alpine:3.20 AS mid\nRUN c\n\nFROM alpine:3.20\nCOPY --from=builder /a /a\nCOPY --from=mid /b /b\nCOPY --from=nope /c /c\n';
    assert.deepEqual(words(text, RULE), ['10:--from=nope']);
  });
  it('is silenced by an ignore comment', () => {
    expectNone('FROM alpine:3.20\n# hadolint ignore=DL3022\nCOPY --from=busybox /bin/busybox /busybox\n', RULE);
  });
});

describe('copy-from-own-stage', () => {
  before(() => ready);
  const RULE = 'copy-from-own-stage';
  it('reports --from naming its own stage, by name or index', () => {
    assert.deepEqual(words('FROM golang:1.23 AS build\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n', RULE), ['1:--from=build', '2:--from=0']);
    assert.deepEqual(words('FROM alpine:3.20 AS a\nRUN x\nFROM alpine:3.20 AS B\nCOPY --from=b /x /y\nCOPY --from=1 /x /y\n', RULE), ['3:--from=b', '4:--from=1']);
    assert.equal(findingsOf('FROM alpine:3.20 AS a\nCOPY --from=a /x /y\n', RULE)[0].related.hadolint, 'DL3023');
  });
  it('is silent for other stages', () => {
    expectNone('FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /x /y\nCOPY --from=0 /x /y\n', RULE);
  });
});

describe('stage-name-duplicate', () => {
  before(() => ready);
  const RULE = 'stage-name-duplicate';
  it('reports every repetition of a name, in any case, across the file', () => {
    const text = 'FROM node:22 AS build\nRUN a\n\nFROM golang:1.23 AS Build\nRUN b\n\nFROM alpine:3.20 AS other\nFROM alpine:3.20 AS build\n';
    assert.deepEqual(words(text, RULE), ['3:Build', '7:build']);
    const [f] = findingsOf(text, RULE);
    assert.equal(f.related.hadolint, 'DL3024');
    assert.equal(f.related.buildkit, 'DuplicateStageName');
    assert.equal(f.severity, 'error');
  });
  it('is silent for distinct names and unnamed stages', () => {
    expectNone('FROM node:22 AS a\nFROM node:22 AS b\nFROM node:22\nFROM node:22\n', RULE);
  });
  it('is silenced by check=skip=DuplicateStageName', () => {
    expectNone('# check=skip=DuplicateStageName\nFROM node:22 AS a\nFROM node:22 AS a\n', RULE);
  });
});
