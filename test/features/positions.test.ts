/**
 * Completion, hover, signature help and on-type formatting at every position of awkward
 * documents (half-typed, CRLF, lone CR, BOM, escape=`, heredocs, continuations) and at every
 * line of a sample of the corpus: they never throw and answer well-formed results.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { signatureHelp } from '../../server/src/features/signatureHelp';
import { formatOnType, formatRange } from '../../server/src/features/formatting';
import { corpusFiles } from '../helpers';

const NASTY = [
  '', ' ', '\\', '$', '${', '--', '#', '# ', '\uFEFF', '\uFEFF# syntax=', '# escape=`\n', '# check=skip=,;',
  'FROM', 'FROM ', 'FROM --platform=', 'FROM a AS', 'FROM a AS b\nCOPY --from=b ', 'RUN --mount=type=cache,,=,', 'RUN --mount=,type=',
  'FROM a\r\nRUN x \\\r\n  --y \\\r\n\r\n', 'FROM a\rRUN x \\\r# c\rRUN y\r', 'FROM a\nRUN <<EOF\n$X ${Y\nEOF\nCOPY <<A <<B /x\na\nA\nb\nB\n',
  'FROM a\nRUN <<EOF', 'ARG A=${B:-c}\nFROM x:$A\nARG A\nENV B=$A C="d e" \\\n  F=g\nRUN echo $B ${C} \\$D', 'ONBUILD', 'ONBUILD ONBUILD RUN --',
  'HEALTHCHECK --interval= CMD', 'HEALTHCHECK NONE x', '# hadolint ignore=\n# dockerfile-doctor global ignore=a,,b\nFROM x', 'ENV A B C\nARG\nLABEL =x',
  'FROM a\nCOPY ["a", \\\n "b"]\nCMD [\n', '# escape=`\nFROM a\nRUN a `\n  $B `\n\n  c', 'FROM a AS b\nFROM b AS c\nFROM c AS b\nFROM b\nENV $X',
];

function positions(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((l, line) => {
    for (let character = 0; character <= l.length + 1; character++) out.push({ line, character });
  });
  out.push({ line: lines.length + 2, character: 0 });
  return out;
}

function exercise(text: string, at: { line: number; character: number }[]): void {
  const doc = TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, text);
  const textDocument = { uri: doc.uri };
  for (const position of at) {
    const label = `${JSON.stringify(text.slice(0, 80))} at ${position.line}:${position.character}`;
    const items = completion(doc, { textDocument, position, context: { triggerKind: 1 } });
    assert.ok(Array.isArray(items), label);
    for (const i of items) assert.ok(typeof i.label === 'string' && i.label.length > 0, label);
    const h = hover(doc, { textDocument, position });
    if (h) assert.ok(typeof (h.contents as { value: string }).value === 'string', label);
    const s = signatureHelp(doc, { textDocument, position });
    if (s) assert.ok(s.signatures.length > 0 && (s.activeParameter ?? 0) < (s.signatures[s.activeSignature ?? 0].parameters?.length ?? 1), label);
    assert.ok(Array.isArray(formatOnType(doc, { textDocument, position, ch: '\n', options: { tabSize: 4, insertSpaces: true } }, { alignContinuations: false })), label);
  }
  assert.ok(Array.isArray(formatRange(doc, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, options: { tabSize: 4, insertSpaces: true } }, { alignContinuations: true })));
}

describe('editor features at every position', () => {
  it('awkward documents', () => {
    for (const text of NASTY) exercise(text, positions(text));
  });

  const { files, skip } = corpusFiles();
  it('a sample of the corpus, every line', { skip }, () => {
    for (const file of files.filter((_, i) => i % 8 === 0)) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split(/\r\n|\n|\r/);
      exercise(text, lines.flatMap((l, line) => [0, 1, Math.floor(l.length / 2), l.length].map((character) => ({ line, character }))));
    }
  });
});
