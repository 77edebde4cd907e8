import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../helpers';

const words = (text: string, rule: string) => findingsOf(text, rule).map((f) => {
  const line = text.split(/\r?\n/)[f.range.start.line];
  return `${f.range.start.line}:${line.slice(f.range.start.character, f.range.end.character)}`;
});

describe('workdir-relative-path', () => {
  before(() => ready);
  const RULE = 'workdir-relative-path';
  it('reports a relative WORKDIR before any absolute one', () => {
    assert.deepEqual(words('FROM node:22\nWORKDIR app\nWORKDIR /srv\nWORKDIR src\n', RULE), ['1:app']);
    assert.deepEqual(words('FROM node:22\nworkdir "my app"\n', RULE), ['1:"my app"']);
    const [f] = findingsOf('FROM node:22\nWORKDIR app\n', RULE);
    assert.equal(f.related.hadolint, 'DL3000');
    assert.equal(f.related.buildkit, 'WorkdirRelativePath');
    assert.equal(f.severity, 'warning');
  });
  it('reports only the first WORKDIR of a stage chain: the later ones are relative to it (BuildKit)', () => {
    assert.deepEqual(words('FROM python:3.13\nWORKDIR srv\nRUN make\nWORKDIR build/out\n', RULE), ['1:srv']);
    const text = 'FROM ruby:3.3 AS gems\nWORKDIR vendor\nRUN bundle\n\nFROM gems AS web\nWORKDIR public\n\nFROM ruby:3.3\nWORKDIR /srv\n';
    assert.deepEqual(words(text, RULE), ['1:vendor']);
  });
  it('knows an absolute WORKDIR of a stage this one starts from, also in another chunk', () => {
    const text = 'FROM node:22 AS base\nWORKDIR /app\nRUN a\n\nFROM alpine:3.20 AS x\nRUN b\n\nFROM base\nWORKDIR src\n\nFROM alpine:3.20\nWORKDIR src\n';
    assert.deepEqual(words(text, RULE), ['11:src']);
  });
  it('is silent on scratch, whose directory is always /', () => {
    expectNone('FROM scratch AS s\nWORKDIR app\nFROM s\nWORKDIR more\n', RULE);
  });
  it('is silent for absolute, variable and Windows paths', () => {
    expectNone('FROM node:22\nWORKDIR /app\nWORKDIR "/my app"\n', RULE);
    expectNone('FROM node:22\nWORKDIR $HOME\nWORKDIR build\n', RULE);
    expectNone('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR C:/x\nWORKDIR \\y\n', RULE);
    // A Windows root written with the default escape: `\"` is an escaped quote to BuildKit, the drive is still meant.
    expectNone('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR "D:\\"\nWORKDIR logs\n', RULE);
    expectNone("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR 'E:\\'\n", RULE);
  });
  it('is silenced by either code', () => {
    expectNone('FROM node:22\n# hadolint ignore=DL3000\nWORKDIR app\n', RULE);
    expectNone('# check=skip=WorkdirRelativePath\nFROM node:22\nWORKDIR app\n', RULE);
  });
});

describe('copy-relative-without-workdir', () => {
  before(() => ready);
  const RULE = 'copy-relative-without-workdir';
  it('reports COPY and ADD to a relative destination before WORKDIR', () => {
    assert.deepEqual(words('FROM python:3.13\nCOPY requirements.txt .\nADD a.txt b/\nWORKDIR /app\nCOPY . .\n', RULE), ['1:.', '2:b/']);
    assert.deepEqual(words('FROM python:3.13\nCOPY --chown=1:1 a \\\n  "rel dir/"\n', RULE), ['2:"rel dir/"']);
    const [f] = findingsOf('FROM python:3.13\nCOPY a b\n', RULE);
    assert.equal(f.related.hadolint, 'DL3045');
    assert.equal(f.severity, 'warning');
  });
  it('reads a Windows path as Docker does: \\ escapes in an unquoted word, not inside quotes', () => {
    const win = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';
    const [f] = findingsOf(`${win}COPY run.ps1 c:\\tools\\run.ps1\n`, RULE);
    assert.match(f.message, /relative destination c:toolsrun\.ps1 /);
    for (const dest of ['"c:\\tools\\run.ps1"', 'c:\\\\tools\\\\run.ps1', 'c:/tools/run.ps1', 'C:\\\\']) expectNone(`${win}COPY run.ps1 ${dest}\n`, RULE);
    expectNone('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY run.ps1 c:\\tools\\run.ps1\n', RULE);
  });
  it('knows a WORKDIR of a stage this one starts from, also in another chunk', () => {
    const text = 'FROM python:3.13 AS base\nWORKDIR /app\nRUN a\n\nFROM base AS dev\nCOPY . .\n\nFROM python:3.13\nCOPY . .\n';
    assert.deepEqual(words(text, RULE), ['8:.']);
  });
  it('is silent for ONBUILD COPY (it runs in another build, hadolint #573)', () => {
    expectNone('FROM python:3.13\nONBUILD WORKDIR /usr/src/app\nONBUILD COPY requirements.txt .\n', RULE);
  });
  it('is silent on scratch', () => {
    expectNone('FROM scratch\nCOPY app .\n', RULE);
  });
  it('is silent for absolute and variable destinations and heredoc bodies', () => {
    expectNone('FROM python:3.13\nCOPY a /app/\nCOPY a $APP_HOME/\nCOPY ["a", "/x"]\nCOPY <<EOF /etc/motd\nrelative words here\nEOF\n', RULE);
  });
});

describe('file-level findings on continued lines', () => {
  before(() => ready);
  it('an ignore comment above the instruction silences them', () => {
    expectNone('FROM python:3.13\n# hadolint ignore=DL3045\nCOPY a.txt \\\n  rel/\n', 'copy-relative-without-workdir');
    expectNone('FROM python:3.13\n# hadolint ignore=DL3000\nWORKDIR \\\n  rel\n', 'workdir-relative-path');
    expectNone('FROM alpine:3.20\n# hadolint ignore=DL3022\nCOPY \\\n  --from=nope /a /b\n', 'copy-from-unknown-stage');
    expectNone('FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER \\\n  root\n', 'user-root-last');
    expectNone('# hadolint ignore=DL3006\nFROM --platform=$BUILDPLATFORM \\\n  node\n', 'image-without-tag');
    expectNone('FROM alpine:3.20 AS a\n# hadolint ignore=DL3024\nFROM alpine:3.20 \\\n  AS a\n', 'stage-name-duplicate');
  });
});
