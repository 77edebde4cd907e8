import { before, describe, it } from 'node:test';
import { expectFix, expectNone, findingsOf, ready } from '../helpers';
import * as assert from 'node:assert/strict';

const RULE = 'add-instead-of-copy';

describe(RULE, () => {
  before(() => ready);

  it('rewrites ADD of a local file to COPY', () => {
    expectFix('FROM alpine\nADD app.py /app/\n', RULE, 'FROM alpine\nCOPY app.py /app/\n');
  });
  it('keeps --chown, --chmod, --link and --exclude', () => {
    expectFix('FROM alpine\nADD --chown=app:app --chmod=644 --link --exclude=*.md src/ /app/\n', RULE,
      'FROM alpine\nCOPY --chown=app:app --chmod=644 --link --exclude=*.md src/ /app/\n');
  });
  it('keeps JSON form', () => {
    expectFix('FROM alpine\nADD ["my file.txt", "/app/"]\n', RULE, 'FROM alpine\nCOPY ["my file.txt", "/app/"]\n');
  });
  it('keeps a multi-line ADD with continuations valid', () => {
    expectFix('FROM alpine\nADD a.txt \\\n    b.txt \\\n    /app/\n', RULE, 'FROM alpine\nCOPY a.txt \\\n    b.txt \\\n    /app/\n');
  });
  it('follows the keyword case', () => {
    expectFix('from alpine\nadd a b\n', RULE, 'from alpine\ncopy a b\n');
    expectFix('From alpine\nAdd a b\n', RULE, 'From alpine\nCopy a b\n');
  });
  it('keeps CRLF line ends and the backtick escape', () => {
    expectFix('# escape=`\r\nFROM alpine\r\nADD a `\r\n  C:\\app\\\r\n', RULE, '# escape=`\r\nFROM alpine\r\nCOPY a `\r\n  C:\\app\\\r\n');
  });
  it('rewrites a heredoc ADD', () => {
    expectFix('FROM alpine\nADD <<EOF /etc/motd\nhello\nEOF\n', RULE, 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n');
  });
  it('is silent for URLs and git sources', () => {
    expectNone('FROM alpine\nADD https://example.com/x.txt /x\n', RULE);
    expectNone('FROM alpine\nADD http://example.com/x /x\n', RULE);
    expectNone('FROM alpine\nADD git@github.com:moby/buildkit.git /src\n', RULE);
    expectNone('FROM alpine\nADD https://github.com/moby/buildkit.git#v0.10.1 /src\n', RULE);
    expectNone('FROM alpine\nADD ["https://example.com/a b", "/x"]\n', RULE);
  });
  it('is silent for local tar archives ADD unpacks', () => {
    for (const name of ['rootfs.tar', 'rootfs.tar.gz', 'x.tgz', 'x.tar.bz2', 'x.tar.xz', 'x.tar.zst', 'X.TAR.GZ', 'x.txz', 'x.tbz2']) {
      expectNone(`FROM alpine\nADD ${name} /\n`, RULE);
    }
    // One archive among several sources keeps the whole ADD.
    expectNone('FROM alpine\nADD a.txt rootfs.tar.gz /\n', RULE);
  });
  it('reads quoted sources as BuildKit does (quotes removed)', () => {
    expectNone('FROM alpine\nADD "https://github.com/krallin/tini/releases/download/v0.19.0/tini" /tini\n', RULE);
    expectNone("FROM alpine\nADD 'rootfs.tar.gz' /\n", RULE);
    expectNone('FROM alpine\nADD "my archive.tar" /\n', RULE);
    expectNone('FROM alpine\nADD "${SRC}" /x\n', RULE);
    expectFix('FROM alpine\nADD "my file.txt" /app/\n', RULE, 'FROM alpine\nCOPY "my file.txt" /app/\n');
  });
  it('does not read a heredoc body as sources', () => {
    expectFix('FROM alpine\nADD <<EOT /etc/apk/repositories\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/main\nEOT\n', RULE,
      'FROM alpine\nCOPY <<EOT /etc/apk/repositories\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/main\nEOT\n');
    expectFix('FROM alpine\nADD <<EOT /etc/motd\nhello ADD this.tar.gz\nEOT\n', RULE,
      'FROM alpine\nCOPY <<EOT /etc/motd\nhello ADD this.tar.gz\nEOT\n');
    // A heredoc next to a real archive source keeps ADD.
    expectNone('FROM alpine\nADD <<EOT rootfs.tar.gz /\nhello\nEOT\n', RULE);
  });
  it('is silent with ADD-only flags', () => {
    expectNone('FROM alpine\nADD --checksum=sha256:abc app.py /app/\n', RULE);
    expectNone('FROM alpine\nADD --keep-git-dir=true repo /src\n', RULE);
    expectNone('FROM alpine\nADD --unpack=true thing /dst\n', RULE);
  });
  it('is silent for variable sources (could be URLs)', () => {
    expectNone('FROM alpine\nARG SRC\nADD ${SRC} /x\n', RULE);
  });
  it('offers an unsafe fix for wildcards that could match archives', () => {
    const [f] = findingsOf('FROM alpine\nADD * /app/\n', RULE);
    assert.equal(f.fixes[0].safety, 'unsafe');
    const [g] = findingsOf('FROM alpine\nADD *.txt /app/\n', RULE);
    assert.equal(g.fixes[0].safety, 'safe');
  });
  it('reports the keyword range with DL3020', () => {
    const [f] = findingsOf('FROM alpine\n  ADD a b\n', RULE);
    assert.deepEqual(f.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } });
    assert.equal(f.related.hadolint, 'DL3020');
  });
});
