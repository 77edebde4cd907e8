import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../helpers';

const words = (text: string, rule: string) => findingsOf(text, rule).map((f) => {
  const line = text.split(/\r?\n/)[f.range.start.line];
  return line.slice(f.range.start.character, f.range.end.character);
});

describe('image-latest-tag', () => {
  before(() => ready);
  const RULE = 'image-latest-tag';
  it('reports the latest tag, on the tag', () => {
    assert.deepEqual(words('FROM node:latest\nFROM --platform=$BUILDPLATFORM registry:5000/org/app:latest AS x\n', RULE), ['latest', 'latest']);
    const [f] = findingsOf('from node:latest\n', RULE);
    assert.equal(f.related.hadolint, 'DL3007');
    assert.equal(f.severity, 'warning');
  });
  it('is silent for versions, digests, untagged images and look-alike tags', () => {
    expectNone('FROM node:22\nFROM node:latest@sha256:0123456789abcdef\nFROM node\nFROM node:latest-slim\nFROM registry:5000/app\nFROM "node:${TAG}"\n', RULE);
  });
  it('leaves malformed references to the syntax rules', () => {
    expectNone('FROM Node:latest\nFROM my..repo:latest\n', RULE);
    assert.equal(findingsOf('FROM localhost:5000/app:latest\nFROM Registry.Example.com/team/app:latest\n', RULE).length, 2);
  });
  it('is silenced by # hadolint ignore=DL3007', () => {
    expectNone('# hadolint ignore=DL3007\nFROM node:latest\n', RULE);
  });
});

describe('image-without-tag', () => {
  before(() => ready);
  const RULE = 'image-without-tag';
  it('reports images with neither tag nor digest', () => {
    assert.deepEqual(words('FROM node\nFROM registry:5000/org/app AS b\nFROM ${REGISTRY}/node\n', RULE), ['node', 'registry:5000/org/app', '${REGISTRY}/node']);
    assert.equal(findingsOf('FROM ubuntu\n', RULE)[0].related.hadolint, 'DL3006');
  });
  it('is silent for tags, digests, scratch, variables that may bring the tag, and earlier stages', () => {
    expectNone('FROM node:22 AS build\nFROM build\nFROM BUILD AS test\nFROM scratch\nFROM ${IMAGE}\nFROM node${VARIANT}\nFROM node@sha256:abc\n', RULE);
  });
  it('knows stages defined in another chunk of the file, but not later ones', () => {
    const text = 'FROM golang:1.23 AS builder\nRUN go build\n\nFROM alpine:3.20 AS mid\nRUN echo\n\nFROM builder\nFROM later\nFROM alpine:3.20 AS later\n';
    assert.deepEqual(words(text, RULE), ['later']);
  });
  it('leaves malformed references to the syntax rules', () => {
    expectNone('FROM Node\nFROM a//b\n', RULE);
  });
  it('offers a placeholder tag to complete (a suggestion, never applied by fix-all)', () => {
    expectFix('FROM --platform=$BUILDPLATFORM node AS build\r\nRUN x\r\n', RULE, 'FROM --platform=$BUILDPLATFORM node:TAG AS build\r\nRUN x\r\n');
    expectFix('FROM registry:5000/org/app\n', RULE, 'FROM registry:5000/org/app:TAG\n');
    const [f] = findingsOf('FROM ubuntu\n', RULE);
    assert.equal(f.fixes[0].safety, 'suggestion');
    // No fix where the reference comes from an ARG default: the tag belongs in the ARG.
    assert.deepEqual(findingsOf('ARG BASE=alpine\nFROM ${BASE}\n', RULE)[0].fixes, []);
  });
  it('is silenced by an ignore comment above the FROM', () => {
    expectNone('FROM alpine:3\nRUN x\n# dockerfile-doctor ignore=image-without-tag\nFROM node\n', RULE);
  });
});

describe('from-platform-constant', () => {
  before(() => ready);
  const RULE = 'from-platform-constant';
  it('reports a constant --platform', () => {
    assert.deepEqual(words('FROM --platform=linux/amd64 node:22 AS app\n', RULE), ['--platform=linux/amd64']);
    const [f] = findingsOf('FROM --platform="linux/arm64/v8" alpine:3.20\n', RULE);
    assert.equal(f.related.hadolint, 'DL3029');
    assert.equal(f.related.buildkit, 'FromPlatformFlagConstDisallowed');
    assert.match(f.message, /linux\/arm64\/v8/);
  });
  it('is silent for variables and per-platform stage names (as BuildKit)', () => {
    expectNone('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20\n', RULE);
    expectNone('FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build-arm64\nFROM --platform=windows/amd64 x:1 AS windows-tools\n', RULE);
    expectNone('FROM alpine:3.20\n', RULE);
  });
  it('leaves a value that is no platform to flag-value-invalid (BuildKit fails on it instead)', () => {
    const text = 'FROM --platform=linux/arm64/v8/extra alpine:3.20\nFROM --platform=linux/amd64;v2 alpine:3.20\n';
    expectNone(text, RULE);
    assert.equal(findingsOf('FROM --platform=linux/arm64/v8/extra alpine:3.20\n', 'flag-value-invalid').length, 1);
  });
  it('is silenced by check=skip and by DL3029', () => {
    expectNone('# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=linux/amd64 node:22\n', RULE);
    expectNone('# hadolint ignore=DL3029\nFROM --platform=linux/amd64 node:22\n', RULE);
  });
});

describe('from-platform-target-redundant', () => {
  before(() => ready);
  const RULE = 'from-platform-target-redundant';
  it('removes --platform=$TARGETPLATFORM (safe)', () => {
    expectFix('FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\n', RULE, 'FROM alpine:3.20 AS builder\n');
    expectFix('FROM --platform=${TARGETPLATFORM} alpine:3.20\n', RULE, 'FROM alpine:3.20\n');
    expectFix('from  --platform="$TARGETPLATFORM"\talpine:3.20\r\n', RULE, 'from  alpine:3.20\r\n');
    const [f] = findingsOf('FROM --platform=$TARGETPLATFORM alpine:3.20\n', RULE);
    assert.equal(f.fixes[0].safety, 'safe');
    assert.equal(f.related.hadolint, 'DL3065');
    assert.equal(f.related.buildkit, 'RedundantTargetPlatform');
  });
  it('keeps a continuation valid', () => {
    expectFix('FROM --platform=$TARGETPLATFORM \\\n    alpine:3.20\n', RULE, 'FROM \\\n    alpine:3.20\n');
  });
  it('is silent for other platforms', () => {
    expectNone('FROM --platform=$BUILDPLATFORM alpine:3.20\nFROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\nFROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n', RULE);
  });
});

describe('stage-name-reserved', () => {
  before(() => ready);
  const RULE = 'stage-name-reserved';
  it('reports scratch and context as stage names, in any case', () => {
    assert.deepEqual(words('FROM alpine:3.20 AS scratch\nFROM alpine:3.20 as Context\n', RULE), ['scratch', 'Context']);
    assert.equal(findingsOf('FROM alpine:3.20 AS scratch\n', RULE)[0].related.buildkit, 'ReservedStageName');
  });
  it('is silent for other names and for FROM scratch', () => {
    expectNone('FROM scratch\nFROM alpine:3.20 AS scratchpad\nFROM alpine:3.20 AS base\n', RULE);
  });
});

describe('image tags read through global ARG defaults', () => {
  before(() => ready);
  it('image-latest-tag: ARG VERSION=latest', () => {
    const text = 'ARG RUBY_VERSION=latest\nARG NODE=node:${RUBY_VERSION}\nFROM ruby:${RUBY_VERSION}\nFROM $NODE AS n\nFROM ruby:${OTHER:-latest}\n';
    assert.deepEqual(findingsOf(text, 'image-latest-tag').map((f) => f.range.start.line), [2, 3, 4]);
    assert.match(findingsOf(text, 'image-latest-tag')[0].message, /ruby:\$\{RUBY_VERSION\} is ruby:latest/);
    expectNone('ARG V=3.20\nFROM alpine:${V}\nFROM alpine:$UNSET\n', 'image-latest-tag');
  });
  it('image-without-tag: ARG BASE=alpine; not when the default has a tag or is unknown', () => {
    const text = 'ARG BASE=alpine\nARG FULL=alpine:3.20\nARG NOVAL\nFROM ${BASE}\nFROM $FULL\nFROM $NOVAL\nFROM ${BASE}:3.20\n';
    assert.deepEqual(findingsOf(text, 'image-without-tag').map((f) => f.range.start.line), [3]);
    assert.match(findingsOf(text, 'image-without-tag')[0].message, /\$\{BASE\} is alpine/);
  });
  it('a stage picked by an ARG is a stage (hadolint #979)', () => {
    expectNone('ARG SRC=1\nFROM alpine:3.20 AS img1\nFROM alpine:3.20 AS img2\nFROM img${SRC} AS picked\n', 'image-without-tag');
  });
});
