/**
 * LineIndex finds line starts with indexOf (it runs on every keystroke): it must agree with
 * the LSP definition of a line break (\n, \r\n, lone \r) on any mix of them.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/text';

function reference(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

describe('LineIndex', () => {
  it('agrees with the LSP line breaks on fixed cases', () => {
    for (const t of ['', 'a', '\n', '\r', '\r\n', '\n\r', 'a\r\nb\rc\nd', '\r\r\n\n\r', 'x\r', 'x\r\n', 'FROM a\r\nRUN b\n']) {
      assert.deepEqual(new LineIndex(t).starts, reference(t), JSON.stringify(t));
    }
  });

  it('agrees with the LSP line breaks on random mixes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['\r', '\n', '\r\n', 'a', 'b', ' '];
    for (let n = 0; n < 2000; n++) {
      let t = '';
      const len = Math.floor(rand() * 30);
      for (let k = 0; k < len; k++) t += alphabet[Math.floor(rand() * alphabet.length)];
      const index = new LineIndex(t);
      assert.deepEqual(index.starts, reference(t), JSON.stringify(t));
      for (let off = 0; off <= t.length; off++) {
        if (t[off - 1] === '\r' && t[off] === '\n') continue; // inside a CRLF: not a position
        assert.equal(index.offsetAt(index.positionAt(off)), off, `${JSON.stringify(t)} @${off}`);
      }
    }
  });
});
