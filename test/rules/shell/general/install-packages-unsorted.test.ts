import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready, withRules } from '../../../helpers';

const RULE = 'install-packages-unsorted';
const on = withRules({ [RULE]: 'info' });
const fix = (input: string, expected: string, opts: { finding?: number } = {}) => expectFix(input, RULE, expected, { ...opts, settings: on });
const none = (input: string) => expectNone(input, RULE, on);

describe(RULE, () => {
  before(() => ready);

  it('is off by default and an info when turned on', () => {
    const text = 'FROM alpine:3.20\nRUN apk add --no-cache git curl\n';
    assert.deepEqual(findingsOf(text, RULE), []);
    const [f] = findingsOf(text, RULE, on);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, 'The packages of apk add are not in alphabetical order');
    assert.equal(f.fixes[0].safety, 'safe');
    assert.equal(f.fixes[0].title, 'Sort the packages');
  });

  it('sorts words on one line', () => {
    fix('FROM alpine:3.20\nRUN apk add --no-cache git curl bash\n', 'FROM alpine:3.20\nRUN apk add --no-cache bash curl git\n');
    fix('FROM debian:12\nRUN apt-get update && apt-get install -y wget curl && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl wget && rm -rf /var/lib/apt/lists/*\n');
  });

  it('reorders whole lines of a one-per-line list, keeping indentation and the backslashes', () => {
    fix('FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n      git \\\n      curl \\\n      ca-certificates \\\n    && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n      ca-certificates \\\n      curl \\\n      git \\\n    && rm -rf /var/lib/apt/lists/*\n');
    // The last package on the last line.
    fix('FROM debian:12\nRUN apt-get install -y \\\n    zlib1g \\\n    bash\n', 'FROM debian:12\nRUN apt-get install -y \\\n    bash \\\n    zlib1g\n');
  });

  it('drops exact duplicates, keeping the first, with the line they were on', () => {
    fix('FROM debian:12\nRUN apt-get install -y \\\n    git \\\n    curl \\\n    git \\\n    && true\n',
      'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    git \\\n    && true\n');
    fix('FROM alpine:3.20\nRUN apk add --no-cache curl curl git\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl git\n');
    const [f] = findingsOf('FROM alpine:3.20\nRUN apk add --no-cache curl curl git\n', RULE, on);
    assert.equal(f.message, 'apk add lists the same package more than once (curl)');
    assert.equal(f.fixes[0].title, 'Drop the duplicate packages');
    const [g] = findingsOf('FROM alpine:3.20\nRUN apk add --no-cache git curl git\n', RULE, on);
    assert.equal(g.message, 'The packages of apk add are not in alphabetical order, and some are listed twice (git)');
    assert.equal(g.fixes[0].title, 'Sort the packages and drop the duplicates');
    fix('FROM alpine:3.20\nRUN apk add --no-cache git curl git\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl git\n');
  });

  it('keeps version pins with their package and does not call a pinned word a duplicate', () => {
    fix('FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 bash=5.2 curl-dev\n', 'FROM debian:12\nRUN apt-get install -y bash=5.2 curl=7.88.1-10 curl-dev\n');
    none('FROM debian:12\nRUN apt-get install -y curl curl=7.88.1-10\n');
    fix('FROM python:3.12\nRUN pip install --no-cache-dir requests==2.31.0 flask==2.0\n', 'FROM python:3.12\nRUN pip install --no-cache-dir flask==2.0 requests==2.31.0\n');
    fix('FROM node:20\nRUN npm install -g typescript@5.4 @angular/cli@17 eslint\n', 'FROM node:20\nRUN npm install -g @angular/cli@17 eslint typescript@5.4\n');
    fix('FROM ruby:3.3\nRUN gem install rails:7.1 bundler\n', 'FROM ruby:3.3\nRUN gem install bundler rails:7.1\n');
    fix('FROM alpine:3.20\nRUN apk add --no-cache "zlib=1.3" bash~5.2\n', 'FROM alpine:3.20\nRUN apk add --no-cache bash~5.2 "zlib=1.3"\n');
  });

  it('knows every install command', () => {
    fix('FROM fedora:40\nRUN dnf install -y which git\n', 'FROM fedora:40\nRUN dnf install -y git which\n');
    fix('FROM centos:7\nRUN yum install -y which git && yum clean all\n', 'FROM centos:7\nRUN yum install -y git which && yum clean all\n');
    fix('FROM ubi9/ubi-minimal\nRUN microdnf install -y tar gzip\n', 'FROM ubi9/ubi-minimal\nRUN microdnf install -y gzip tar\n');
    fix('FROM opensuse/leap:15\nRUN zypper -n in which git\n', 'FROM opensuse/leap:15\nRUN zypper -n in git which\n');
    fix('FROM opensuse/leap:15\nRUN zypper --non-interactive install which git\n', 'FROM opensuse/leap:15\nRUN zypper --non-interactive install git which\n');
    fix('FROM debian:12\nRUN apt install -y wget curl\n', 'FROM debian:12\nRUN apt install -y curl wget\n');
    fix('FROM python:3.12\nRUN python3 -m pip install --no-cache-dir six attrs\n', 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir attrs six\n');
    fix('FROM debian:12\nRUN sudo apt-get install -y wget curl\n', 'FROM debian:12\nRUN sudo apt-get install -y curl wget\n');
  });

  it('marks pip, gem and npm -g fixes unsafe', () => {
    for (const text of ['FROM python:3.12\nRUN pip install b a\n', 'FROM ruby:3.3\nRUN gem install b a\n', 'FROM node:20\nRUN npm i -g b a\n']) {
      const [f] = findingsOf(text, RULE, on);
      assert.equal(f.fixes[0].safety, 'unsafe', text);
    }
  });

  it('is silent for other commands, sorted lists and npm without -g', () => {
    none('FROM alpine:3.20\nRUN apk add --no-cache bash curl git\n');
    none('FROM alpine:3.20\nRUN apk del git curl\n');
    none('FROM debian:12\nRUN apt-get remove -y git curl\n');
    none('FROM node:20\nRUN npm install lodash express\n');
    none('FROM alpine:3.20\nRUN echo git curl\n');
    none('FROM alpine:3.20\nRUN apk add curl\n');
  });

  it('never moves a word across a flag, an expansion, a glob or a redirect', () => {
    none('FROM alpine:3.20\nRUN apk add --no-cache git --virtual .deps gcc\n');
    none('FROM alpine:3.20\nRUN apk add git $EXTRA curl\n');
    none('FROM alpine:3.20\nRUN apk add git $(cat /pkgs) curl\n');
    none('FROM debian:12\nRUN apt-get install -y git libssl* curl\n');
    none('FROM debian:12\nRUN apt-get install -y git -t bookworm-backports curl\n');
    none('FROM debian:12\nRUN apt-get install -y git foo- curl\n');
    none('FROM debian:12\nRUN apt-get install -y git >/dev/null curl\n');
    // Each run is sorted on its own.
    fix('FROM alpine:3.20\nRUN apk add z y --virtual .deps b a\n', 'FROM alpine:3.20\nRUN apk add y z --virtual .deps a b\n');
    fix('FROM alpine:3.20\nRUN apk add z y $MORE b a\n', 'FROM alpine:3.20\nRUN apk add y z $MORE a b\n');
  });

  it('treats a comment line inside the list as a boundary and keeps it', () => {
    const text = 'FROM debian:12\nRUN apt-get install -y \\\n    git \\\n    # build tools\n    make \\\n    gcc\n';
    fix(text, 'FROM debian:12\nRUN apt-get install -y \\\n    git \\\n    # build tools\n    gcc \\\n    make\n');
    none('FROM debian:12\nRUN apt-get install -y \\\n    git \\\n    # tools\n    curl\n');
  });

  it('keeps CRLF, the backtick escape and mixed-case keywords', () => {
    fix('FROM debian:12\r\nRUN apt-get install -y \\\r\n    git \\\r\n    curl\r\n', 'FROM debian:12\r\nRUN apt-get install -y \\\r\n    curl \\\r\n    git\r\n');
    fix('# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    git `\n    curl\n', '# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    curl `\n    git\n');
    fix('from alpine:3.20\nrun apk add git curl\n', 'from alpine:3.20\nrun apk add curl git\n');
  });

  it('edits ONBUILD RUN, heredoc bodies and sh -c scripts in place', () => {
    fix('FROM alpine:3.20\nONBUILD RUN apk add --no-cache git curl\n', 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl git\n');
    fix('FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache \\\n  git \\\n  curl\nEOF\n', 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache \\\n  curl \\\n  git\nEOF\n');
    fix('FROM alpine:3.20\nRUN sh -c "apk add --no-cache git curl"\n', 'FROM alpine:3.20\nRUN sh -c "apk add --no-cache curl git"\n');
    fix('FROM alpine:3.20\nRUN ["sh", "-c", "apk add --no-cache git curl"]\n', 'FROM alpine:3.20\nRUN ["sh", "-c", "apk add --no-cache curl git"]\n');
  });

  it('reports every unsorted install command of a RUN on its own', () => {
    const text = 'FROM debian:12\nRUN apt-get install -y b a && pip install d c\n';
    const found = findingsOf(text, RULE, on);
    assert.equal(found.length, 2);
    fix(text, 'FROM debian:12\nRUN apt-get install -y a b && pip install d c\n', { finding: 0 });
    fix(text, 'FROM debian:12\nRUN apt-get install -y b a && pip install c d\n', { finding: 1 });
  });

  it('does not touch exec-form strings with escapes, PowerShell stages or unreadable scripts', () => {
    none('FROM alpine:3.20\nRUN ["sh", "-c", "apk add --no-cache git curl && echo \\"ok\\""]\n');
    none('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN choco install git curl\n');
    none('FROM alpine:3.20\nSHELL ["pwsh", "-c"]\nRUN apk add git curl\n');
    none('FROM alpine:3.20\nRUN apk add git curl && (\n');
  });

  it('is silenced by an ignore comment', () => {
    none('FROM alpine:3.20\n# dockerfile-doctor ignore=install-packages-unsorted\nRUN apk add git curl\n');
  });
});
