/**
 * The CLI as CI uses it: findings with file:line:col, exit codes, JSON, --fix in place.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/dockerfile-doctor.js');

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpFile(text: string, name = 'Dockerfile'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('cli', () => {
  it('lints the sample: findings with file:line:col, rule, related code and fixes', () => {
    const r = run([path.join(ROOT, 'examples/Dockerfile')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /examples\/Dockerfile:4:\d+: warning apk-add-without-no-cache \(DL3019\): /);
    assert.match(r.out, /: warning add-instead-of-copy \(DL3020\): /);
    assert.match(r.out, /info consecutive-run \(DL3059\)/);
    assert.match(r.out, /fix: Add --no-cache to apk add/);
    assert.match(r.out, /problem\(s\) in 1 file\(s\)/);
  });

  it('exits 1 when an error is found, 2 on bad usage with a clear message', () => {
    assert.equal(run(['-'], 'FROM alpine:3.20\nRUNN x\n').code, 1);
    const bad = run(['--format', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be one of tty, json, sarif/);
    const unknown = run(['--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown option --frobnicate/);
    const missing = run(['/nonexistent/Dockerfile']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
    const rule = run(['--rule', 'no-such-rule=off', '-'], 'FROM a\n');
    assert.equal(rule.code, 2);
    assert.match(rule.err, /unknown rule "no-such-rule"/);
  });

  it('prints JSON with related codes and fix availability', () => {
    const r = run(['--format', 'json', '-'], 'FROM alpine:3.20\nADD a /a\n');
    const out = JSON.parse(r.out);
    assert.deepEqual(out, [{
      file: '<stdin>', line: 2, column: 1, endLine: 2, endColumn: 4, severity: 'warning', rule: 'add-instead-of-copy',
      related: { hadolint: 'DL3020' }, message: 'Use COPY instead of ADD for files and folders',
      fixes: [{ title: 'Use COPY instead of ADD', safety: 'safe' }],
      docs: 'https://github.com/dockerfile-doctor/dockerfile-doctor/blob/main/server/src/rules/instructions/add-instead-of-copy.md',
    }]);
  });

  it('--rule changes severities', () => {
    const r = run(['--rule', 'add-instead-of-copy=error', '-'], 'FROM alpine:3.20\nADD a /a\n');
    assert.equal(r.code, 1);
    assert.equal(run(['--rule', 'add-instead-of-copy=off', '-'], 'FROM alpine:3.20\nADD a /a\n').out.trim(), '0 problem(s) in 1 file(s)');
  });

  it('--fix rewrites files in place, atomically, to a fixed point, keeping CRLF and the mode', () => {
    const file = tmpFile('FROM alpine:3.20\r\nRUN apk add curl=8.9.1-r2\r\nRUN echo hi\r\nADD app.py /app/\r\n');
    fs.chmodSync(file, 0o640);
    // app.py is not beside it: copy-source-missing would report it.
    const r = run(['--fix', '--rule', 'copy-source-missing=off', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM alpine:3.20\r\nRUN apk add --no-cache curl=8.9.1-r2 && \\\r\n    echo hi\r\nCOPY app.py /app/\r\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['Dockerfile'], 'no temporary file left');
    assert.match(r.out, /0 problem\(s\) in 1 file\(s\); 3 fix\(es\) applied/);
    // A second run changes nothing.
    const again = run(['--fix', '--rule', 'copy-source-missing=off', file]);
    assert.match(again.out, /0 fix\(es\) applied/);
  });

  it('--fix leaves unsafe fixes alone unless --unsafe-fixes', () => {
    const file = tmpFile("FROM alpine:3.20\nCMD ['a']\n");
    assert.equal(run(['--fix', file]).code, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), "FROM alpine:3.20\nCMD ['a']\n");
    assert.equal(run(['--fix', '--unsafe-fixes', file]).code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM alpine:3.20\nCMD ["a"]\n');
  });

  it('--fix - writes the fixed text to stdout and the report to stderr', () => {
    const r = run(['--fix', '-'], 'FROM alpine:3.20\nADD a /a\n');
    assert.equal(r.out, 'FROM alpine:3.20\nCOPY a /a\n');
    assert.match(r.err, /1 fix\(es\) applied/);
  });

  it('searches folders for Dockerfiles', () => {
    const file = tmpFile('FROM alpine:3.20\nADD a /a\n', 'api.dockerfile');
    fs.writeFileSync(path.join(path.dirname(file), 'README.md'), 'ADD a /a\n');
    fs.mkdirSync(path.join(path.dirname(file), 'sub'));
    fs.writeFileSync(path.join(path.dirname(file), 'sub', 'Containerfile'), 'FROM alpine:3.20\nADD b /b\n');
    const r = run(['--rule', 'copy-source-missing=off', path.dirname(file)]);
    assert.match(r.out, /2 problem\(s\) in 2 file\(s\)/);
  });

  it('speaks Chinese under a Chinese LANG', () => {
    const r = run(['-'], 'FROM alpine:3.20\nADD a /a\n', { LANG: 'zh_CN.UTF-8' });
    assert.match(r.out, /复制文件和目录请使用 COPY 而不是 ADD/);
  });
  it('--context sets the build context for the COPY source checks', () => {
    const file = tmpFile('FROM alpine\nCOPY data.txt /d\n');
    const ctx = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cli-ctx-'));
    fs.writeFileSync(path.join(ctx, 'data.txt'), 'x');
    assert.match(run([file]).out, /warning copy-source-missing: "data\.txt" is not in the build context/);
    assert.doesNotMatch(run(['--context', ctx, file]).out, /copy-source-missing/);
    assert.doesNotMatch(run(['-'], 'FROM alpine\nCOPY data.txt /d\n').out, /copy-source-missing/);
  });
  it('reads the .dockerignore of the --context for COPY . (copy-whole-context)', () => {
    const text = 'FROM alpine:3.20\nCOPY . /app\n';
    const file = tmpFile(text);
    assert.match(run([file]).out, /:2:6: warning copy-whole-context \(DL4007\): COPY with "\." as source copies the whole build context, and there is no \.dockerignore/);
    const ctx = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cli-ctx-'));
    fs.writeFileSync(path.join(ctx, '.dockerignore'), '.git\n.env\n');
    assert.doesNotMatch(run(['--context', ctx, file]).out, /copy-whole-context/);
    // Standard input has no context: reported as hadolint does.
    assert.match(run(['-'], text).out, /copy-whole-context \(DL4007\): .*can leak into the image/);
  });
});
