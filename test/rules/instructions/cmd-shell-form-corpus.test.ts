/**
 * cmd-shell-form round trip over the corpus: every exec-form CMD / ENTRYPOINT written back in
 * shell form (each word quoted for the shell where it needs it), then fixed: the fix gives the
 * same array again (JSON-escaped), the finding is gone and nothing new appears.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkFixGuarantees, corpusFiles, findingsOf, ready } from '../../helpers';
import { shellQuote } from '../../../server/src/rules/shell/general/consecutive-run';
import { DockerfileModel } from '../../../server/src/model';

const RULE = 'cmd-shell-form';

describe('cmd-shell-form: shell form → exec form round trip on the corpus', () => {
  before(() => ready);
  const { files, skip } = corpusFiles();
  it('gives back the original arrays', { skip }, () => {
    let tried = 0;
    let words = 0;
    let shell = 0;
    for (const file of files) {
      const original = fs.readFileSync(file, 'utf8');
      const lines = original.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const m = /^(CMD|ENTRYPOINT)[ \t]+(\[.*\])[ \t]*\r?$/.exec(lines[i]);
        if (!m) continue;
        let array: unknown;
        try {
          array = JSON.parse(m[2]);
        } catch {
          continue;
        }
        if (!Array.isArray(array) || array.length === 0 || !array.every((w) => typeof w === 'string' && w !== '')) continue;
        const shellForm = `${m[1]} ${(array as string[]).map((w, k) => shellQuote(w, k === 0)).join(' ')}`;
        const text = [...lines.slice(0, i), shellForm, ...lines.slice(i + 1)].join('\n');
        const f = findingsOf(text, RULE).find((x) => x.range.start.line === i);
        if (!f) continue; // a SHELL in the stage: not reported
        tried++;
        assert.equal(f.fixes.length, 1, `${file}:${i + 1} ${shellForm}`);
        const after = checkFixGuarantees(text, f, f.fixes[0], `${file}:${i + 1}`);
        const ins = new DockerfileModel(after).instructions.find((x) => x.startLine === i)!;
        if (f.fixes[0].title.includes('/bin/sh')) {
          // Only where a word is a shell builtin (`echo` …) or reads as an assignment.
          shell++;
          assert.deepEqual(ins.json?.slice(0, 2), ['/bin/sh', '-c'], shellForm);
        } else {
          words++;
          assert.deepEqual(ins.json, array, `${file}:${i + 1}: ${shellForm}`);
        }
      }
    }
    console.log(`cmd-shell-form: ${tried} corpus CMD/ENTRYPOINT lines in shell form fixed, ${words} back to the same array, ${shell} as /bin/sh -c`);
    assert.ok(tried > 0);
  });
});
