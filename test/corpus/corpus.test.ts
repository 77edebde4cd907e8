/**
 * The real-world corpus (../shared/corpus): no crash, no hang, no error-severity false
 * alarm, and every offered fix keeps its guarantees.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFixGuarantees, corpusFiles, lintAll, ready } from '../helpers';

const { files, skip } = corpusFiles();

describe('corpus', { skip }, () => {
  before(() => ready);

  it(`lints all ${files.length} files without crashing, each well within a second`, () => {
    const perRule = new Map<string, number>();
    let slowest = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const t0 = performance.now();
      const found = lintAll(text);
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      assert.ok(ms < 1000, `${file} took ${ms.toFixed(0)} ms`);
      for (const f of found) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    }
    console.log(`findings per rule: ${JSON.stringify(Object.fromEntries(perRule))}; slowest file ${slowest.toFixed(1)} ms`);
  });

  it('reports no error on these buildable, real-world files', () => {
    const errors: string[] = [];
    for (const file of files) {
      for (const f of lintAll(fs.readFileSync(file, 'utf8'))) {
        if (f.severity === 'error') errors.push(`${path.basename(file)}:${f.range.start.line + 1} ${f.ruleId} ${f.message}`);
      }
    }
    assert.deepEqual(errors, []);
  });

  it('raises no apk/ADD false alarm on the official images (they follow these practices)', () => {
    const noisy: string[] = [];
    for (const file of files.filter((f) => !f.includes(`${path.sep}jessfraz${path.sep}`))) {
      for (const f of lintAll(fs.readFileSync(file, 'utf8'))) {
        if (f.ruleId === 'apk-add-without-no-cache' || f.ruleId === 'add-instead-of-copy') noisy.push(`${path.basename(file)}:${f.range.start.line + 1} ${f.ruleId}`);
      }
    }
    // nginx's module builder really runs `apk update && apk add …` without --no-cache
    // (three times, two inside a for loop); everything else there uses --no-cache and COPY.
    const real = files.some((f) => f.endsWith('modules-alpine.Dockerfile'))
      ? ['modules-alpine.Dockerfile:16 apk-add-without-no-cache', 'modules-alpine.Dockerfile:37 apk-add-without-no-cache', 'modules-alpine.Dockerfile:53 apk-add-without-no-cache']
      : [];
    assert.deepEqual(noisy, real);
  });

  it('keeps the fix guarantees for every fix offered on the corpus', () => {
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const f of lintAll(text)) {
        for (const fix of f.fixes) {
          checkFixGuarantees(text, f, fix, `${path.basename(file)}:${f.range.start.line + 1} ${f.ruleId}`);
          checked++;
        }
      }
    }
    console.log(`checked ${checked} fixes`);
    assert.ok(checked > 0);
  });
});
