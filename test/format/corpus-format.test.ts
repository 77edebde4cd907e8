/**
 * The formatter on every corpus file: idempotent; the instructions, their flags, arguments and
 * heredoc bodies are unchanged (dockerfile-ast parses before/after compared); comments keep their
 * text; the lint findings are the same (except casing/whitespace rules, none so far). And the
 * formatter's setting is read safely.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileModel, joinLogical, type InstructionInfo } from '../../server/src/model';
import { formatModel, type FormatOptions } from '../../server/src/features/formatting';
import { applyEdits } from '../server/lsp';
import { corpusFiles, lintAll, ready } from '../helpers';

export function format(text: string, opts: FormatOptions = { alignContinuations: false }): string {
  return applyEdits(text, formatModel(new DockerfileModel(text), opts));
}

/**
 * Docker's logical line of an instruction (continuations joined, comment and blank lines in
 * them dropped, as BuildKit does) with the blanks outside quotes collapsed: what the builder
 * sees, whitespace aside. Blanks inside quotes count. Up to the first heredoc body.
 */
export function logical(m: DockerfileModel, i: InstructionInfo): string {
  const end = i.heredocs.length > 0 ? Math.min(i.end, i.heredocs[0].contentStart) : i.end;
  const joined = joinLogical(m.text, i.keywordEnd, end, m.escape).text;
  let out = '';
  let q = '';
  let blank = false;
  for (let k = 0; k < joined.length; k++) {
    const c = joined[k];
    if (!q && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
      blank = true;
      continue;
    }
    if (blank && out) out += ' ';
    blank = false;
    out += c;
    if (q === "'") {
      if (c === "'") q = '';
    } else if ((c === '\\' || c === m.escape) && k + 1 < joined.length) {
      out += joined[++k];
    } else if (q === '"') {
      if (c === '"') q = '';
    } else if (c === '"' || c === "'") q = c;
  }
  return out;
}

/** What an instruction means, whitespace aside. */
export function meaning(text: string): unknown[] {
  const m = new DockerfileModel(text);
  return [
    m.escape,
    m.directives.map((d) => [d.name, d.value]),
    m.comments.map((c) => c.content),
    ...m.instructions.map((i) => ({
      keyword: i.keyword,
      logical: logical(m, i),
      flags: i.flags.map((f) => [f.name, f.value]),
      args: i.args.map((a) => a.value),
      json: i.json,
      heredocs: i.heredocs.map((h) => [h.name, m.text.slice(h.contentStart, h.contentEnd), h.terminated]),
    })),
  ];
}

const WHITESPACE_RULES = /casing|whitespace|indent/;

function findings(text: string): string[] {
  return lintAll(text).filter((f) => !WHITESPACE_RULES.test(f.ruleId)).map((f) => `${f.ruleId}@${f.range.start.line}`).sort();
}

describe('the meaning check itself', () => {
  it('sees blanks inside quotes and a word split by a continuation, not blanks outside', () => {
    assert.notDeepEqual(meaning('FROM a\nRUN echo "x  \\\n   y"\n'), meaning('FROM a\nRUN echo "x  \\\n    y"\n'));
    assert.notDeepEqual(meaning('FROM a\nRUN apt-get install foo\\\nbar\n'), meaning('FROM a\nRUN apt-get install foo\\\n    bar\n'));
    assert.notDeepEqual(meaning('FROM a\nRUN <<EOF\n a\nEOF\n'), meaning('FROM a\nRUN <<EOF\n  a\nEOF\n'));
    assert.deepEqual(meaning('FROM a\nRUN echo x  \\\n   y\n'), meaning('from a\n  RUN echo x \\\n    y\n'));
  });
});

describe('format settings', () => {
  it('dockerfileDoctor.format.alignContinuations: default false, read when boolean, reported otherwise, never throws', async () => {
    const { normalizeSettings, DEFAULT_SETTINGS } = await import('../../server/src/settings');
    assert.equal(DEFAULT_SETTINGS.format.alignContinuations, false);
    assert.equal(normalizeSettings({}).settings.format.alignContinuations, false);
    assert.equal(normalizeSettings({ format: { alignContinuations: true } }).settings.format.alignContinuations, true);
    for (const bad of [{ format: { alignContinuations: 'yes' } }, { format: 3 }, { format: [] }]) {
      const r = normalizeSettings(bad);
      assert.equal(r.settings.format.alignContinuations, false);
      assert.equal(r.problems.length, 1, JSON.stringify(bad));
    }
    assert.deepEqual(normalizeSettings({ format: null }).problems, []);
  });
});

const { files, skip } = corpusFiles();

describe('formatter on the corpus', { skip }, () => {
  for (const opts of [{ alignContinuations: false }, { alignContinuations: true }]) {
    it(`every file: idempotent, meaning and findings kept (align: ${opts.alignContinuations})`, async () => {
      await ready;
      let changed = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const name = path.basename(file);
        let once: string;
        try {
          once = format(text, opts);
        } catch (e) {
          assert.fail(`${name}: formatter threw ${(e as Error).stack}`);
        }
        if (once !== text) changed++;
        assert.equal(format(once, opts), once, `${name}: not idempotent`);
        assert.equal(once.split(/\r\n|\n|\r/).length, text.split(/\r\n|\n|\r/).length, `${name}: line count changed`);
        assert.deepEqual(meaning(once), meaning(text), `${name}: meaning changed`);
        if (!opts.alignContinuations) assert.deepEqual(findings(once), findings(text), `${name}: findings changed`);
      }
      assert.ok(changed > 0, 'the formatter changed no file at all');
    });
  }
});
