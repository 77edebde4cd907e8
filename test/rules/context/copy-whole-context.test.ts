import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectNoFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';
import { Linter, type Finding } from '../../../server/src/lint';
import { clearContextCache, resolveContext } from '../../../server/src/rules/context/_fs';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const RULE = 'copy-whole-context';

/** A build context on disk: files → contents (a name ending in `/` is an empty folder). */
function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-whole-'));
  for (const [p, text] of Object.entries(files)) {
    if (p.endsWith('/')) {
      fs.mkdirSync(path.join(root, p), { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
  return root;
}

function lintAt(root: string, dockerfile = 'Dockerfile', setting?: string): Finding[] {
  clearContextCache();
  const file = path.join(root, dockerfile);
  return new Linter().lint(fs.readFileSync(file, 'utf8'), DEFAULT_SETTINGS, resolveContext(file, setting, [root])).filter((f) => f.ruleId === RULE);
}

/** `line:start-end` of each finding (one-line ranges). */
function where(found: Finding[]): string[] {
  return found.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`);
}

describe(`${RULE} without a build context (as hadolint DL4007)`, () => {
  before(() => ready);

  it('flags every case hadolint flags, on the source word, as a warning with its code', () => {
    const cases: [string, string][] = [
      ['FROM scratch\nCOPY . .\n', '1:5-6'],
      ['FROM scratch\nCOPY . /app\n', '1:5-6'],
      ["FROM scratch\nCOPY './' /app\n", '1:5-9'],
      ['FROM node:18 as build\nCOPY . .\nRUN echo hello\n', '1:5-6'],
    ];
    for (const [text, at] of cases) {
      const found = expectNoFix(text, RULE);
      assert.deepEqual(where(found), [at], text);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /^COPY with "\.\/?" as source copies the whole build context: files like \.git, \.env or local configs can leak into the image/);
    }
  });

  it('does not flag what hadolint does not: narrower sources, `.` as the destination', () => {
    expectNone('FROM scratch\nCOPY src/ .\n', RULE);
    expectNone('FROM scratch\nCOPY package.json yarn.lock /app/\n', RULE);
    expectNone('FROM scratch\nCOPY .env.example /app/\n', RULE);
    expectNone('FROM scratch\nCOPY ./src ./\n', RULE);
  });

  it('reads every spelling: quotes, JSON form, flags, several sources, other root spellings', () => {
    const cases: [string, string, string][] = [
      ['COPY "." /app', '1:5-8', '.'],
      ['COPY ./ /app', '1:5-7', './'],
      ['COPY [".", "/app/"]', '1:6-9', '.'],
      ['COPY [ "package.json", "./", "/app/" ]', '1:23-27', './'],
      ['COPY --chown=app:app --link . /app', '1:28-29', '.'],
      ['COPY --parents --chmod=644 . /app/', '1:27-28', '.'],
      ['COPY package.json . /app/', '1:18-19', '.'],
      ['COPY ./. /app', '1:5-8', './.'],
      ['copy . /app', '1:5-6', '.'],
    ];
    for (const [line, at, source] of cases) {
      const found = findingsOf(`FROM alpine:3.20\n${line}\n`, RULE);
      assert.deepEqual(where(found), [at], line);
      assert.ok(found[0].message.includes(`with "${source}" as source`), `${line}: ${found[0].message}`);
    }
  });

  it('flags ADD . too (the same files are sent), beside add-instead-of-copy', () => {
    const found = lintAll('FROM alpine:3.20\nADD . /app\n');
    const ours = found.filter((f) => f.ruleId === RULE);
    assert.deepEqual(where(ours), ['1:4-5']);
    assert.match(ours[0].message, /^ADD with "\." as source/);
    assert.ok(found.some((f) => f.ruleId === 'add-instead-of-copy'));
  });

  it('never flags COPY --from, heredocs, variables, ONBUILD triggers or half-typed lines', () => {
    expectNone('FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build . /app\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY --from=nginx:1.27 ./ /usr/share/nginx/html\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY <<EOF /app/config\n.\nEOF\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY <<EOF .\nhello\nEOF\n', RULE);
    expectNone('FROM alpine:3.20\nARG SRC=.\nCOPY $SRC /app\n', RULE);
    expectNone('FROM alpine:3.20\nONBUILD COPY . /app\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY .\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY [".", \n', RULE);
    expectNone('FROM alpine:3.20\nCOPY\n', RULE);
  });

  it('is quiet when --exclude keeps .git and .env out, and not when it misses one', () => {
    expectNone('FROM alpine:3.20\nCOPY --exclude=.git --exclude=.env . /app\n', RULE);
    expectNone('FROM alpine:3.20\nCOPY --exclude=**/.git --exclude=".env*" . /app\n', RULE);
    assert.equal(findingsOf('FROM alpine:3.20\nCOPY --exclude=.git . /app\n', RULE).length, 1);
    assert.equal(findingsOf('FROM alpine:3.20\nCOPY --exclude=$X --exclude=.env . /app\n', RULE).length, 1);
  });

  it('survives CRLF, continuations, a backtick escape and a BOM', () => {
    assert.deepEqual(where(findingsOf('\uFEFFFROM alpine:3.20\r\nCOPY \\\r\n  . /app\r\n', RULE)), ['2:2-3']);
    assert.deepEqual(where(findingsOf('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY . C:\\app\n', RULE)), ['2:5-6']);
    assert.deepEqual(where(findingsOf('FROM alpine:3.20\nCOPY [".", \\\n  "/app/"]\n', RULE)), ['1:6-9']);
  });

  it('is covered by hadolint and our ignore comments', () => {
    expectNone('FROM alpine:3.20\n# hadolint ignore=DL4007\nCOPY . /app\n', RULE);
    expectNone('FROM alpine:3.20\n# dockerfile-doctor ignore=copy-whole-context\nCOPY . /app\n', RULE);
  });
});

describe(`${RULE} with a build context`, () => {
  before(() => ready);
  const dockerfile = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';

  it('says when there is no .dockerignore', () => {
    const root = workspace({ Dockerfile: dockerfile, 'package.json': '{}' });
    const found = lintAt(root);
    assert.deepEqual(where(found), ['2:5-6']);
    assert.match(found[0].message, /^COPY with "\." as source copies the whole build context, and there is no \.dockerignore: \.git, \.env and local configs end up in the image/);
    assert.deepEqual(found[0].fixes, []);
  });

  it('is quiet when .dockerignore excludes .git and .env', () => {
    for (const ignore of ['.git\n.env\n', '# secrets\n**/.git\n**/.env\nnode_modules\n', '.*\n!.npmrc\n', '*\n!src\n!package*.json\n', '/.git/\n./.env*\n']) {
      const root = workspace({ Dockerfile: dockerfile, '.dockerignore': ignore, '.git/HEAD': 'ref: refs/heads/main\n', '.env': 'TOKEN=x\n' });
      assert.deepEqual(lintAt(root), [], ignore);
    }
  });

  it('names what the ignore file lets through, following ! re-includes', () => {
    const cases: [string, string][] = [
      ['node_modules\n', '.git, .env'],
      ['.git\n', '.env'],
      ['.env\n', '.git'],
      ['.git\n.env\n!.env\n', '.env'],
      ['*\n!.env\n!src\n', '.env'],
      ['.env/x\n.git/objects\n', '.git, .env'],
    ];
    for (const [ignore, leaked] of cases) {
      const root = workspace({ Dockerfile: dockerfile, '.dockerignore': ignore, '.git/': '' });
      const found = lintAt(root);
      assert.equal(found.length, 1, ignore);
      assert.equal(found[0].message, `COPY with "." as source copies the whole build context, and .dockerignore does not exclude ${leaked}; exclude what the image must not hold, or copy only the files it needs`);
    }
  });

  it('asks for .git only when the context has one; .env always', () => {
    const root = workspace({ Dockerfile: dockerfile, '.dockerignore': 'node_modules\n.env\n' });
    assert.deepEqual(lintAt(root), []);
    const leaky = workspace({ Dockerfile: dockerfile, '.dockerignore': '.git\n' });
    assert.match(lintAt(leaky)[0].message, /does not exclude \.env;/);
  });

  it('prefers <Dockerfile>.dockerignore, and combines it with --exclude', () => {
    const root = workspace({ 'api.Dockerfile': 'FROM alpine:3.20\nCOPY . /app\nCOPY --exclude=.git . /app\n', 'api.Dockerfile.dockerignore': '.env\n', '.dockerignore': '.git\n.env\n', '.git/': '' });
    const found = lintAt(root, 'api.Dockerfile');
    assert.deepEqual(where(found), ['1:5-6']);
    assert.match(found[0].message, /api\.Dockerfile\.dockerignore does not exclude \.git;/);
  });

  it('reads the ignore file of the configured context, not the Dockerfile folder', () => {
    const root = workspace({ 'docker/Dockerfile': 'FROM alpine:3.20\nCOPY . /app\n', '.dockerignore': '.git\n.env\n', 'docker/.dockerignore': 'tmp\n' });
    assert.match(lintAt(root, 'docker/Dockerfile')[0].message, /\.dockerignore does not exclude \.env;/);
    assert.deepEqual(lintAt(root, 'docker/Dockerfile', '${workspaceFolder}'), []);
  });

  it('falls back to the hadolint message when the configured context does not exist', () => {
    const root = workspace({ Dockerfile: 'FROM alpine:3.20\nCOPY . /app\n', '.dockerignore': '.git\n.env\n' });
    assert.match(lintAt(root, 'Dockerfile', 'nowhere')[0].message, /can leak into the image/);
  });

  it('never flags COPY --from, even without an ignore file', () => {
    const root = workspace({ Dockerfile: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b . /app\n' });
    assert.deepEqual(lintAt(root), []);
  });

  it('fires beside copy-all-before-install on COPY . ., with a message about leaks, not the cache', () => {
    const root = workspace({ Dockerfile: dockerfile, 'package.json': '{}', 'package-lock.json': '{}' });
    clearContextCache();
    const file = path.join(root, 'Dockerfile');
    const found = new Linter().lint(dockerfile, DEFAULT_SETTINGS, resolveContext(file, undefined, [root]));
    const cache = found.find((f) => f.ruleId === 'copy-all-before-install');
    const leak = found.find((f) => f.ruleId === RULE);
    assert.ok(cache && leak);
    assert.equal(leak.range.start.line, 2);
    assert.equal(cache.range.start.line, 3);
    assert.match(leak.message, /\.dockerignore/);
    assert.doesNotMatch(leak.message, /re-runs|install/);
    assert.doesNotMatch(cache.message, /leak|\.git|\.env/);
  });

  it('re-reads the ignore file once the cache is cleared (what a changed .dockerignore triggers)', () => {
    const root = workspace({ Dockerfile: dockerfile, '.dockerignore': 'node_modules\n' });
    const file = path.join(root, 'Dockerfile');
    const ctx = resolveContext(file, undefined, [root]);
    const linter = new Linter();
    clearContextCache();
    assert.equal(linter.lint(dockerfile, DEFAULT_SETTINGS, ctx).filter((f) => f.ruleId === RULE).length, 1);
    fs.writeFileSync(path.join(root, '.dockerignore'), 'node_modules\n.env\n');
    clearContextCache();
    assert.deepEqual(linter.lint(dockerfile, DEFAULT_SETTINGS, ctx).filter((f) => f.ruleId === RULE), []);
  });
});
