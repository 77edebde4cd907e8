/**
 * "Merge with the next LABEL/ENV" over real LSP: offered while consecutive-label /
 * consecutive-env is off (the default), merges the pair, brings nothing new; not offered on
 * the last of a run, across a comment, for ENVs that read each other, or when the rule is on.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, LspClient } from './lsp';

type Action = { title: string; kind: string; edit?: { changes: Record<string, { range: unknown; newText: string }[]> } };

describe('refactor.rewrite: merge with the next LABEL / ENV', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize();
  });
  after(() => lsp.shutdown());

  const merges = async (uri: string, line: number) => ((await lsp.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 1 }, end: { line, character: 1 } },
    context: { diagnostics: [] },
  })) as Action[]).filter((a) => a.kind === 'refactor.rewrite' && /^Merge with the next (LABEL|ENV)$/.test(a.title));

  it('merges a LABEL with the next one, and an ENV with the next one', async () => {
    const uri = 'file:///work/mergekv1/Dockerfile';
    const text = 'FROM alpine:3.20\r\nLABEL a=1\r\nLABEL b=2\r\nLABEL c=3\r\nENV X=1\r\nENV Y 2\r\nENV Z=$Y\r\n';
    const { diagnostics } = await lsp.open(uri, text);
    const [a] = await merges(uri, 1);
    assert.equal(a.title, 'Merge with the next LABEL');
    const merged = applyEdits(text, a.edit!.changes[uri] as never);
    assert.equal(merged, 'FROM alpine:3.20\r\nLABEL a=1 \\\r\n    b=2\r\nLABEL c=3\r\nENV X=1\r\nENV Y 2\r\nENV Z=$Y\r\n');
    const [e] = await merges(uri, 4);
    assert.equal(e.title, 'Merge with the next ENV');
    assert.equal(applyEdits(text, e.edit!.changes[uri] as never), text.replace('ENV X=1\r\nENV Y 2', 'ENV X=1 \\\r\n    Y=2'));
    assert.deepEqual(await merges(uri, 3), [], 'last LABEL of the run');
    assert.deepEqual(await merges(uri, 5), [], 'ENV Z reads Y');
    const after = await lsp.change(uri, merged);
    const before = new Set(diagnostics.map((d) => d.code));
    assert.deepEqual(after!.diagnostics.map((d) => d.code).filter((c) => !before.has(c)), []);
    await lsp.close(uri);
  });

  it('is not offered across a comment, nor while the rule is on', async () => {
    const uri = 'file:///work/mergekv2/Dockerfile';
    const text = 'FROM alpine:3.20\nLABEL a=1\n# b\nLABEL b=2\nLABEL c=3\n';
    await lsp.open(uri, text);
    assert.deepEqual(await merges(uri, 1), []);
    assert.equal((await merges(uri, 3)).length, 1);
    await lsp.close(uri);
    lsp.settings = { rules: { 'consecutive-label': 'info' } };
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await lsp.open(uri, text);
    assert.deepEqual(await merges(uri, 3), []);
    lsp.settings = {};
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await lsp.close(uri);
  });
});
