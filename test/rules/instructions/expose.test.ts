import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, expectNoFix, findingsOf, ready } from '../../helpers';

const at = (text: string, rule: string) => findingsOf(text, rule).map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`);

describe('expose-port-out-of-range', () => {
  before(() => ready);
  const RULE = 'expose-port-out-of-range';
  it('reports ports and range ends above 65535, on the word', () => {
    assert.deepEqual(at('FROM alpine\nEXPOSE 80 80800 8000-70000/udp 65535\n', RULE), ['1:10-15', '1:16-30']);
    const [f] = findingsOf('FROM alpine\nEXPOSE 99999\n', RULE);
    assert.equal(f.severity, 'error');
    assert.equal(f.related.hadolint, 'DL3011');
    assert.match(f.message, /99999/);
  });
  it('accepts 0 and 65535, variables, and leaves mappings and malformed words to the other rules', () => {
    expectNone('FROM alpine\nEXPOSE 0 65535 $PORT ${P:-70000} 1-65535\n', RULE);
    expectNone('FROM alpine\nEXPOSE 80000:80 abc\n', RULE);
  });
  it('checks ONBUILD EXPOSE, lower-case keywords, continuations and CRLF', () => {
    assert.deepEqual(at('FROM alpine\nONBUILD EXPOSE 70000\n', RULE), ['1:15-20']);
    assert.deepEqual(at('from alpine\r\nexpose 80 \\\r\n  70000\r\n', RULE), ['2:2-7']);
  });
  it('is silenced by an ignore comment with either code', () => {
    expectNone('FROM alpine\n# hadolint ignore=DL3011\nEXPOSE 70000\n', RULE);
    expectNone('FROM alpine\n# dockerfile-doctor ignore=expose-port-out-of-range\nEXPOSE 70000\n', RULE);
  });
});

describe('expose-proto-casing', () => {
  before(() => ready);
  const RULE = 'expose-proto-casing';
  it('lowers the protocol (safe)', () => {
    expectFix('FROM alpine\nEXPOSE 53/UDP 80/TcP\n', RULE, 'FROM alpine\nEXPOSE 53/udp 80/TcP\n');
    const found = findingsOf('FROM alpine\nEXPOSE 53/UDP 80/TcP\n', RULE);
    assert.equal(found.length, 2);
    assert.equal(found[0].fixes[0].safety, 'safe');
    assert.equal(found[0].related.buildkit, 'ExposeProtoCasing');
    expectFix('FROM alpine\nONBUILD EXPOSE 8000-8010/SCTP\n', RULE, 'FROM alpine\nONBUILD EXPOSE 8000-8010/sctp\n');
  });
  it('fixes inside quotes; silent for lower case, unknown protocols and variables', () => {
    expectFix('FROM alpine\nEXPOSE "53/UDP"\n', RULE, 'FROM alpine\nEXPOSE "53/udp"\n');
    expectNone('FROM alpine\nEXPOSE 53/udp 80/HTTP $P/TCP 80\n', RULE);
  });
  it('also on a host mapping, which expose-invalid-format reports as well (as BuildKit does)', () => {
    expectFix('FROM alpine\nEXPOSE 8443:443/TCP\n', RULE, 'FROM alpine\nEXPOSE 8443:443/tcp\n');
    assert.deepEqual(findingsOf('FROM alpine\nEXPOSE 8443:443/TCP\n', 'expose-invalid-format').length, 1);
  });
  it('is silenced by check=skip', () => {
    expectNone('# check=skip=ExposeProtoCasing\nFROM alpine\nEXPOSE 53/UDP\n', RULE);
  });
});

describe('expose-invalid-format', () => {
  before(() => ready);
  const RULE = 'expose-invalid-format';
  it('keeps only the container port (safe)', () => {
    expectFix('FROM alpine\nEXPOSE 8080:80\n', RULE, 'FROM alpine\nEXPOSE 80\n');
    expectFix('FROM alpine\nEXPOSE 127.0.0.1:8080:80/udp 443\n', RULE, 'FROM alpine\nEXPOSE 80/udp 443\n');
    const [f] = findingsOf('FROM alpine\nEXPOSE 8080:80\n', RULE);
    assert.equal(f.related.buildkit, 'ExposeInvalidFormat');
    assert.equal(f.fixes[0].safety, 'safe');
  });
  it('reports but does not fix quoted words or a variable container port; a variable host side is dropped', () => {
    expectNoFix('FROM alpine\nEXPOSE "8080:80"\n', RULE);
    expectNoFix('FROM alpine\nEXPOSE 8080:${PORT}\n', RULE);
    expectFix('FROM alpine\nEXPOSE ${HOST}:80\n', RULE, 'FROM alpine\nEXPOSE 80\n');
    expectNone('FROM alpine\nEXPOSE ${PORT:-80}\n', RULE);
  });
  it('is silent for plain ports', () => {
    expectNone('FROM alpine\nEXPOSE 80 443/tcp 8000-8010/udp\n', RULE);
  });
});

describe('expose-port-malformed', () => {
  before(() => ready);
  const RULE = 'expose-port-malformed';
  it('reports non-numbers, backward ranges, unknown protocols, half ranges', () => {
    const found = findingsOf('FROM alpine\nEXPOSE http 8010-8000 80/http 81/ 8000-\n', RULE);
    assert.deepEqual(found.map((f) => f.range.start.character), [7, 12, 22, 34]);
    assert.match(found[1].message, /backwards/);
    assert.match(found[2].message, /http/);
    assert.equal(found[0].severity, 'error');
  });
  it('is silent for valid ports, variables and mappings', () => {
    expectNone('FROM alpine\nEXPOSE 80 443/TCP 8000-8010/udp 9/sctp $PORT ${A}-${B} 8080:80\n', RULE);
  });
  it('does not read a half-typed EXPOSE as an error when it has no arguments', () => {
    expectNone('FROM alpine\nEXPOSE\n', RULE);
  });
});
