/** Test documents with a `|` marking the cursor. */
import * as assert from 'node:assert/strict';

/** `text` with a `|` marking the cursor → the text without it and the LSP position. */
export function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'no | in the text');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const lines = marked.slice(0, at).split(/\r\n|\n|\r/);
  return { text, position: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}
