import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, ready } from '../../../helpers';

const RULE = 'wget-without-progress';

describe(RULE, () => {
  before(() => ready);

  it('adds --progress=dot:giga after wget (GNU wget)', () => {
    expectFix('FROM debian\nRUN wget https://e.com/a.tgz\n', RULE, 'FROM debian\nRUN wget --progress=dot:giga https://e.com/a.tgz\n');
    expectFix('FROM debian\nRUN wget -O /tmp/a.tgz https://e.com/a.tgz\n', RULE, 'FROM debian\nRUN wget --progress=dot:giga -O /tmp/a.tgz https://e.com/a.tgz\n');
    expectFix('FROM debian\nRUN wget -Oq https://e.com/a\n', RULE, 'FROM debian\nRUN wget --progress=dot:giga -Oq https://e.com/a\n');
  });
  it('fixes in heredocs, exec-form sh -c, nested sh -c, ONBUILD, CRLF', () => {
    expectFix('FROM debian\nRUN <<EOF\nwget x\nEOF\n', RULE, 'FROM debian\nRUN <<EOF\nwget --progress=dot:giga x\nEOF\n');
    expectFix('FROM debian\nRUN ["sh", "-c", "wget x"]\n', RULE, 'FROM debian\nRUN ["sh", "-c", "wget --progress=dot:giga x"]\n');
    expectFix("FROM debian\nRUN su -c 'wget x' app\n", RULE, "FROM debian\nRUN su -c 'wget --progress=dot:giga x' app\n");
    expectFix('FROM debian\nONBUILD RUN wget x\n', RULE, 'FROM debian\nONBUILD RUN wget --progress=dot:giga x\n');
    expectFix('FROM debian\r\nRUN wget \\\r\n  x\r\n', RULE, 'FROM debian\r\nRUN wget --progress=dot:giga \\\r\n  x\r\n');
  });
  it('accepts --progress, -q, -nv, --quiet, --no-verbose, -o / -a log files, clusters', () => {
    expectNone('FROM debian\nRUN wget --progress=bar:force a && wget -q b && wget -nv c && wget --quiet d && wget --no-verbose e\n', RULE);
    expectNone('FROM debian\nRUN wget -o /tmp/log a && wget -a /tmp/log b && wget -qO- c | sh && wget -cq d\n', RULE);
    expectNone('FROM debian\nRUN wget $WGET_OPTS x && command -v wget && apt-get install -y wget\n', RULE);
    expectNone('FROM debian\n# hadolint ignore=DL3047\nRUN wget x\n', RULE);
  });
  it('offers no --progress on Alpine / busybox, whose wget has no such option', () => {
    const [f] = expectNoFix('FROM alpine:3.20\nRUN wget https://e.com/a.tgz\n', RULE);
    assert.match(f.message, /busybox/);
    expectNoFix('FROM busybox:1.36\nRUN wget x\n', RULE);
    expectNoFix('FROM alpine AS a\nFROM a\nRUN wget x\n', RULE);
  });
});
