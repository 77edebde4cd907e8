/**
 * Property tests (fast-check) for the fix guarantees, on the corpus and on mutated variants of
 * it (CRLF, a BOM, lower-case keywords, the backtick escape, deeper indentation, comment lines
 * inside continuations, trailing blanks): linting never throws; every offered fix removes its
 * finding, brings no new finding, keeps every heredoc body byte for byte and is not offered
 * again; fix-all reaches a fixed point.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkFixGuarantees, corpusFiles, lintAll, ready, withRules } from '../helpers';
import { fixAll } from '../../server/src/fixAll';
import { DockerfileModel } from '../../server/src/model';

const { files, skip } = corpusFiles();

/** The heredoc bodies of a text, in order. */
function heredocBodies(text: string): string[] {
  try {
    const m = new DockerfileModel(text);
    return m.instructions.flatMap((i) => i.heredocs.map((h) => text.slice(h.contentStart, h.contentEnd)));
  } catch {
    return [];
  }
}

/** The opt-in rules whose fixes are checked too (turned on for every text). */
const OPT_IN_FIXES = ['install-packages-unsorted', 'consecutive-label', 'consecutive-env'];
const SETTINGS = withRules(Object.fromEntries(OPT_IN_FIXES.map((id) => [id, 'info' as const])));

type Mutation = (text: string) => string | null;

const KEYWORD_LINE = /^([ \t]*)(FROM|RUN|COPY|ADD|ENV|ARG|WORKDIR|USER|CMD|ENTRYPOINT|LABEL|EXPOSE)\b/gm;

const MUTATIONS: Record<string, Mutation> = {
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  bom: (t) => (t.startsWith('\uFEFF') ? null : `\uFEFF${t}`),
  lowercase: (t) => (/<</.test(t) ? null : t.replace(KEYWORD_LINE, (_m, ind: string, kw: string) => `${ind}${kw.toLowerCase()}`)),
  // `# escape=\`` with backtick continuations: only for files without backticks, heredocs or directives.
  backtick: (t) => (/[`]|<<|^#\s*\w+\s*=/m.test(t) ? null : `# escape=\`\n${t.replace(/\\(\r?\n)/g, '`$1')}`),
  indent: (t) => (/<</.test(t) ? null : t.replace(/\\(\r?\n)([ \t]+)(?=\S)/g, '\\$1$2  ')),
  // A comment line inside a continuation: Docker drops it; fixes must keep it.
  commentInContinuation: (t) => {
    const re = /\\(\r?\n)([ \t]+)(?=&&)/;
    if (/<</.test(t) || !re.test(t)) return null;
    return t.replace(re, (_m, nl: string, ind: string) => `\\${nl}${ind}# a note${nl}${ind}`);
  },
  // Stage names capitalised at their definition and at every reference (stage-name-casing renames them all back).
  stageNameCase: (t) => {
    const names = [...t.matchAll(/^[ \t]*FROM[ \t]+\S+[ \t]+AS[ \t]+([a-z][a-z0-9_.-]*)[ \t]*$/gim)].map((m) => m[1]).filter((n) => n === n.toLowerCase());
    if (names.length === 0) return null;
    let out = t;
    for (const n of new Set(names)) {
      const up = n[0].toUpperCase() + n.slice(1);
      const re = new RegExp(`(\\bAS[ \\t]+|^[ \\t]*FROM[ \\t]+|--from=|,from=)${n.replace(/[.]/g, '\\.')}(?=[\\s,]|$)`, 'gim');
      out = out.replace(re, (_m, pre: string) => `${pre}${up}`);
    }
    return out === t ? null : out;
  },
  trailingBlanks: (t) => (/<</.test(t) ? null : t.replace(/([^\\\s])(\r?\n)/g, '$1  $2')),
};

function checkText(text: string, label: string): number {
  const findings = lintAll(text, SETTINGS);
  const bodies = heredocBodies(text);
  let checked = 0;
  for (const f of findings) {
    for (const fix of f.fixes) {
      const after = checkFixGuarantees(text, f, fix, `${label} ${f.ruleId}:${f.range.start.line + 1} "${fix.title}"`, SETTINGS);
      assert.deepEqual(heredocBodies(after), bodies, `${label} ${f.ruleId} "${fix.title}" changed a heredoc body`);
      checked++;
    }
  }
  // Fix-all: a fixed point within its rounds, and a second run changes nothing.
  const once = fixAll(text, SETTINGS).text;
  assert.equal(fixAll(once, SETTINGS).text, once, `${label}: fix-all is not at a fixed point`);
  assert.deepEqual(heredocBodies(once), bodies, `${label}: fix-all changed a heredoc body`);
  return checked;
}

describe('fix properties', { skip }, () => {
  before(() => ready);

  it('hold on mutated corpus files (fast-check)', () => {
    const texts = files.map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
    const names = Object.keys(MUTATIONS);
    let fixes = 0;
    let mutants = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.subarray(names, { minLength: 1, maxLength: 3 }),
        (i, chosen) => {
          let text: string | null = texts[i].text;
          // A BOM only ever comes first in a file: apply it last.
          chosen.sort((a, b) => Number(a === 'bom') - Number(b === 'bom'));
          for (const m of chosen) {
            text = text === null ? null : MUTATIONS[m](text);
          }
          if (text === null) return true; // this mutation does not apply to this file
          mutants++;
          try {
            fixes += checkText(text, `${texts[i].name}+${chosen.join('+')}`);
          } catch (e) {
            // fast-check keeps only the counterexample: print what failed.
            console.log(String((e as Error)?.message ?? e).slice(0, 3000));
            throw e;
          }
          return true;
        },
      ),
      { numRuns: Number(process.env.DD_PROPERTY_RUNS ?? 120), seed: Number(process.env.DD_PROPERTY_SEED ?? 20261201) },
    );
    console.log(`fix properties: ${mutants} mutants, ${fixes} fixes checked`);
    assert.ok(mutants > 0);
  });

  it('hold on every corpus file as it is, with fixes per rule reported', () => {
    const perRule = new Map<string, { findings: number; withFix: number }>();
    let fixes = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const x of lintAll(text, SETTINGS)) {
        const e = perRule.get(x.ruleId) ?? { findings: 0, withFix: 0 };
        e.findings++;
        if (x.fixes.length > 0) e.withFix++;
        perRule.set(x.ruleId, e);
      }
      fixes += checkText(text, path.basename(f));
    }
    const share = [...perRule].map(([id, e]) => `${id} ${e.withFix}/${e.findings}`).join(', ');
    console.log(`corpus: ${fixes} fixes checked; findings with a fix per rule: ${share}`);
  });
});
