/**
 * Every report format against a golden file (reviewed by hand once; `UPDATE_GOLDEN=1` rewrites
 * them), plus the structural checks each consumer needs: checkstyle and junit parse as XML,
 * SARIF has the 2.1.0 shape GitHub reads, code-quality fingerprints are stable and unique.
 * The findings are the real engine's on a fixed Dockerfile, kept to three long-standing rules
 * so that new rules do not move the golden files.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORMATTERS, type FileResult } from '../../server/src/cli/formats';
import { Linter } from '../../server/src/lint';
import { RULES } from '../../server/src/rules';
import { ready } from '../helpers';
import { parseXml } from './xml';

const ROOT = path.resolve(__dirname, '../../..');
const GOLDEN = path.join(ROOT, 'test/cli/golden');
const KEPT = new Set(['add-instead-of-copy', 'apk-add-without-no-cache', 'unknown-instruction', 'consecutive-run']);

const TEXT = 'FROM alpine:3.20\nRUN apk add curl\nRUN echo "<&>"\nADD app.py /app/\nRUNN make\nADD app.py /app/\n';

function results(): FileResult[] {
  const findings = new Linter().lint(TEXT).filter((f) => KEPT.has(f.ruleId));
  return [
    { file: 'services/api/Dockerfile', text: TEXT, findings },
    { file: 'clean dir/Dockerfile', text: 'FROM scratch\n', findings: [] },
  ];
}

/** What may change without the format changing: the full rule table, the docs text. */
function normalise(format: string, out: string): string {
  if (format === 'sarif') {
    const sarif = JSON.parse(out);
    const used = new Set(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId));
    const rules = sarif.runs[0].tool.driver.rules.filter((r: { id: string }) => used.has(r.id));
    for (const r of rules) r.help.markdown = `<docs of ${r.id}>`;
    sarif.runs[0].tool.driver.rules = rules;
    for (const r of sarif.runs[0].results) r.ruleIndex = rules.findIndex((x: { id: string }) => x.id === r.ruleId);
    return `${JSON.stringify(sarif, null, 2)}\n`;
  }
  if (format === 'codeclimate') {
    return out.split('\u0000').filter(Boolean).map((line) => {
      const issue = JSON.parse(line);
      issue.content.body = `<docs of ${issue.check_name}>`;
      return JSON.stringify(issue, null, 2);
    }).join('\n\\0\n');
  }
  return out;
}

describe('report formats', () => {
  before(() => ready);

  for (const format of Object.keys(FORMATTERS)) {
    it(`${format} matches its golden file`, () => {
      const out = normalise(format, FORMATTERS[format](results(), { color: false, version: '0.1.0' }));
      const file = path.join(GOLDEN, `${format}.txt`);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, out);
      assert.equal(out, fs.readFileSync(file, 'utf8'));
    });
  }

  it('tty: colours only when asked; a caret under the range', () => {
    const plain = FORMATTERS.tty(results(), { color: false, version: '0' });
    assert.ok(!plain.includes('\x1b['));
    assert.match(plain, /  2 \| RUN apk add curl\n    \|     \^\^\^\^\^\^\^\n/);
    const colored = FORMATTERS.tty(results(), { color: true, version: '0' });
    assert.match(colored, /\x1b\[33mwarning\x1b\[0m/);
  });

  it('checkstyle and junit are well-formed XML with the findings in them', () => {
    const cs = parseXml(FORMATTERS.checkstyle(results(), { color: false, version: '0' }));
    assert.equal(cs[0].name, 'checkstyle');
    const errors = cs.filter((e) => e.name === 'error');
    assert.equal(errors.length, results()[0].findings.length);
    assert.ok(errors.every((e) => e.attrs.line && e.attrs.column && e.attrs.severity && e.attrs.source.startsWith('dockerfile-doctor.')));
    assert.deepEqual(cs.filter((e) => e.name === 'file').map((e) => e.attrs.name), ['services/api/Dockerfile', 'clean dir/Dockerfile']);
    const ju = parseXml(FORMATTERS.junit(results(), { color: false, version: '0' }));
    assert.equal(ju[0].name, 'testsuites');
    assert.equal(Number(ju[0].attrs.failures), results()[0].findings.length);
    assert.equal(ju.filter((e) => e.name === 'testcase').length, results()[0].findings.length + 1, 'a passing case for the clean file');
    // Messages with markup characters survive.
    const hostile: FileResult[] = [{ file: 'a"<&>.Dockerfile', text: 'FROM a\n', findings: [{ ...results()[0].findings[0], message: 'x <y> & "z" \u0001' }] }];
    for (const f of ['checkstyle', 'junit']) {
      const els = parseXml(FORMATTERS[f](hostile, { color: false, version: '0' }));
      assert.ok(els.some((e) => Object.values(e.attrs).includes('x <y> & "z" ')), f);
    }
  });

  it('sarif: 2.1.0, every rule with help and helpUri, results with regions, fixes and fingerprints', () => {
    const sarif = JSON.parse(FORMATTERS.sarif(results(), { color: false, version: '1.2.3' }));
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.equal(run.tool.driver.rules.length, RULES.length);
    for (const r of run.tool.driver.rules) {
      assert.ok(r.helpUri.startsWith('https://'), r.id);
      assert.ok(r.help.text && r.help.markdown && r.shortDescription.text, r.id);
    }
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      const region = r.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endColumn >= region.startColumn);
      assert.match(r.partialFingerprints['dockerfileDoctor/v1'], /^[0-9a-f]{32}$/);
    }
    assert.ok(run.results.some((r: { fixes?: unknown[] }) => r.fixes && r.fixes.length > 0));
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'services/api/Dockerfile');
  });

  it('fingerprints: the same finding keeps its fingerprint when lines move; two identical lines differ', () => {
    const a = JSON.parse(FORMATTERS.gitlab_codeclimate(results(), { color: false, version: '0' }));
    const moved = '# a comment\n\n' + TEXT;
    const b = JSON.parse(FORMATTERS.gitlab_codeclimate([{ file: 'services/api/Dockerfile', text: moved, findings: new Linter().lint(moved).filter((f) => KEPT.has(f.ruleId)) }], { color: false, version: '0' }));
    assert.deepEqual(b.map((x: { fingerprint: string }) => x.fingerprint), a.map((x: { fingerprint: string }) => x.fingerprint));
    assert.equal(new Set(a.map((x: { fingerprint: string }) => x.fingerprint)).size, a.length);
  });

  it('github: escapes the workflow-command syntax', () => {
    const r: FileResult[] = [{ file: 'a,b:c.Dockerfile', text: 'FROM a\n', findings: [{ ...results()[0].findings[0], message: '50% done\nnext' }] }];
    assert.match(FORMATTERS.github(r, { color: false, version: '0' }), /^::warning file=a%2Cb%3Ac\.Dockerfile,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::50%25 done%0Anext\n$/);
  });
});
