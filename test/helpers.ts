/**
 * Shared test helpers: lint a text, apply a fix, and check the fix guarantees
 * (the finding is gone, nothing new appears, the same fix is not offered again).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine, Linter, type Finding, type FindingFix } from '../server/src/lint';
import { toOffsetEdits } from '../server/src/fixAll';
import { applyOffsetEdits } from '../server/src/text';
import { DEFAULT_SETTINGS, type Settings } from '../server/src/settings';

export const ready = initEngine();

export function lintAll(text: string, settings?: Settings): Finding[] {
  return new Linter().lint(text, settings);
}

export function findingsOf(text: string, ruleId: string, settings?: Settings): Finding[] {
  return lintAll(text, settings).filter((f) => f.ruleId === ruleId);
}

/** The default settings with the given (opt-in) rules turned on at their level. */
export function withRules(rules: Record<string, 'error' | 'warning' | 'info' | 'hint'>): Settings {
  return { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, ...rules } };
}

export function applyFix(text: string, fix: FindingFix): string {
  return applyOffsetEdits(text, toOffsetEdits(text, fix));
}

function counts(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return m;
}

function fixKey(text: string, fix: FindingFix): string {
  return JSON.stringify(toOffsetEdits(text, fix));
}

/**
 * Applies `fix` (offered on `finding`) and asserts the guarantees every fix makes.
 * Returns the fixed text.
 */
export function checkFixGuarantees(text: string, finding: Finding, fix: FindingFix, label = '', settings?: Settings): string {
  const before = lintAll(text, settings);
  const after = applyFix(text, fix);
  assert.notEqual(after, text, `${label}: the fix "${fix.title}" changes nothing`);
  const found = lintAll(after, settings);
  const b = counts(before);
  const a = counts(found);
  assert.ok((a.get(finding.ruleId) ?? 0) < (b.get(finding.ruleId) ?? 0),
    `${label}: ${finding.ruleId} still reported after "${fix.title}":\n${after}`);
  for (const [rule, n] of a) {
    assert.ok(n <= (b.get(rule) ?? 0), `${label}: "${fix.title}" brought new ${rule} findings:\n${after}\n${JSON.stringify(found.filter((f) => f.ruleId === rule), null, 1)}`);
  }
  // Idempotent: the same edit is not offered again on the fixed text.
  const again = new Set(found.flatMap((f) => f.fixes.map((x) => fixKey(after, x))));
  assert.ok(!again.has(fixKey(after, fix)) || fix.edits.every((e) => e.newText === ''), `${label}: the same fix is offered again`);
  return after;
}

/** Lints `input`, expects exactly `count` findings of `ruleId`, applies the `fixIndex`-th fix of the first. */
export function expectFix(input: string, ruleId: string, expected: string, opts: { fixIndex?: number; finding?: number; settings?: Settings } = {}): void {
  const found = findingsOf(input, ruleId, opts.settings);
  assert.ok(found.length > 0, `no ${ruleId} finding in:\n${input}`);
  const f = found[opts.finding ?? 0];
  const fix = f.fixes[opts.fixIndex ?? 0];
  assert.ok(fix, `${ruleId}: no fix #${opts.fixIndex ?? 0} offered; message: ${f.message}`);
  const after = checkFixGuarantees(input, f, fix, ruleId, opts.settings);
  assert.equal(after, expected);
}

export function expectNoFix(input: string, ruleId: string, settings?: Settings): Finding[] {
  const found = findingsOf(input, ruleId, settings);
  assert.ok(found.length > 0, `expected a ${ruleId} finding in:\n${input}`);
  for (const f of found) assert.deepEqual(f.fixes, [], `${ruleId}: unexpected fix "${f.fixes[0]?.title}"`);
  return found;
}

export function expectNone(input: string, ruleId: string, settings?: Settings): void {
  const found = findingsOf(input, ruleId, settings);
  assert.deepEqual(found.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`), [], `unexpected ${ruleId} in:\n${input}`);
}

/** The shared corpus of real-world Dockerfiles, or null (with the reason) when absent. */
export function corpusFiles(): { files: string[]; skip: string | false } {
  const candidates = [process.env.DOCKERFILE_DOCTOR_CORPUS, path.resolve(__dirname, '../../../shared/corpus'), path.resolve(__dirname, '../../../../shared/corpus'), path.resolve(process.cwd(), '../shared/corpus')];
  const dir = candidates.find((d) => d && fs.existsSync(d));
  if (!dir) return { files: [], skip: 'corpus folder ../shared/corpus not found (set DOCKERFILE_DOCTOR_CORPUS)' };
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.Dockerfile')) files.push(p);
    }
  };
  walk(dir);
  files.sort();
  return { files, skip: false };
}
