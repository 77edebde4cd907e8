/**
 * The CLI with a project configuration: lookup from the file's folder, every precedence step
 * (defaults < .hadolint.yaml < HADOLINT_* < flags < inline pragmas unless disabled), hadolint's
 * flags, exit codes, a malformed config (message + exit 2, the rest applied), several formats
 * at once and the corpus throughput.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusFiles } from '../helpers';
import { parseXml } from './xml';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/dockerfile-doctor.js');
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', HOME, ...extra };
  delete env.XDG_CONFIG_HOME;
  for (const k of Object.keys(env)) if (k.startsWith('HADOLINT_') && !(k in extra)) delete env[k];
  return env;
}

function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: opts.input, cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: cleanEnv(opts.env ?? {}), maxBuffer: 256 * 1024 * 1024 }); // the corpus report is over the 1 MB default
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A repository (with .git) holding the given files. */
function repo(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-repo-')));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

// Tagged, pinned, and `a` exists next to it (see repo()): the only findings are DL3019 (ignored inline) and DL3020.
const DOCKERFILE = 'FROM alpine:3.20\n# hadolint ignore=DL3019\nRUN apk add curl=8.9.1-r2\nADD a /a\n';
const rulesIn = (out: string) => [...out.matchAll(/^\S+:(\d+):\d+: (\w+) ([a-z-]+)/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

describe('cli: configuration', () => {
  it('finds .hadolint.yaml from the Dockerfile folder up to the repository root', () => {
    const dir = repo({ '.hadolint.yaml': 'ignored: [DL3020]\n', 'svc/api/Dockerfile': DOCKERFILE, 'svc/api/a': 'a\n' });
    assert.deepEqual(rulesIn(run([path.join(dir, 'svc/api/Dockerfile')]).out), []);
    // From anywhere: the lookup starts at the file, not the current folder.
    assert.deepEqual(rulesIn(run(['svc/api/Dockerfile'], { cwd: dir }).out), []);
    // A nearer one wins.
    fs.writeFileSync(path.join(dir, 'svc/.hadolint.yml'), 'override:\n  error: [DL3020]\n');
    const r = run([path.join(dir, 'svc/api/Dockerfile')]);
    assert.deepEqual(rulesIn(r.out), ['4 error add-instead-of-copy']);
    assert.equal(r.code, 1);
  });

  it('standard input is configured from the current folder; --config overrides the lookup', () => {
    const dir = repo({ '.hadolint.yaml': 'ignored: [DL3020]\n', 'other.yaml': 'override:\n  error: [DL3020]\n' });
    assert.deepEqual(rulesIn(run(['-'], { cwd: dir, input: DOCKERFILE }).out), []);
    assert.deepEqual(rulesIn(run(['--config', 'other.yaml', '-'], { cwd: dir, input: DOCKERFILE }).out), ['4 error add-instead-of-copy']);
  });

  it('uses hadolint\'s user-level file when the project has none', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-home2-'));
    fs.mkdirSync(path.join(home, '.config'));
    fs.writeFileSync(path.join(home, '.config/hadolint.yaml'), 'ignored: [DL3020]\n');
    const dir = repo({ Dockerfile: DOCKERFILE, a: 'a\n' });
    assert.deepEqual(rulesIn(run([path.join(dir, 'Dockerfile')], { env: { HOME: home } }).out), []);
  });

  it('precedence: defaults < config file < HADOLINT_* < flags < inline pragmas (unless disabled)', () => {
    const dir = repo({ '.hadolint.yaml': 'override:\n  error: [DL3020]\n', Dockerfile: DOCKERFILE, a: 'a\n' });
    const file = path.join(dir, 'Dockerfile');
    // Defaults: warning; the pragma hides DL3019.
    assert.deepEqual(rulesIn(run(['--config', '/dev/null', file]).out), ['4 warning add-instead-of-copy']);
    // Config file: error.
    assert.deepEqual(rulesIn(run([file]).out), ['4 error add-instead-of-copy']);
    // Environment over the config file.
    assert.deepEqual(rulesIn(run([file], { env: { HADOLINT_OVERRIDE_INFO: 'DL3020' } }).out), ['4 info add-instead-of-copy']);
    // Flags over the environment.
    assert.deepEqual(rulesIn(run(['--style', 'DL3020', file], { env: { HADOLINT_OVERRIDE_INFO: 'DL3020' } }).out), ['4 hint add-instead-of-copy']);
    assert.deepEqual(rulesIn(run(['--ignore', 'add-instead-of-copy', file]).out), []);
    assert.deepEqual(rulesIn(run(['--rule', 'DL3020=warning', file]).out), ['4 warning add-instead-of-copy']);
    // Inline pragmas over all of them, unless disable-ignore-pragma (config, env or flag).
    assert.deepEqual(rulesIn(run(['--rule', 'DL3019=error', file]).out), ['4 error add-instead-of-copy']);
    const off = ['3 warning apk-add-without-no-cache', '4 error add-instead-of-copy'];
    assert.deepEqual(rulesIn(run(['--disable-ignore-pragma', file]).out), off);
    assert.deepEqual(rulesIn(run([file], { env: { HADOLINT_DISABLE_IGNORE_PRAGMA: 'true' } }).out), off);
    fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'override:\n  error: [DL3020]\ndisable-ignore-pragma: true\n');
    assert.deepEqual(rulesIn(run([file]).out), off);
    assert.deepEqual(rulesIn(run([file], { env: { HADOLINT_DISABLE_IGNORE_PRAGMA: '0' } }).out), ['4 error add-instead-of-copy'], 'env over config');
  });

  it('failure threshold and no-fail: flag, variable and config key', () => {
    const dir = repo({ Dockerfile: 'FROM alpine:3.20\nADD a /a\n', a: 'a\n' });
    const file = path.join(dir, 'Dockerfile');
    assert.equal(run([file]).code, 0, 'default: only errors fail');
    assert.equal(run(['--failure-threshold', 'warning', file]).code, 1);
    assert.equal(run(['-t', 'error', file]).code, 0);
    assert.equal(run([file], { env: { HADOLINT_FAILURE_THRESHOLD: 'info' } }).code, 1);
    assert.equal(run(['--failure-threshold', 'none', file], { env: { HADOLINT_FAILURE_THRESHOLD: 'info' } }).code, 0, 'flag over env');
    fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'failure-threshold: warning\n');
    assert.equal(run(['Dockerfile'], { cwd: dir }).code, 1);
    assert.equal(run(['--no-fail', 'Dockerfile'], { cwd: dir }).code, 0);
    assert.equal(run(['Dockerfile'], { cwd: dir, env: { HADOLINT_NOFAIL: '1' } }).code, 0);
    fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'failure-threshold: warning\nno-fail: true\n');
    assert.equal(run(['Dockerfile'], { cwd: dir }).code, 0);
    const bad = run(['--failure-threshold', 'fatal', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--failure-threshold must be one of error, warning, info, style, ignore, none/);
  });

  it('`# check=error=true` makes the file\'s warnings fail the run', () => {
    const r = run(['-'], { input: '# check=error=true\nFROM alpine:3.20\nADD a /a\n' });
    assert.equal(r.code, 1);
    assert.equal(run(['-'], { input: '# check=error=false\nFROM alpine:3.20\nADD a /a\n' }).code, 0);
  });

  it('a malformed config: file:line:col and the problem on stderr, exit 2, the valid keys still applied', () => {
    const dir = repo({ '.hadolint.yaml': 'ignored: [DL3020]\nfailure-treshold: error\noverride:\n  error: [nope]\n', Dockerfile: DOCKERFILE, a: 'a\n' });
    const r = run(['Dockerfile'], { cwd: dir });
    assert.equal(r.code, 2);
    const cfg = path.join(dir, '.hadolint.yaml');
    assert.equal(r.err, [
      `dockerfile-doctor: ${cfg}:2:1: Unknown key "failure-treshold" (known: ignored, override, failure-threshold, trustedRegistries, label-schema, strict-labels, disable-ignore-pragma, no-fail, no-color, format, formats, verbose)`,
      `dockerfile-doctor: ${cfg}:4:11: Unknown rule "nope" in "override.error": not a rule id, a hadolint code or a BuildKit check name`,
      '',
    ].join('\n'));
    assert.deepEqual(rulesIn(r.out), [], 'ignored: [DL3020] still applies');
    fs.writeFileSync(cfg, 'ignored: [DL3020\n');
    const yaml = run(['Dockerfile'], { cwd: dir });
    assert.equal(yaml.code, 2);
    assert.match(yaml.err, new RegExp(`${cfg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: Invalid YAML: `));
    const missing = run(['--config', 'nope.yaml', 'Dockerfile'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: Cannot read the file: ENOENT/);
  });

  it('bad HADOLINT_* values and flags are usage errors (exit 2)', () => {
    const r = run(['-'], { input: 'FROM a\n', env: { HADOLINT_IGNORE: 'no-such-rule' } });
    assert.equal(r.code, 2);
    assert.match(r.err, /HADOLINT_IGNORE: unknown rule "no-such-rule"/);
    assert.equal(run(['--require-label', 'maintainer', '-'], { input: 'FROM a\n' }).code, 2);
    assert.equal(run(['--ignore', 'DL9999', '-'], { input: 'FROM a\n' }).code, 0, 'a hadolint code we lack is accepted');
    assert.equal(run(['--output', 'xml=out.xml', '-'], { input: 'FROM a\n' }).code, 2);
  });
});

describe('cli: formats and reports', () => {
  it('--format is repeatable; -o FORMAT=FILE writes more reports at once; --file-path-in-report names stdin', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-out-'));
    const sarif = path.join(dir, 'r.sarif');
    const junit = path.join(dir, 'r.xml');
    const r = run(['--format', 'gnu', '--format', 'github', '-o', `sarif=${sarif}`, '--output', `junit=${junit}`, '--file-path-in-report', 'app/Dockerfile', '-'], { input: 'FROM alpine:3.20\nADD a /a\n' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^app\/Dockerfile:2\.1-4: warning: Use COPY instead of ADD for files and folders \[add-instead-of-copy\]\n::warning file=app\/Dockerfile,line=2,/);
    const s = JSON.parse(fs.readFileSync(sarif, 'utf8'));
    assert.equal(s.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'app/Dockerfile');
    const xml = parseXml(fs.readFileSync(junit, 'utf8'));
    assert.equal(xml.find((e) => e.name === 'failure')?.attrs.type, 'warning');
  });

  it('every format runs end to end from the CLI', () => {
    for (const f of ['tty', 'json', 'sarif', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'github', 'junit', 'sonarqube', 'codacy']) {
      const r = run(['--format', f, path.join(ROOT, 'examples/Dockerfile')]);
      assert.equal(r.code, 0, `${f}: ${r.err}`);
      // Codacy names hadolint's patterns by their codes (add-instead-of-copy is DL3020).
      assert.match(r.out, f === 'codacy' ? /"patternId":"DL3020"/ : /add-instead-of-copy/, f);
      if (f === 'codacy') for (const line of r.out.trimEnd().split('\n')) assert.deepEqual(Object.keys(JSON.parse(line)), ['filename', 'patternId', 'message', 'line']);
      if (f === 'checkstyle' || f === 'junit') parseXml(r.out);
      if (['json', 'sarif', 'gitlab_codeclimate', 'sonarqube'].includes(f)) JSON.parse(r.out);
      if (f === 'codeclimate') for (const issue of r.out.split('\u0000').filter(Boolean)) JSON.parse(issue);
    }
  });

  it('-V / --verbose / HADOLINT_VERBOSE say which configuration and build context each file gets, on stderr', () => {
    const dir = repo({ '.hadolint.yaml': 'ignored: [DL3020]\n', 'app/Dockerfile': 'FROM alpine:3.20\nADD a /a\n', 'app/a': 'a\n' });
    for (const [args, env] of [[['-V'], {}], [['--verbose'], {}], [[], { HADOLINT_VERBOSE: '1' }]] as [string[], Record<string, string>][]) {
      const r = run([...args, 'app/Dockerfile'], { cwd: dir, env });
      assert.equal(r.code, 0, r.err);
      assert.equal(r.err, `dockerfile-doctor: app/Dockerfile: configuration ${path.join(fs.realpathSync(dir), '.hadolint.yaml')}, build context ${path.join(fs.realpathSync(dir), 'app')}\n`);
      assert.doesNotMatch(r.out, /dockerfile-doctor: app/);
    }
    assert.equal(run(['app/Dockerfile'], { cwd: dir }).err, '');
    assert.match(run(['-V', '-'], { cwd: dir, input: 'FROM alpine:3.20\n' }).err, /<stdin>: configuration .*\.hadolint\.yaml, build context \(none: standard input\)/);
  });

  it('format from the config file, and HADOLINT_FORMAT over it', () => {
    const dir = repo({ '.hadolint.yaml': 'format: json\n', Dockerfile: 'FROM alpine:3.20\nADD a /a\n', a: 'a\n' });
    assert.equal(JSON.parse(run(['Dockerfile'], { cwd: dir }).out)[0].rule, 'add-instead-of-copy');
    assert.match(run(['Dockerfile'], { cwd: dir, env: { HADOLINT_FORMAT: 'gnu' } }).out, /^Dockerfile:2\.1-4: warning/);
  });

  it('tty: a code frame with a caret; colours with --color, none with NO_COLOR or no-color in the config', () => {
    const r = run(['-'], { input: 'FROM alpine:3.20\nADD a /a\n' });
    assert.match(r.out, /  2 \| ADD a \/a\n    \| \^\^\^\n/);
    assert.match(r.out, /docs: https:\/\/\S+add-instead-of-copy\.md/);
    assert.ok(!r.out.includes('\x1b['));
    assert.ok(run(['--color', '-'], { input: 'FROM alpine:3.20\nADD a /a\n' }).out.includes('\x1b[33m'));
  });
});

describe('cli: rules', () => {
  it('--list-rules as text and as JSON', () => {
    const text = run(['--list-rules']);
    assert.match(text.out, /^untrusted-registry\s+error\s+DL3026\s+FROM image from a registry that is not trusted$/m);
    assert.match(text.out, /^inline-ignore-pragma\s+\(warning\)\s+DL1001/m, 'opt-in rules show their severity in parentheses');
    const json = JSON.parse(run(['--list-rules', '--format', 'json']).out) as { id: string; related: { hadolint?: string }; docs: string; enabledByDefault: boolean }[];
    const dl3026 = json.find((r) => r.id === 'untrusted-registry');
    assert.equal(dl3026?.related.hadolint, 'DL3026');
    assert.match(dl3026!.docs, /^https:\/\/.+untrusted-registry\.md$/);
    assert.equal(json.find((r) => r.id === 'inline-ignore-pragma')?.enabledByDefault, false);
  });

  it('--explain prints a rule\'s docs by id, hadolint code or BuildKit name, in the LANG language', () => {
    assert.match(run(['--explain', 'DL3026']).out, /^# untrusted-registry\n\n\*\*Default severity:\*\* error/);
    assert.match(run(['--explain', 'untrusted-registry'], { env: { LANG: 'zh_CN.UTF-8' } }).out, /默认严重级别/);
    const bad = run(['--explain', 'nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown rule "nope"/);
  });
});

describe('cli: speed', () => {
  const { files, skip } = corpusFiles();
  it('lints the whole corpus (files per second)', { skip }, () => {
    // The corpus root: the longest folder every file is under.
    let dir = path.dirname(files[0]);
    while (!files.every((f) => f.startsWith(dir + path.sep))) dir = path.dirname(dir);
    const t0 = performance.now();
    const r = run(['--format', 'json', '--no-fail', dir]);
    const s = (performance.now() - t0) / 1000;
    assert.equal(r.code, 0, r.err);
    const n = files.length;
    console.log(`# corpus: ${n} files in ${s.toFixed(2)} s (${Math.round(n / s)} files/s), ${JSON.parse(r.out).length} findings`);
    assert.ok(n / s > 10, `${n / s} files/s`);
  });
});
