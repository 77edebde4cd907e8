import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, expectNoFix, findingsOf, ready } from '../../helpers';

const words = (text: string, rule: string) => findingsOf(text, rule).map((f) => {
  const line = text.split(/\r?\n/)[f.range.start.line];
  return line.slice(f.range.start.character, f.range.end.character);
});

describe('copy-multiple-sources-without-slash', () => {
  before(() => ready);
  const RULE = 'copy-multiple-sources-without-slash';
  it('adds the slash (safe)', () => {
    expectFix('FROM alpine\nCOPY a.json b.json /app\n', RULE, 'FROM alpine\nCOPY a.json b.json /app/\n');
    expectFix('FROM alpine\nADD --chown=1:1 a b dest\n', RULE, 'FROM alpine\nADD --chown=1:1 a b dest/\n');
    expectFix('FROM alpine\nCOPY a b "/my dir"\n', RULE, 'FROM alpine\nCOPY a b "/my dir/"\n');
    expectFix('FROM alpine\nCOPY a \\\n  b \\\n  /app\r\n', RULE, 'FROM alpine\nCOPY a \\\n  b \\\n  /app/\r\n');
    expectFix('FROM alpine\nONBUILD COPY a b /app\n', RULE, 'FROM alpine\nONBUILD COPY a b /app/\n');
    const [f] = findingsOf('FROM alpine\nCOPY a b /app\n', RULE);
    assert.equal(f.related.hadolint, 'DL3021');
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes[0].safety, 'safe');
  });
  it('counts heredoc sources, reports JSON form without a fix', () => {
    expectFix('FROM alpine\nCOPY <<a <<b /etc\nx\na\ny\nb\n', RULE, 'FROM alpine\nCOPY <<a <<b /etc/\nx\na\ny\nb\n');
    expectNoFix('FROM alpine\nCOPY ["a", "b", "/app"]\n', RULE);
  });
  it('is silent for one source, a slash, ".", a variable destination, wildcards', () => {
    expectNone('FROM alpine\nCOPY a /app\nCOPY a b /app/\nCOPY a b .\nCOPY a b $DEST\nCOPY *.json /app\nCOPY ["a", "b", "/app/"]\nCOPY <<EOF /x\nhello world there\nEOF\n', RULE);
  });
  it('accepts a Windows destination ending in \\ under the backtick escape', () => {
    expectNone('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a b C:\\app\\\n', RULE);
  });
});

describe('copy-from-root', () => {
  before(() => ready);
  const RULE = 'copy-from-root';
  it('reports COPY --from / /', () => {
    assert.deepEqual(words('FROM alpine AS a\nFROM scratch\nCOPY --from=a / /\n', RULE), ['/']);
    assert.equal(findingsOf('FROM alpine AS a\nFROM scratch\nCOPY --from=a "/" "/"\n', RULE)[0].related.hadolint, 'DL3067');
    assert.equal(findingsOf('FROM alpine AS a\nFROM scratch\nCOPY --from=a ["/", "/"]\n', RULE).length, 1);
  });
  it('is silent for parts of a filesystem and for local copies', () => {
    expectNone('FROM alpine AS a\nFROM scratch\nCOPY --from=a /bin/ /bin/\nCOPY --from=a / /rootfs/\nCOPY / /\n', RULE);
  });
});

describe('archive-copied-then-extracted', () => {
  before(() => ready);
  const RULE = 'archive-copied-then-extracted';
  it('reports a tar archive copied and then extracted in the same stage', () => {
    assert.deepEqual(words('FROM alpine\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n', RULE), ['app.tar.gz']);
    assert.deepEqual(words('FROM alpine\nCOPY dist/app.tgz /tmp/\nRUN cd /opt && tar xzf /tmp/app.tgz\n', RULE), ['dist/app.tgz']);
    assert.deepEqual(words('FROM alpine\nCOPY build /tmp/bundle.tar\nRUN tar --extract --file=/tmp/bundle.tar\n', RULE), ['/tmp/bundle.tar']);
    assert.deepEqual(words('FROM alpine\nCOPY x.tar.xz /x.tar.xz\nRUN <<EOF\nset -e\nsudo tar -xJvf /x.tar.xz\nEOF\n', RULE), ['/x.tar.xz']);
    assert.deepEqual(words('FROM alpine\nCOPY x.tar /\nRUN ["sh", "-c", "tar -xf /x.tar"]\n', RULE), ['x.tar']);
    // In double quotes BuildKit keeps a backslash that escapes nothing: the destination's name is site.tgz.
    assert.deepEqual(words('FROM alpine\nCOPY out/site.tgz "D:\\web root\\site.tgz"\nRUN tar -xzf site.tgz\n', RULE), ['"D:\\web root\\site.tgz"']);
    const [f] = findingsOf('FROM alpine\nCOPY a.tar /\nRUN tar -xf /a.tar\n', RULE);
    assert.equal(f.related.hadolint, 'DL3010');
    assert.equal(f.severity, 'info');
  });
  it('is silent where ADD would not do the same', () => {
    expectNone('FROM alpine\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n', RULE);
    expectNone('FROM alpine\nCOPY app.tar.lz /tmp/\nRUN tar --lzip -xf /tmp/app.tar.lz\n', RULE);
    expectNone('FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz --strip-components=1 -C /opt\n', RULE);
    expectNone('FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz app/bin\n', RULE);
    expectNone('FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -tzf /tmp/a.tar.gz\n', RULE);
    expectNone('FROM alpine\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz -O > /x\n', RULE);
  });
  it('is silent across stages, for COPY --from, and for a RUN before the COPY', () => {
    expectNone('FROM alpine\nCOPY a.tar /\nFROM alpine\nRUN tar -xf /a.tar\n', RULE);
    expectNone('FROM alpine AS b\nFROM alpine\nCOPY --from=b /a.tar /\nRUN tar -xf /a.tar\n', RULE);
    expectNone('FROM alpine\nRUN tar -xf /a.tar\nCOPY a.tar /\n', RULE);
  });
});
