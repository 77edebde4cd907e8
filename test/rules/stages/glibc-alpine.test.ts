import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../helpers';

const RULE = 'copy-from-glibc-into-alpine';
const lines = (text: string) => findingsOf(text, RULE).map((f) => f.range.start.line);

describe(RULE, () => {
  before(() => ready);
  it('reports a binary from a Debian-based build stage copied into Alpine', () => {
    const text = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n';
    assert.deepEqual(lines(text), [3]);
    const [f] = findingsOf(text, RULE);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /golang:1\.23/);
  });
  it('follows FROM <stage> chains on both sides and numeric --from, across chunks', () => {
    const text = [
      'FROM debian:bookworm AS base', 'RUN apt-get update', '',
      'FROM base AS build', 'RUN make', '',
      'FROM node:22-alpine AS runtime', 'RUN echo', '',
      'FROM runtime', 'COPY --from=build /src/tool /usr/bin/', 'COPY --from=1 /src/lib /usr/lib/', '',
    ].join('\n');
    assert.deepEqual(lines(text), [10, 11]);
  });
  it('reports native folders (node_modules, a virtualenv)', () => {
    assert.deepEqual(lines('FROM node:22 AS deps\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=deps /app/node_modules ./node_modules\n'), [3]);
    assert.deepEqual(lines('FROM python:3.13 AS b\nRUN pip install --target /venv x\nFROM python:3.13-alpine\nCOPY --from=b /venv /venv\n'), [3]);
  });
  it('is silent when the build is static or musl', () => {
    const to = '\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    expectNone(`FROM golang:1.23 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .${to}`, RULE);
    expectNone(`FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .${to}`, RULE);
    expectNone(`FROM golang:1.23 AS build\nRUN export CGO_ENABLED=0 && go build -o /out/app .${to}`, RULE);
    expectNone(`FROM golang:1.23 AS build\nRUN go build -ldflags "-X main.v=$(git describe) -extldflags -static" -o /out/app .${to}`, RULE);
    expectNone(`FROM golang:1.23 AS build\nRUN LD_FLAGS=" -extldflags -static" make bin${to}`, RULE);
    expectNone(`FROM rust:1.82 AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl${to}`, RULE);
    expectNone(`FROM golang:1.23-alpine AS build\nRUN go build -o /out/app .${to}`, RULE);
  });
  it('is silent when the Alpine stage installs the compatibility layer', () => {
    expectNone('FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN apk add --no-cache gcompat\nCOPY --from=build /out/app /app\n', RULE);
    expectNone('FROM golang:1.23 AS build\nFROM alpine:3.20 AS rt\nRUN apk add libc6-compat=1.2.5-r0\nFROM rt\nCOPY --from=build /out/app /app\n', RULE);
  });
  it('is silent for data, scripts, managed code, non-Alpine targets and images', () => {
    const from = 'FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27-alpine\n';
    expectNone(`${from}COPY --from=build /app/dist /usr/share/nginx/html\nCOPY --from=build /app/nginx.conf /etc/nginx/conf.d/default.conf\nCOPY --from=build /app/server.js /srv/\n`, RULE);
    expectNone('FROM maven:3.9 AS build\nFROM eclipse-temurin:21-alpine\nCOPY --from=build /app/target /app\n', RULE);
    expectNone('FROM golang:1.23 AS build\nFROM debian:bookworm-slim\nCOPY --from=build /out/app /app\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY --from=golang:1.23 /usr/local/go/bin/go /usr/bin/\n', RULE);
    expectNone('FROM golang:1.23 AS build\nFROM frolvlad/alpine-glibc:alpine-3.17\nCOPY --from=build /out/app /app\n', RULE);
  });
});
