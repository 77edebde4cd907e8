/**
 * The "Sort packages" refactoring over real LSP: offered on a RUN whose install command is not
 * sorted (install-packages-unsorted is off by default), with no diagnostic in the request;
 * applying it sorts in place and brings nothing new. Not offered when the list is sorted,
 * on other instructions, in PowerShell stages, or when the rule is on (its quick fix does it).
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, LspClient } from './lsp';

type Action = { title: string; kind: string; edit?: { changes: Record<string, { range: unknown; newText: string }[]> } };

describe('refactor.rewrite: sort packages', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize();
  });
  after(() => lsp.shutdown());

  const at = (uri: string, line: number, only?: string[]) => lsp.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 2 }, end: { line, character: 2 } },
    context: { diagnostics: [], only },
  }) as Promise<Action[]>;
  const sorts = async (uri: string, line: number, only?: string[]) => (await at(uri, line, only)).filter((a) => a.kind === 'refactor.rewrite' && /Sort packages/.test(a.title));

  it('sorts a one-per-line apt list in place, from any line of the RUN', async () => {
    const uri = 'file:///work/sort1/Dockerfile';
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n      git \\\n      curl \\\n      git \\\n      ca-certificates \\\n    && rm -rf /var/lib/apt/lists/*\nUSER nobody\n';
    const { diagnostics } = await lsp.open(uri, text);
    const expected = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n      ca-certificates \\\n      curl \\\n      git \\\n    && rm -rf /var/lib/apt/lists/*\nUSER nobody\n';
    for (const line of [1, 3, 6]) {
      const actions = await sorts(uri, line);
      assert.equal(actions.length, 1, `line ${line}`);
      assert.equal(actions[0].title, 'Sort packages');
      assert.equal(applyEdits(text, actions[0].edit!.changes[uri] as never), expected);
    }
    const after = await lsp.change(uri, expected);
    const before = new Set(diagnostics.map((d) => d.code));
    assert.deepEqual(after!.diagnostics.map((d) => d.code).filter((c) => !before.has(c)), [], 'nothing new after sorting');
    assert.deepEqual(await sorts(uri, 2), [], 'sorted: not offered again');
    assert.deepEqual(await sorts(uri, 1, ['quickfix']), [], 'not with only: [quickfix]');
    assert.deepEqual(await sorts(uri, 7), [], 'not on USER');
    await lsp.close(uri);
  });

  it('says unsafe for pip, and is not offered in a PowerShell stage', async () => {
    const uri = 'file:///work/sort2/Dockerfile';
    const text = 'FROM python:3.12\nRUN pip install --no-cache-dir six attrs\nFROM python:3.12 AS w\nSHELL ["pwsh", "-c"]\nRUN apk add git curl\n';
    await lsp.open(uri, text);
    const [a] = await sorts(uri, 1);
    assert.equal(a.title, 'Sort packages (unsafe: review the result)');
    assert.equal(applyEdits(text, a.edit!.changes[uri] as never), text.replace('six attrs', 'attrs six'));
    assert.deepEqual(await sorts(uri, 4), []);
    await lsp.close(uri);
  });

  it('sorts the RUN of an ONBUILD; left to the quick fix when the rule is on', async () => {
    const uri = 'file:///work/sort3/Dockerfile';
    const text = 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache git curl\n';
    await lsp.open(uri, text);
    const [a] = await sorts(uri, 1);
    assert.equal(applyEdits(text, a.edit!.changes[uri] as never), 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl git\n');
    await lsp.close(uri);
    lsp.settings = { rules: { 'install-packages-unsorted': 'info' } };
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await lsp.open(uri, text);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'install-packages-unsorted').length, 1);
    assert.deepEqual(await sorts(uri, 1), []);
    lsp.settings = {};
    await lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await lsp.close(uri);
  });
});
