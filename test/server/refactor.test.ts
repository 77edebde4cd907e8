/**
 * The "Merge with the next RUN" refactoring over real LSP: offered on a RUN that
 * consecutive-run no longer reports (it chains several commands), with no diagnostic in the
 * request; applying it gives one RUN and nothing new.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, LspClient } from './lsp';

type Action = { title: string; kind: string; edit?: { changes: Record<string, { range: unknown; newText: string }[]> } };

describe('refactor.rewrite: merge with the next RUN', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    const init = await lsp.initialize();
    const kinds = (init.capabilities as { codeActionProvider: { codeActionKinds: string[] } }).codeActionProvider.codeActionKinds;
    assert.ok(kinds.includes('refactor.rewrite'), `advertised kinds: ${kinds}`);
  });
  after(() => lsp.shutdown());

  const at = (uri: string, line: number, only?: string[]) => lsp.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 2 }, end: { line, character: 2 } },
    context: { diagnostics: [], only },
  }) as Promise<Action[]>;

  it('is offered where the rule does not report, and merges', async () => {
    const uri = 'file:///work/refactor/Dockerfile';
    const text = 'FROM alpine:3.20\nRUN apk add --no-cache curl && mkdir /app && cd /app\nRUN echo ready\n';
    const { diagnostics } = await lsp.open(uri, text);
    assert.ok(!diagnostics.some((d) => d.code === 'consecutive-run'), 'a RUN of three commands is a deliberate split');
    const actions = (await at(uri, 1)).filter((a) => a.kind === 'refactor.rewrite');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Merge with the next RUN');
    const merged = applyEdits(text, actions[0].edit!.changes[uri] as never);
    assert.equal(merged, 'FROM alpine:3.20\nRUN ( apk add --no-cache curl && mkdir /app && cd /app ) && \\\n    echo ready\n');
    const after = await lsp.change(uri, merged);
    const before = new Set(diagnostics.map((d) => d.code));
    assert.deepEqual(after!.diagnostics.map((d) => d.code).filter((c) => !before.has(c)), [], 'nothing new after the merge');
    // Only when asked for refactorings (or for everything): not with `only: [quickfix]`.
    assert.deepEqual((await at(uri, 1, ['quickfix'])).filter((a) => a.kind === 'refactor.rewrite'), []);
    await lsp.close(uri);
  });

  it('is offered on every pair when consecutive-run is turned off', async () => {
    const uri = 'file:///work/refactor3/Dockerfile';
    lsp.settings = { rules: { DL3059: 'off' } };
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const text = 'FROM alpine:3.20\nRUN a\nRUN b\n';
    const { diagnostics } = await lsp.open(uri, text);
    assert.deepEqual(diagnostics, []);
    const actions = (await at(uri, 1)).filter((a) => a.kind === 'refactor.rewrite');
    assert.equal(applyEdits(text, actions[0].edit!.changes[uri] as never), 'FROM alpine:3.20\nRUN a && \\\n    b\n');
    lsp.settings = {};
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await lsp.close(uri);
  });

  it('is not offered on the last RUN, across other instructions, or where the quick fix merges', async () => {
    const uri = 'file:///work/refactor2/Dockerfile';
    const text = 'FROM alpine:3.20\nRUN a && b && c\nWORKDIR /x\nRUN d\nRUN e\n';
    await lsp.open(uri, text);
    for (const line of [1, 3, 4]) {
      const actions = (await at(uri, line, ['refactor'])).filter((a) => a.kind === 'refactor.rewrite');
      assert.deepEqual(actions, [], `line ${line}`);
    }
    await lsp.close(uri);
  });
});
