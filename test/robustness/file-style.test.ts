/**
 * fileStyle reads the text in place (no substring per line: it runs on every keystroke). It must
 * agree with the plain definition below — trimmed lines, regular expressions — on any text.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusFiles } from '../helpers';
import { fileStages, fileStyle, sameStageLines } from '../../server/src/model';
import { commonEnds } from '../../server/src/lint';
import { LineIndex } from '../../server/src/text';

function reference(lines: LineIndex): { indent: string; leadingOperator: boolean } {
  let indent: string | undefined;
  let leading = 0;
  let trailing = 0;
  let prevContinues = false;
  const last = Math.min(lines.lineCount, 2000);
  for (let i = 0; i < last && (indent === undefined || leading + trailing < 50); i++) {
    const raw = lines.lineText(i);
    const l = raw.trim();
    if (prevContinues && indent === undefined && l && !l.startsWith('#')) {
      const m = /^[ \t]+/.exec(raw);
      if (m) indent = m[0];
    }
    if (l.startsWith('&&')) leading++;
    else if (/&&\s*[\\`]$/.test(l)) trailing++;
    prevContinues = /[\\`]$/.test(l);
  }
  return { indent: indent ?? '    ', leadingOperator: leading > trailing };
}

function agree(text: string, label: string): void {
  const lines = new LineIndex(text);
  const got = fileStyle(lines);
  assert.deepEqual({ indent: got.indent, leadingOperator: got.leadingOperator }, reference(lines), label);
}

describe('fileStyle', () => {
  it('agrees with the plain definition on odd blanks, operators and line ends', () => {
    const cases = [
      '\uFEFFFROM a\nRUN a \\\n\t&& b \\\n  && c\n',
      'FROM a\r\nRUN a && \\\r\n    b && \\\r\n    c\r\n',
      'FROM a\rRUN a &&\u00a0\\\r\u3000b\r',
      '# escape=`\nFROM a\nRUN a &&  `\n  b\n',
      'RUN a \\\n# comment\n   \\\n \t x\n',
      'RUN a \\\n&&\\\n&& b\n',
      'RUN &&\\\n',
      '\\\n\\\n \\\n',
      '',
      '&',
      'RUN a \\\n\u2028 b\n',
    ];
    for (const [i, text] of cases.entries()) agree(text, `case ${i}`);
  });

  it('agrees on random mixes of blanks, operators and continuations', () => {
    const parts = ['RUN a', ' ', '\t', '&&', '\\', '`', '#', 'b', '\u00a0', '\uFEFF', '\n', '\r\n', '\r', '  && c \\\n', '&& \\\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let k = next() % 40; k > 0; k--) text += parts[next() % parts.length];
      agree(text, JSON.stringify(text));
    }
  });

  const { files, skip } = corpusFiles();
  it(`agrees on every corpus file (${files.length})`, { skip }, () => {
    for (const file of files) agree(fs.readFileSync(file, 'utf8'), file);
  });

  it('keeps the stages of the last text only when an edit cannot change them', () => {
    // Edits that make, break, move or only touch FROM and SHELL lines, on a small multi-stage file.
    const base = 'FROM alpine AS a\nSHELL ["/bin/ash", "-c"]\nRUN echo a \\\n  && echo b\n# ROM x\nfrom a as b\nRUN x\n  FROM b\nSHELL ["sh"]\nrun y\n';
    const inserts = ['x', 'F', 'f', 'S', ' ', '\t', '\n', '\r\n', '\r', 'FROM c\n', 'SHELL []\n', ' AS z', '\\'];
    let kept = 0;
    for (let at = 0; at <= base.length; at++) {
      const edits = [...inserts.map((x) => base.slice(0, at) + x + base.slice(at)), base.slice(0, at) + base.slice(at + 1), base.slice(0, at) + base.slice(at + 3)];
      for (const text of edits) {
        const old = new LineIndex(base);
        const now = new LineIndex(text);
        const same = commonEnds(base, text);
        if (!sameStageLines(old, now, same.prefix, same.suffix)) continue;
        kept++;
        assert.deepEqual(fileStages(now), fileStages(old), JSON.stringify(text));
      }
    }
    // Most edits (inside RUN lines and comments) keep them.
    assert.ok(kept > 300, `kept ${kept}`);
  });
});
