/**
 * Formatting over the real server: document, range and on-type; the alignContinuations
 * setting; what is never touched (heredoc bodies, quoted strings, comments' text, a word split
 * by a continuation); CRLF, `# escape=\``, BOM; idempotence; a 10,000-line file answers fast.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from './lsp';

let n = 0;

describe('formatting', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    const init = await lsp.initialize();
    const caps = init.capabilities as Record<string, unknown>;
    assert.ok(caps.documentFormattingProvider && caps.documentRangeFormattingProvider);
    assert.deepEqual(caps.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\n' });
  });
  after(() => lsp.shutdown());

  const options = { tabSize: 4, insertSpaces: true };

  async function format(text: string, settings: unknown = {}): Promise<string> {
    lsp.settings = settings;
    const uri = `file:///work/format/${++n}/Dockerfile`;
    await lsp.open(uri, text);
    const edits = await lsp.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    await lsp.close(uri);
    lsp.settings = {};
    return applyEdits(text, edits);
  }

  async function expectFormat(input: string, expected: string, settings?: unknown): Promise<void> {
    const out = await format(input, settings);
    assert.equal(out, expected);
    assert.equal(await format(out, settings), out, 'idempotent');
  }

  it('keyword casing to the majority, no indentation, one space after the keyword, trailing blanks', async () => {
    await expectFormat(
      'FROM alpine\n  run   echo hi   \nCOPY\ta b\nworkdir /app\nENV A=1\t\n\n# comment   \n',
      'FROM alpine\nRUN echo hi\nCOPY a b\nWORKDIR /app\nENV A=1\n\n# comment\n',
    );
    await expectFormat('from alpine\nrun echo\nCOPY a b\n', 'from alpine\nrun echo\ncopy a b\n');
    // An unknown word is left as written (it may be a typo the linter reports).
    await expectFormat('FROM a\nrUNN x\n', 'FROM a\nrUNN x\n');
  });

  it('continuation lines: the file indent, deeper lines keep their extra depth, one space before \\', async () => {
    await expectFormat(
      'FROM a\nRUN apt-get update &&   \\\n  apt-get install -y \\\n      curl    \\\n  && rm -rf /x\nRUN a \\\n    b \\\n c\nRUN d \\\n  e\n',
      'FROM a\nRUN apt-get update && \\\n  apt-get install -y \\\n      curl \\\n  && rm -rf /x\nRUN a \\\n     b \\\n  c\nRUN d \\\n  e\n',
    );
    // No indentation anywhere in the file: four spaces.
    await expectFormat('FROM a\nRUN a \\\nb\n', 'FROM a\nRUN a \\\n    b\n');
    // The file's own indent (tabs here) wins.
    await expectFormat(
      'FROM a\nRUN a \\\n\tb\nRUN c \\\n\td \\\n    e\n',
      'FROM a\nRUN a \\\n\tb\nRUN c \\\n\td \\\n\te\n',
    );
    // Comment lines inside a continuation: text untouched, col-0 comments stay.
    await expectFormat(
      'FROM a\nRUN a \\\n# a comment   \n  && b \\\n     #   indented   comment\n  && c\n',
      'FROM a\nRUN a \\\n# a comment\n  && b \\\n     #   indented   comment\n  && c\n',
    );
  });

  it('aligns the \\ of an instruction when dockerfileDoctor.format.alignContinuations is on', async () => {
    await expectFormat(
      'FROM a\nRUN apt-get install -y \\\n    curl \\\n    ca-certificates \\\n    && true\n',
      'FROM a\nRUN apt-get install -y \\\n    curl               \\\n    ca-certificates    \\\n    && true\n',
      { format: { alignContinuations: true } },
    );
    // Off again: one space.
    await expectFormat('FROM a\nRUN a     \\\n    b\n', 'FROM a\nRUN a \\\n    b\n', { format: { alignContinuations: false } });
  });

  it('never touches heredoc bodies, quoted strings, a split word, or the meaning', async () => {
    const heredoc = 'FROM a\nRUN <<EOF\n  echo   hi   \n\tindented\nEOF\ncopy <<CONF /etc/x.conf\nkey = value   \n   CONF\nCONF\n';
    assert.equal(await format(heredoc), 'FROM a\nRUN <<EOF\n  echo   hi   \n\tindented\nEOF\nCOPY <<CONF /etc/x.conf\nkey = value   \n   CONF\nCONF\n');
    // Inside quotes the whitespace before \ and the next line's indentation are part of the string.
    const quoted = 'FROM a\nRUN x \\\n    y\nRUN echo "one   \\\n      two" \\\n  && echo \'x   \\\n  y\'\n';
    assert.equal(await format(quoted), 'FROM a\nRUN x \\\n    y\nRUN echo "one   \\\n      two" \\\n    && echo \'x   \\\n  y\'\n');
    // `foo\` + `bar` is the word foobar: no blank is added.
    const split = 'FROM a\nRUN apt-get install foo\\\nbar\n';
    assert.equal(await format(split), split);
    // A shell comment: the quoting of the rest is not followed, nothing after it changes.
    const comment = 'FROM a\nRUN echo hi # it\'s \\\n  "x   \\\n  y"\n';
    assert.equal(await format(comment), comment);
    // JSON form keeps its strings.
    assert.equal(await format('FROM a\nRUN x \\\n    y\nCMD ["a  b", \\\n  "c"]\n'), 'FROM a\nRUN x \\\n    y\nCMD ["a  b", \\\n    "c"]\n');
  });

  it('CRLF, BOM, # escape=` and parser directives', async () => {
    await expectFormat('FROM a\r\nrun x  \\\r\n  y   \r\n', 'FROM a\r\nRUN x \\\r\n  y\r\n');
    await expectFormat('\uFEFFfrom a\nFROM b\nFROM c\n', '\uFEFFFROM a\nFROM b\nFROM c\n');
    await expectFormat('# escape=`\nFROM a\nRUN dir c:\\  `\n  && echo x\n', '# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo x\n');
    await expectFormat('# syntax=docker/dockerfile:1   \n# escape=\\\nFROM a\n', '# syntax=docker/dockerfile:1\n# escape=\\\nFROM a\n');
  });

  it('range formatting touches only the range', async () => {
    const text = 'FROM a\nRUN  x   \nrun  y   \nRUN  z   \n';
    const uri = 'file:///work/format/range/Dockerfile';
    await lsp.open(uri, text);
    const edits = await lsp.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri }, options, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } },
    });
    await lsp.close(uri);
    assert.equal(applyEdits(text, edits), 'FROM a\nRUN  x   \nRUN y\nRUN  z   \n');
  });

  it('on type: Enter after a continued line indents the new line and tidies the previous one', async () => {
    const text = 'FROM a\nRUN apt-get update &&   \\\n\n';
    const uri = 'file:///work/format/ontype/Dockerfile';
    await lsp.open(uri, text);
    const edits = await lsp.request<TextEdit[]>('textDocument/onTypeFormatting', {
      textDocument: { uri }, options, position: { line: 2, character: 0 }, ch: '\n',
    });
    assert.equal(applyEdits(text, edits), 'FROM a\nRUN apt-get update && \\\n    \n');
    // Not after a plain line.
    await lsp.change(uri, 'FROM a\nRUN x\n\n');
    assert.deepEqual(await lsp.request<TextEdit[]>('textDocument/onTypeFormatting', {
      textDocument: { uri }, options, position: { line: 2, character: 0 }, ch: '\n',
    }), []);
    await lsp.close(uri);
  });

  it('never throws on half-typed files', async () => {
    for (const t of ['', 'RUN', 'RUN \\', 'FROM a\nRUN <<EOF\nunterminated', 'FROM a\nRUN "open \\\n  quote', '\\\n\\\n', 'FROM a\r', 'ARG\n\tFROM', '# escape=`\nRUN `', 'COPY --from= \\\n']) {
      const out = await format(t);
      assert.equal(await format(out), out, JSON.stringify(t));
    }
  });

  it('answers fast on a 10,000-line file (p95 reported)', async () => {
    const parts = ['FROM alpine:3.20 AS base\n'];
    for (let i = 0; parts.join('').split('\n').length < 10000; i++) {
      parts.push(`run  apk add --no-cache \\\n  pkg${i}   \\\n  && echo "done ${i}"  \nENV V${i}=${i}\nCOPY --from=base /a${i} /b${i}\n`);
      if (i % 200 === 0) parts.push(`FROM base AS s${i}\n`);
    }
    const text = parts.join('');
    const uri = 'file:///work/format/big/Dockerfile';
    await lsp.open(uri, text);
    const lines = text.split('\n').length;
    const times: Record<string, number[]> = { formatting: [], completion: [], hover: [], signatureHelp: [] };
    const time = async (name: string, method: string, params: object) => {
      const t0 = performance.now();
      await lsp.request(method, { textDocument: { uri }, ...params });
      times[name].push(performance.now() - t0);
    };
    for (let i = 0; i < 20; i++) {
      const line = Math.floor((lines - 2) * (i / 20)) + 1;
      await time('completion', 'textDocument/completion', { position: { line, character: 0 } });
      await time('completion', 'textDocument/completion', { position: { line: lines - 2, character: 4 } });
      await time('hover', 'textDocument/hover', { position: { line, character: 1 } });
      await time('signatureHelp', 'textDocument/signatureHelp', { position: { line, character: 6 } });
      if (i < 8) await time('formatting', 'textDocument/formatting', { options });
    }
    await lsp.close(uri);
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
    const report = Object.entries(times).map(([k, v]) => `${k} p95 ${p95(v).toFixed(1)} ms`).join(', ');
    console.log(`# ${lines} lines: ${report}`);
    // The protocol round trip is included. The bounds are loose on purpose (the suite runs two
    // files at once on a shared 2-core machine): they catch a super-linear regression (seconds),
    // not noise; the figures themselves are in the README.
    assert.ok(p95(times.completion) < 500 && p95(times.hover) < 500 && p95(times.signatureHelp) < 500, report);
    assert.ok(p95(times.formatting) < 5000, report);
  });
});
