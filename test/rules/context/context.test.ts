import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ready } from '../../helpers';
import { Linter, type Finding } from '../../../server/src/lint';
import { clearContextCache, resolveContext } from '../../../server/src/rules/context/_fs';
import { parseIgnore } from '../../../server/src/rules/context/_ignore';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/** A workspace on disk: files → contents. */
function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ctx-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
  return root;
}

function lintAt(root: string, dockerfile: string, setting?: string, rule?: string): Finding[] {
  clearContextCache();
  const file = path.join(root, dockerfile);
  const ctx = resolveContext(file, setting, [root]);
  return new Linter().lint(fs.readFileSync(file, 'utf8'), DEFAULT_SETTINGS, ctx).filter((f) => !rule || f.ruleId === rule);
}

describe('.dockerignore patterns', () => {
  it('match as patternmatcher does', () => {
    const m = parseIgnore('# comment\n*.env\nbuild/\n!build/keep\n**/*.log\n/docs\nsrc/*/tmp\n', '.dockerignore');
    assert.equal(m.excludedBy('prod.env'), '*.env');
    assert.equal(m.excludedBy('sub/prod.env'), undefined);
    assert.equal(m.excludedBy('build/app'), 'build/');
    assert.equal(m.excludedBy('build/keep'), undefined);
    assert.equal(m.excludedBy('a/b/c.log'), '**/*.log');
    assert.equal(m.excludedBy('x.log'), '**/*.log');
    assert.equal(m.excludedBy('./docs/index.md'), '/docs');
    assert.equal(m.excludedBy('src/a/tmp'), 'src/*/tmp');
    assert.equal(m.excludedBy('src/a/b/tmp'), undefined);
    assert.equal(m.excludedBy('app.py'), undefined);
  });
  it('never throws on odd patterns', () => {
    assert.doesNotThrow(() => parseIgnore('[\n\\\n!\n***\n[a-\n', 'x').excludedBy('a/b'));
  });
});

describe('copy-ignored-file', () => {
  before(() => ready);
  it('reports a COPY/ADD source excluded by .dockerignore, naming the pattern', () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCOPY build/app /app\nADD "prod.env" /x\nCOPY src /src\nCOPY --from=b build /b\nCOPY $X /y\n', '.dockerignore': 'build\n*.env\n', 'build/app': '', 'src/a': '', 'prod.env': '' });
    const found = lintAt(root, 'Dockerfile', undefined, 'copy-ignored-file');
    assert.deepEqual(found.map((f) => `${f.range.start.line}:${f.range.start.character}`), ['1:5', '2:4']);
    assert.match(found[0].message, /Attempting to Copy file "build\/app" that is excluded by \.dockerignore \(pattern "build"/);
    assert.match(found[1].message, /Attempting to Add file "prod\.env"/);
  });
  it('prefers <Dockerfile>.dockerignore beside the Dockerfile', () => {
    const root = workspace({ 'api.Dockerfile': 'FROM alpine:3.20\nCOPY a /a\nCOPY b /b\n', 'api.Dockerfile.dockerignore': 'a\n', '.dockerignore': 'b\n', a: '', b: '' });
    assert.deepEqual(lintAt(root, 'api.Dockerfile', undefined, 'copy-ignored-file').map((f) => f.range.start.line), [1]);
  });
  it('skip=all turns it off, unless experimental= names it (then skip does not apply, as in BuildKit)', () => {
    const files = (directive: string) => ({ 'Dockerfile': `${directive}\nFROM nginx:1.27\nCOPY site.tar.gz /usr/share/nginx/\n`, '.dockerignore': '*.tar.gz\n', 'site.tar.gz': '' });
    assert.equal(lintAt(workspace(files('# check=skip=all')), 'Dockerfile', undefined, 'copy-ignored-file').length, 0);
    assert.equal(lintAt(workspace(files('# check=skip=all;experimental=CopyIgnoredFile')), 'Dockerfile', undefined, 'copy-ignored-file').length, 1);
    assert.equal(lintAt(workspace(files('# check=skip=CopyIgnoredFile;experimental=all')), 'Dockerfile', undefined, 'copy-ignored-file').length, 1);
  });
  it('is silent without a context (untitled, outside the workspace)', () => {
    const found = new Linter().lint('FROM alpine:3.20\nCOPY build /b\n').filter((f) => f.ruleId === 'copy-ignored-file');
    assert.deepEqual(found, []);
    assert.equal(resolveContext('/elsewhere/Dockerfile', undefined, ['/work/ws']), undefined);
  });
});

describe('copy-source-missing and build-context-mismatch', () => {
  before(() => ready);
  it('warns about a literal source missing from the context', () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCOPY app.py requirements.txt /app/\nCOPY *.md /docs/\nCOPY --from=x /nope /n\nADD https://example.com/x /x\n', 'app.py': '' });
    const found = lintAt(root, 'Dockerfile', undefined, 'copy-source-missing');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /"requirements\.txt" is not in the build context/);
    assert.equal(found[0].range.start.character, 12);
  });
  it('hints that the context is the workspace root when the sources are there', () => {
    const root = workspace({ 'docker/Dockerfile': 'FROM alpine:3.20\nCOPY package.json /app/\nCOPY src /app/src\n', 'package.json': '{}', 'src/index.js': '' });
    assert.deepEqual(lintAt(root, 'docker/Dockerfile', undefined, 'copy-source-missing'), []);
    const hint = lintAt(root, 'docker/Dockerfile', undefined, 'build-context-mismatch');
    assert.equal(hint.length, 1);
    assert.equal(hint[0].severity, 'hint');
    assert.match(hint[0].message, /dockerfileDoctor\.buildContext/);
    // With the setting: no hint, no warning.
    assert.deepEqual(lintAt(root, 'docker/Dockerfile', '${workspaceFolder}'), []);
    assert.deepEqual(lintAt(root, 'docker/Dockerfile', '.'), []);
  });
  it('a source excluded by .dockerignore is copy-ignored-file only', () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCOPY secret.txt /s\n', '.dockerignore': 'secret.txt\n' });
    const found = lintAt(root, 'Dockerfile');
    assert.deepEqual(found.map((f) => f.ruleId), ['copy-ignored-file']);
  });
  it('reads the disk again after clearContextCache', () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCOPY later.txt /x\n' });
    assert.equal(lintAt(root, 'Dockerfile', undefined, 'copy-source-missing').length, 1);
    fs.writeFileSync(path.join(root, 'later.txt'), '');
    assert.equal(lintAt(root, 'Dockerfile', undefined, 'copy-source-missing').length, 0);
  });
});

describe('the build context with a warm linter', () => {
  before(() => ready);
  it('re-reads the file system on every lint: a file created since the last lint is found', () => {
    const root = workspace({ Dockerfile: 'FROM alpine:3.20\nCOPY app.py /app/\nFROM alpine:3.20\nRUN echo b\n' });
    const file = path.join(root, 'Dockerfile');
    const text = fs.readFileSync(file, 'utf8');
    const warm = new Linter();
    const missing = () => {
      clearContextCache();
      return warm.lint(text, DEFAULT_SETTINGS, resolveContext(file, undefined, [root])).filter((f) => f.ruleId === 'copy-source-missing');
    };
    assert.equal(missing().length, 1, 'app.py is missing');
    fs.writeFileSync(path.join(root, 'app.py'), 'print(1)\n');
    assert.equal(missing().length, 0, 'app.py exists now: the same text, linted again, no longer reports it');
    fs.rmSync(path.join(root, 'app.py'));
    assert.equal(missing().length, 1, 'and once it is deleted again, it is reported again');
  });

  it('a text linted without a context and then with one (a workspace folder opened) is checked against the disk', () => {
    const root = workspace({ Dockerfile: 'FROM alpine:3.20\nCOPY app.py /app/\n' });
    const file = path.join(root, 'Dockerfile');
    const text = fs.readFileSync(file, 'utf8');
    const warm = new Linter();
    const ids = (ctx?: ReturnType<typeof resolveContext>) => warm.lint(text, DEFAULT_SETTINGS, ctx).filter((f) => f.ruleId === 'copy-source-missing').length;
    // Without a context the rule sees no file system; its result is reused while nothing changes.
    assert.equal(ids(), 0);
    assert.equal(ids(), 0);
    clearContextCache();
    assert.equal(ids(resolveContext(file, undefined, [root])), 1, 'with the context, app.py is missing');
    assert.equal(ids(), 0, 'and without it again, nothing');
  });
});
