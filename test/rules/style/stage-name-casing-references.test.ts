/**
 * stage-name-casing's fix renames the stage and every reference in one edit: FROM <stage>,
 * COPY --from, RUN --mount from=, in any stage (other chunks too). After it no finding is left
 * and the build graph (which stage each FROM / --from / mount reads) is the same.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFix, corpusFiles, expectFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';
import { DockerfileModel } from '../../../server/src/model';
import { fixAll } from '../../../server/src/fixAll';

const RULE = 'stage-name-casing';

/** Which stage each FROM, COPY --from and mount from= reads: index, or the image / value as written, lower-cased as BuildKit does. */
function buildGraph(text: string): string[] {
  const m = new DockerfileModel(text);
  const names: (string | null)[] = [];
  const out: string[] = [];
  const resolve = (v: string, upTo: number) => {
    const i = names.slice(0, upTo).indexOf(v.toLowerCase());
    return i >= 0 ? `stage ${i}` : `image ${v.toLowerCase()}`;
  };
  const froms = m.instructions.filter((i) => i.keyword === 'FROM');
  const all = froms.map((f) => (f.args.length >= 3 ? f.args[2].value.toLowerCase() : null));
  for (const ins of m.instructions) {
    if (ins.keyword === 'FROM') {
      out.push(`FROM ${resolve(ins.args[0].value, names.length)}`);
      names.push(ins.args.length >= 3 ? ins.args[2].value.toLowerCase() : null);
      continue;
    }
    for (const f of ins.flags) {
      if (f.name === 'from' && f.value) out.push(`--from ${all.indexOf(f.value.toLowerCase())}`);
      if (f.name === 'mount' && f.value) for (const p of f.value.split(',')) if (/^from=/i.test(p)) out.push(`mount ${all.indexOf(p.slice(5).toLowerCase())}`);
    }
  }
  return out;
}

function fixAndCheck(input: string, expected: string): void {
  expectFix(input, RULE, expected);
  assert.deepEqual(findingsOf(expected, RULE), []);
  assert.deepEqual(buildGraph(expected), buildGraph(input));
}

describe('stage-name-casing: every reference renamed', () => {
  before(() => ready);

  it('renames FROM <stage>, COPY --from and RUN --mount from= in one fix', () => {
    const input = 'FROM golang:1.22 AS Builder\nRUN go build -o /out/app\n\nFROM Builder AS Test\nRUN go test\n\nFROM alpine:3.20\nCOPY --from=Builder /out/app /app\nCOPY --from=BUILDER /out/x /x\nRUN --mount=type=bind,from=Builder,source=/out,target=/mnt ls /mnt\n';
    const [f] = findingsOf(input, RULE).filter((x) => x.message.includes('Builder'));
    assert.equal(f.fixes[0].title, 'Change to builder here and in every reference');
    const after = applyFix(input, f.fixes[0]);
    assert.equal(after, 'FROM golang:1.22 AS builder\nRUN go build -o /out/app\n\nFROM builder AS Test\nRUN go test\n\nFROM alpine:3.20\nCOPY --from=builder /out/app /app\nCOPY --from=builder /out/x /x\nRUN --mount=type=bind,from=builder,source=/out,target=/mnt ls /mnt\n');
    assert.deepEqual(buildGraph(after), buildGraph(input));
    // Both names fixed: nothing left, same graph.
    const both = applyFix(after, findingsOf(after, RULE)[0].fixes[0]);
    assert.deepEqual(findingsOf(both, RULE), []);
    assert.deepEqual(buildGraph(both), buildGraph(input));
  });

  it('works with the stages in separate chunks, CRLF, lower-case keywords and the backtick escape', () => {
    fixAndCheck('FROM alpine:3.20 AS Base\r\nRUN a\r\nFROM node:20\r\nRUN b\r\nFROM base\r\nCOPY --from=Base /a /a\r\n',
      'FROM alpine:3.20 AS base\r\nRUN a\r\nFROM node:20\r\nRUN b\r\nFROM base\r\nCOPY --from=base /a /a\r\n');
    fixAndCheck('from alpine:3.20 as Deps\nfrom alpine:3.20\ncopy --from=Deps /a /a\n', 'from alpine:3.20 as deps\nfrom alpine:3.20\ncopy --from=deps /a /a\n');
    fixAndCheck('# escape=`\nFROM alpine:3.20 AS Deps\nFROM alpine:3.20\nCOPY --chown=1:1 `\n    --from=Deps /a /a\n', '# escape=`\nFROM alpine:3.20 AS deps\nFROM alpine:3.20\nCOPY --chown=1:1 `\n    --from=deps /a /a\n');
  });

  it('references COPY --from to a later stage too, but FROM only to an earlier one', () => {
    // BuildKit resolves COPY --from among all stages; FROM only among the earlier ones.
    fixAndCheck('FROM alpine:3.20\nCOPY --from=Late /a /a\nFROM alpine:3.20 AS Late\n', 'FROM alpine:3.20\nCOPY --from=late /a /a\nFROM alpine:3.20 AS late\n');
  });

  it('leaves expansions, numbers, images, quoted values and ONBUILD alone', () => {
    fixAndCheck('FROM alpine:3.20 AS Tools\nFROM alpine:3.20\nCOPY --from=$STAGE /a /a\nCOPY --from=0 /b /b\nCOPY --from=Tools/x /c /c\nONBUILD COPY --from=Tools /d /d\nCOPY --from=Tools /e /e\n',
      'FROM alpine:3.20 AS tools\nFROM alpine:3.20\nCOPY --from=$STAGE /a /a\nCOPY --from=0 /b /b\nCOPY --from=Tools/x /c /c\nONBUILD COPY --from=Tools /d /d\nCOPY --from=tools /e /e\n');
  });

  it('does not touch references to other stages or lower-case references', () => {
    const input = 'FROM alpine:3.20 AS Web\nFROM alpine:3.20 AS WebTools\nFROM alpine:3.20\nCOPY --from=WebTools /a /a\nCOPY --from=web /b /b\n';
    const expected = 'FROM alpine:3.20 AS web\nFROM alpine:3.20 AS WebTools\nFROM alpine:3.20\nCOPY --from=WebTools /a /a\nCOPY --from=web /b /b\n';
    expectFix(input, RULE, expected);
    assert.deepEqual(buildGraph(expected), buildGraph(input));
    assert.deepEqual(findingsOf(expected, RULE).map((f) => f.message), ["Stage name 'WebTools' should be lowercase"]);
    expectNone('FROM alpine:3.20 AS web\nFROM alpine:3.20\nCOPY --from=Web /a /a\n', RULE);
  });

  it('is silenced by ignore comments above the FROM', () => {
    expectNone('FROM alpine:3.20\n# check=skip=StageNameCasing\n# dockerfile-doctor ignore=stage-name-casing\nFROM alpine:3.20 AS Web\n', RULE);
  });
});

describe('stage-name-casing on the corpus with capitalised stage names', () => {
  before(() => ready);
  const { files, skip } = corpusFiles();
  it('renames every reference back: nothing left, nothing new, the same build graph', { skip }, () => {
    let mutated = 0;
    let fixed = 0;
    let restored = 0;
    for (const file of files) {
      const original = fs.readFileSync(file, 'utf8');
      const names = [...new Set([...original.matchAll(/^[ \t]*FROM[ \t]+\S+[ \t]+AS[ \t]+([a-z][a-z0-9_.-]*)[ \t]*$/gim)].map((m) => m[1]))];
      if (names.length === 0) continue;
      let text = original;
      for (const n of names) {
        const up = n[0].toUpperCase() + n.slice(1);
        text = text.replace(new RegExp(`(\\bAS[ \\t]+|^[ \\t]*FROM[ \\t]+|--from=|,from=)${n.replace(/[.]/g, '\\.')}(?=[\\s,]|$)`, 'gim'), (_m, pre: string) => `${pre}${up}`);
      }
      if (text === original) continue;
      mutated++;
      const before = lintAll(text);
      const result = fixAll(text, undefined, { ruleIds: new Set([RULE]) });
      fixed += before.filter((f) => f.ruleId === RULE).length;
      const after = lintAll(result.text);
      assert.deepEqual(after.filter((f) => f.ruleId === RULE), [], path.basename(file));
      const count = (list: typeof before) => list.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
      const b = count(before);
      for (const [rule, n] of count(after)) assert.ok(n <= (b.get(rule) ?? 0), `${path.basename(file)}: new ${rule}`);
      assert.deepEqual(buildGraph(result.text), buildGraph(text), path.basename(file));
      if (result.text === original) restored++;
    }
    console.log(`stage-name-casing: ${mutated} corpus files with capitalised stage names, ${fixed} names fixed, ${restored} files back to the original text`);
    assert.ok(mutated > 0);
  });
});
