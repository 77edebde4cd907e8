/**
 * `.hadolint.yaml` parsing: every key, every failure mode (bad YAML, wrong types, unknown
 * rule, unknown key) with its line, hadolint's environment variables, and the file lookup.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configFromEnv, parseProjectConfig } from '../../server/src/projectConfig';
import { findConfigFile, loadConfigFile } from '../../server/src/configFiles';
import { mergeSettings, DEFAULT_SETTINGS } from '../../server/src/settings';

const parse = (text: string) => parseProjectConfig(text);
const messages = (text: string) => parse(text).problems.map((p) => `${p.line + 1}:${p.character + 1}: ${p.message}`);

describe('project config: keys', () => {
  it('reads every key hadolint knows', () => {
    const { config, problems } = parse([
      'ignored: [DL3059, add-instead-of-copy]',
      'override:',
      '  error: [DL3019]',
      '  warning: []',
      '  info: [JSONArgsRecommended]',
      '  style: [consecutive-run]',
      'failure-threshold: warning',
      'trustedRegistries:',
      '  - docker.io',
      '  - "*.gcr.io"',
      'label-schema:',
      '  maintainer: text',
      '  org.opencontainers.image.source: url',
      'strict-labels: true',
      'disable-ignore-pragma: true',
      'no-fail: true',
      'no-color: true',
      'format: sarif',
      '',
    ].join('\n'));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.settings.rules, {
      'consecutive-run': 'off', // ignored wins over override.style
      'add-instead-of-copy': 'off',
      'apk-add-without-no-cache': 'error',
      'cmd-shell-form': 'info', // the BuildKit name JSONArgsRecommended
    });
    assert.equal(config.failureThreshold, 'warning');
    assert.deepEqual(config.settings.trustedRegistries, ['docker.io', '*.gcr.io']);
    assert.deepEqual(config.settings.labelSchema, { maintainer: 'text', 'org.opencontainers.image.source': 'url' });
    assert.equal(config.settings.strictLabels, true);
    assert.equal(config.settings.disableIgnorePragma, true);
    assert.equal(config.noFail, true);
    assert.equal(config.noColor, true);
    assert.deepEqual(config.formats, ['sarif']);
  });

  it('maps override severities, hadolint style → hint, and accepts a lone string as a list', () => {
    const { config, problems } = parse('override:\n  style: DL3020\n  info:\n    - DL3019\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.settings.rules, { 'add-instead-of-copy': 'hint', 'apk-add-without-no-cache': 'info' });
  });

  it('accepts formats as a list, failure thresholds none/ignore/style', () => {
    assert.deepEqual(parse('formats: [json, sarif]\n').config.formats, ['json', 'sarif']);
    assert.equal(parse('failure-threshold: none\n').config.failureThreshold, 'none');
    assert.equal(parse('failure-threshold: ignore\n').config.failureThreshold, 'none');
    assert.equal(parse('failure-threshold: style\n').config.failureThreshold, 'hint');
  });

  it('accepts hadolint and ShellCheck codes it does not implement, quietly', () => {
    // DL3005 (a hadolint code since removed), SC2086, InvalidBaseImagePlatform (a BuildKit check): none is a rule of ours
    const { config, problems } = parse('ignored:\n  - DL3005\n  - SC2086\n  - InvalidBaseImagePlatform\n');
    assert.deepEqual(problems, []);
    assert.equal(config.settings.rules, undefined);
  });

  it('an empty file or only comments is an empty configuration', () => {
    for (const text of ['', '# nothing\n', '---\n']) {
      const r = parse(text);
      assert.deepEqual(r.problems, [], text);
      assert.deepEqual(r.config, { settings: {} });
    }
  });
});

describe('project config: problems name the line and the rest still applies', () => {
  it('bad YAML', () => {
    const m = messages('ignored: [DL3020\nfailure-threshold: error\n');
    assert.ok(m.length >= 1);
    assert.match(m[0], /^\d+:\d+: Invalid YAML: /);
    const tab = messages('ignored:\n\t- DL3020\n');
    assert.match(tab[0], /^2:1: Invalid YAML/);
  });
  it('duplicate keys are bad YAML', () => {
    assert.match(messages('no-fail: true\nno-fail: false\n')[0], /^2:1: Invalid YAML: .*unique/i);
  });
  it('unknown key, with the known ones listed', () => {
    const r = parse('ignore: [DL3020]\nfailure-threshold: info\n');
    assert.deepEqual(r.problems.map((p) => [p.line, p.character, p.endCharacter]), [[0, 0, 6]]);
    assert.match(r.problems[0].message, /^Unknown key "ignore" \(known: ignored, override, /);
    assert.equal(r.config.failureThreshold, 'info', 'the rest still applies');
  });
  it('unknown override severity', () => {
    assert.deepEqual(messages('override:\n  fatal: [DL3020]\n'), ['2:3: Unknown key "override.fatal" (known: override.error, override.warning, override.info, override.style)']);
  });
  it('unknown rule id, and the known ones still apply', () => {
    const r = parse('ignored:\n  - no-such-rule\n  - DL3020\n');
    assert.deepEqual(r.problems.map((p) => `${p.line + 1}:${p.character + 1}: ${p.message}`),
      ['2:5: Unknown rule "no-such-rule" in "ignored": not a rule id, a hadolint code or a BuildKit check name']);
    assert.deepEqual(r.config.settings.rules, { 'add-instead-of-copy': 'off' });
  });
  it('wrong types', () => {
    assert.deepEqual(messages('ignored: 3\n'), ['1:10: "ignored" must be a list']);
    assert.deepEqual(messages('ignored: [[DL3020]]\n'), ['1:11: "ignored" must be a list of strings']);
    assert.deepEqual(messages('strict-labels: "yes"\n'), ['1:16: "strict-labels" must be true or false']);
    assert.deepEqual(messages('no-fail: 1\n'), ['1:10: "no-fail" must be true or false']);
    assert.deepEqual(messages('disable-ignore-pragma: maybe\n'), ['1:24: "disable-ignore-pragma" must be true or false']);
    assert.deepEqual(messages('no-color: []\n'), ['1:11: "no-color" must be true or false']);
    assert.deepEqual(messages('failure-threshold: fatal\n'), ['1:20: "failure-threshold" must be one of error, warning, info, style, ignore, none']);
    assert.deepEqual(messages('override: [DL3020]\n'), ['1:11: "override" must be a map of severities (error, warning, info, style) to rule lists']);
    assert.deepEqual(messages('label-schema: [maintainer]\n'), ['1:15: "label-schema" must be a map of label names to one of text, url, semver, hash, rfc3339, spdx, email']);
    assert.deepEqual(messages('label-schema:\n  maintainer: name\n'), ['2:15: "label-schema.maintainer" must be a map of label names to one of text, url, semver, hash, rfc3339, spdx, email']);
    assert.deepEqual(messages('trustedRegistries: {a: b}\n'), ['1:20: "trustedRegistries" must be a list']);
    assert.deepEqual(messages('format: xml\n'), ['1:9: "format" must be one of tty, json, sarif, checkstyle, codeclimate, gitlab_codeclimate, gnu, github, junit, sonarqube, codacy']);
  });
  it('a configuration that is not a map', () => {
    assert.deepEqual(messages('- DL3020\n'), ['1:1: The configuration must be a map of keys to values']);
    assert.deepEqual(messages('just text\n'), ['1:1: The configuration must be a map of keys to values']);
  });
  it('never throws on odd input', () => {
    for (const text of ['\u0000', '{', ']]]', '&a [*a]', '*x', '!!binary x', 'a: !!js/function "x"', '\ufeffignored: [DL3020]\n', 'ignored: [DL3020]\r\nno-fail: true\r\n', ': :', '? [a]\n: b\n']) {
      assert.doesNotThrow(() => parse(text), JSON.stringify(text));
    }
    assert.deepEqual(parse('\ufeffignored: [DL3020]\r\nno-fail: true\r\n').config.settings.rules, { 'add-instead-of-copy': 'off' });
  });
});

describe('hadolint environment variables', () => {
  it('reads each variable', () => {
    const { config, problems } = configFromEnv({
      HADOLINT_IGNORE: 'DL3059, DL3008',
      HADOLINT_OVERRIDE_ERROR: 'DL3020',
      HADOLINT_OVERRIDE_WARNING: 'consecutive-run',
      HADOLINT_OVERRIDE_INFO: 'DL3019',
      HADOLINT_OVERRIDE_STYLE: '',
      HADOLINT_FAILURE_THRESHOLD: 'warning',
      HADOLINT_TRUSTED_REGISTRIES: 'docker.io,my.registry',
      HADOLINT_REQUIRE_LABELS: 'maintainer:text,version:semver',
      HADOLINT_STRICT_LABELS: 'yes',
      HADOLINT_DISABLE_IGNORE_PRAGMA: '1',
      HADOLINT_NOFAIL: 'false',
      HADOLINT_FORMAT: 'json',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.settings.rules, { 'add-instead-of-copy': 'error', 'consecutive-run': 'off', 'apk-add-without-no-cache': 'info', 'apt-get-install-without-pin': 'off' });
    assert.equal(config.failureThreshold, 'warning');
    assert.deepEqual(config.settings.trustedRegistries, ['docker.io', 'my.registry']);
    assert.deepEqual(config.settings.labelSchema, { maintainer: 'text', version: 'semver' });
    assert.equal(config.settings.strictLabels, true);
    assert.equal(config.settings.disableIgnorePragma, true);
    assert.equal(config.noFail, false);
    assert.deepEqual(config.formats, ['json']);
  });
  it('reports bad values by variable name', () => {
    const { problems } = configFromEnv({ HADOLINT_STRICT_LABELS: 'perhaps', HADOLINT_IGNORE: 'nope', HADOLINT_FAILURE_THRESHOLD: 'x', HADOLINT_REQUIRE_LABELS: 'maintainer', HADOLINT_FORMAT: 'xml' });
    assert.equal(problems.length, 5);
    assert.match(problems.join('\n'), /HADOLINT_STRICT_LABELS: expected a truthy or falsy value/);
    assert.match(problems.join('\n'), /HADOLINT_IGNORE: unknown rule "nope"/);
    assert.match(problems.join('\n'), /HADOLINT_FAILURE_THRESHOLD: expected one of/);
    assert.match(problems.join('\n'), /HADOLINT_REQUIRE_LABELS: expected <label>:<type>/);
    assert.match(problems.join('\n'), /HADOLINT_FORMAT: expected one of/);
  });
});

describe('merging', () => {
  it('per-rule severities: the later wins; lists add up; scalars: the later wins', () => {
    const a = mergeSettings(DEFAULT_SETTINGS, { rules: { x: 'off', y: 'error' }, trustedRegistries: ['a'], strictLabels: true, labelSchema: { m: 'text' } });
    const b = mergeSettings(a, { rules: { y: 'info' }, trustedRegistries: ['b', 'a'], strictLabels: false, labelSchema: { v: 'semver' } });
    assert.deepEqual(b.rules, { x: 'off', y: 'info' });
    assert.deepEqual(b.trustedRegistries, ['a', 'b']);
    assert.equal(b.strictLabels, false);
    assert.deepEqual(b.labelSchema, { m: 'text', v: 'semver' });
    assert.deepEqual(DEFAULT_SETTINGS.rules, {}, 'defaults untouched');
  });
});

describe('config file lookup', () => {
  const tmp = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-lookup-')));
  const noHome = { home: '/nonexistent-home', env: {} };

  it('walks up from the Dockerfile folder to the repository root, .yaml before .yml', () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(root, '.hadolint.yml'), 'ignored: []\n');
    assert.equal(findConfigFile(path.join(root, 'a/b'), noHome), path.join(root, '.hadolint.yml'));
    fs.writeFileSync(path.join(root, '.hadolint.yaml'), 'ignored: []\n');
    assert.equal(findConfigFile(path.join(root, 'a/b'), noHome), path.join(root, '.hadolint.yaml'));
    fs.writeFileSync(path.join(root, 'a/.hadolint.yaml'), 'ignored: []\n');
    assert.equal(findConfigFile(path.join(root, 'a/b'), noHome), path.join(root, 'a/.hadolint.yaml'), 'the nearest wins');
  });

  it('does not go above the repository root, nor above the workspace folder (stopAt)', () => {
    const outer = tmp();
    fs.writeFileSync(path.join(outer, '.hadolint.yaml'), 'ignored: []\n');
    const repo = path.join(outer, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    assert.equal(findConfigFile(repo, noHome), undefined);
    const ws = path.join(outer, 'ws');
    fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
    assert.equal(findConfigFile(path.join(ws, 'sub'), { ...noHome, stopAt: ws }), undefined);
    assert.equal(findConfigFile(path.join(ws, 'sub'), noHome), path.join(outer, '.hadolint.yaml'), 'without a stop: up to the file system root');
  });

  it('then the current folder, then hadolint\'s user-level files', () => {
    const repo = tmp();
    fs.mkdirSync(path.join(repo, '.git'));
    const cwd = tmp();
    const home = tmp();
    const xdg = tmp();
    assert.equal(findConfigFile(repo, { cwd, home, env: {} }), undefined);
    fs.writeFileSync(path.join(home, '.hadolint.yaml'), 'ignored: []\n');
    assert.equal(findConfigFile(repo, { cwd, home, env: {} }), path.join(home, '.hadolint.yaml'));
    fs.mkdirSync(path.join(home, '.config'));
    fs.writeFileSync(path.join(home, '.config/hadolint.yaml'), 'ignored: []\n');
    assert.equal(findConfigFile(repo, { cwd, home, env: {} }), path.join(home, '.config/hadolint.yaml'));
    fs.writeFileSync(path.join(xdg, 'hadolint.yaml'), 'ignored: []\n');
    assert.equal(findConfigFile(repo, { cwd, home, env: { XDG_CONFIG_HOME: xdg } }), path.join(xdg, 'hadolint.yaml'));
    fs.writeFileSync(path.join(cwd, '.hadolint.yaml'), 'ignored: []\n');
    assert.equal(findConfigFile(repo, { cwd, home, env: { XDG_CONFIG_HOME: xdg } }), path.join(cwd, '.hadolint.yaml'));
  });

  it('loading an unreadable file is a problem, not a throw; problems carry file:line:col', () => {
    const missing = loadConfigFile('/nonexistent/.hadolint.yaml');
    assert.match(missing.messages[0], /^\/nonexistent\/\.hadolint\.yaml: Cannot read the file: ENOENT/);
    const dir = tmp();
    const file = path.join(dir, '.hadolint.yaml');
    fs.writeFileSync(file, 'ignored: [DL3020]\nbogus: 1\n');
    assert.deepEqual(loadConfigFile(file).messages, [`${file}:2:1: Unknown key "bogus" (known: ignored, override, failure-threshold, trustedRegistries, label-schema, strict-labels, disable-ignore-pragma, no-fail, no-color, format, formats, verbose)`]);
  });
});
