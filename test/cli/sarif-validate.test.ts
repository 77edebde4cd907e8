/**
 * The SARIF report validates with the SARIF Multitool (npm @microsoft/sarif-multitool, ~100 MB,
 * not a dependency): with SARIF_MULTITOOL=/path/to/sarif-multitool set, the CLI's report on the
 * sample and the corpus must give no validation result at all (errors, warnings or notes).
 *   npm i --prefix /tmp/mt @microsoft/sarif-multitool && SARIF_MULTITOOL=/tmp/mt/node_modules/.bin/sarif-multitool npm test
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusFiles } from '../helpers';

const ROOT = path.resolve(__dirname, '../../..');
const TOOL = process.env.SARIF_MULTITOOL;

describe('sarif validation', () => {
  it('the Multitool finds nothing to report', { skip: TOOL ? false : 'set SARIF_MULTITOOL to the sarif-multitool binary to run it' }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sarif-'));
    const report = path.join(dir, 'report.sarif');
    const { files } = corpusFiles();
    const inputs = [path.join(ROOT, 'examples/Dockerfile'), ...files.slice(0, 60)];
    const lint = spawnSync(process.execPath, [path.join(ROOT, 'bin/dockerfile-doctor.js'), '--no-fail', '-o', `sarif=${report}`, '--format', 'json', ...inputs], { encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stderr);
    assert.ok(JSON.parse(lint.stdout).length > 0, 'the report has results');
    const out = path.join(dir, 'validation.sarif');
    const v = spawnSync(TOOL!, ['validate', report, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout + v.stderr);
    const results = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results ?? [];
    assert.deepEqual(results.map((r: { level: string; ruleId: string; message: unknown }) => `${r.level} ${r.ruleId} ${JSON.stringify(r.message)}`), []);
    // The check is not vacuous: a broken copy is caught.
    const bad = JSON.parse(fs.readFileSync(report, 'utf8'));
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    fs.writeFileSync(report, JSON.stringify(bad));
    spawnSync(TOOL!, ['validate', report, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    assert.ok((JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results ?? []).some((r: { level: string }) => r.level === 'error'));
  });
});
