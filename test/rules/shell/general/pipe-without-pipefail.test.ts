import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'pipe-without-pipefail';

describe(RULE, () => {
  before(() => ready);

  it('Debian / unknown base: suggests a bash SHELL (dash of Debian 12 has no pipefail)', () => {
    const text = 'FROM debian:12\nRUN curl -fsSL https://e.com/x | tar -xz\n';
    const [f] = findingsOf(text, RULE);
    assert.match(f.message, /dash/);
    assert.deepEqual(f.fixes.map((x) => x.safety), ['unsafe']);
    expectFix(text, RULE, 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://e.com/x | tar -xz\n');
  });
  it('writes the SHELL line in the file\'s keyword case (found by the property tests)', () => {
    expectFix('from debian:12\nrun curl -fsSL https://e.com/x | tar -xz\n', RULE, 'from debian:12\nshell ["/bin/bash", "-o", "pipefail", "-c"]\nrun curl -fsSL https://e.com/x | tar -xz\n');
  });
  it('Alpine: set -o pipefail && works in busybox ash', () => {
    const text = 'FROM alpine:3.20\nRUN wget -qO- https://e.com/x | tar -xz\n';
    expectFix(text, RULE, 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://e.com/x | tar -xz\n');
    expectFix(text, RULE, 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://e.com/x | tar -xz\n', { fixIndex: 1 });
  });
  it('an explicit sh is the image /bin/sh: no set -o pipefail on Debian 12', () => {
    const [f] = findingsOf('FROM debian:12\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n', RULE);
    assert.match(f.message, /dash/);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN']);
    const [e] = findingsOf('FROM debian:12\nRUN ["sh", "-c", "a | b"]\n', RULE);
    assert.deepEqual(e.fixes, []);
  });
  it('under a SHELL without pipefail: set -o pipefail &&', () => {
    expectFix('FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', RULE, 'FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && a | b\n');
  });
  it('is satisfied by a SHELL with -o pipefail, inherited too, or set -o pipefail before the pipe', () => {
    expectNone('FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n', RULE);
    expectNone('FROM debian\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN a | b\n', RULE);
    expectNone('FROM debian AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n', RULE);
    expectNone('FROM alpine\nRUN set -euo pipefail; a | b\n', RULE);
    expectNone('FROM alpine\nRUN set -o pipefail && a | b\n', RULE);
    expectNone('FROM debian\nRUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]\n', RULE);
    expectNone('FROM debian\nRUN bash -o pipefail <<EOF\na | b\nEOF\n', RULE);
    assert.equal(findingsOf('FROM alpine\nRUN a | b && set -o pipefail\n', RULE).length, 1);
  });
  it('is silent where pipefail cannot help or would hurt', () => {
    expectNone('FROM debian\nRUN echo "$SHA  f.tgz" | sha256sum -c - && printf "%s\\n" a | sort\n', RULE);
    expectNone('FROM debian\nRUN yes | apt-get install x\n', RULE);
    expectNone('FROM debian\nSHELL ["/bin/dash", "-c"]\nRUN a | b\n', RULE);
    expectNone("FROM debian\nRUN bash -c 'a | b'\n", RULE);
    expectNone('FROM debian\n# hadolint ignore=DL4006\nRUN a | b\n', RULE);
    expectNone('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a | b\n', RULE);
  });
  it('Fedora-family base: set -o pipefail && works in its bash /bin/sh; ONBUILD gets no SHELL line', () => {
    expectFix('FROM fedora:40\nRUN a | b\n', RULE, 'FROM fedora:40\nRUN set -o pipefail && a | b\n');
    // Debian 13's dash has pipefail.
    expectFix('FROM debian:trixie-slim\nRUN a | b\n', RULE, 'FROM debian:trixie-slim\nRUN set -o pipefail && a | b\n');
    expectFix('FROM debian:13\nRUN a | b\n', RULE, 'FROM debian:13\nRUN set -o pipefail && a | b\n');
    const [f] = findingsOf('FROM alpine\nONBUILD RUN a | b\n', RULE);
    assert.equal(f.fixes.length, 1);
  });
  it('keeps CRLF and indentation in the SHELL line, the escape directive in the RUN', () => {
    expectFix('FROM debian\r\n  RUN a | b\r\n', RULE, 'FROM debian\r\n  SHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\n  RUN a | b\r\n');
    expectFix('# escape=`\nFROM alpine\nrun a `\n  | b\n', RULE, '# escape=`\nFROM alpine\nrun set -o pipefail && a `\n  | b\n');
  });
  it('reads heredocs and exec-form sh -c', () => {
    assert.equal(findingsOf('FROM debian\nRUN <<EOF\na | b\nEOF\n', RULE).length, 1);
    expectFix('FROM alpine\nRUN ["sh", "-c", "a | b"]\n', RULE, 'FROM alpine\nRUN ["sh", "-c", "set -o pipefail && a | b"]\n');
  });
});
