/**
 * The code-action menu over the real protocol: order (fix → ignore instruction → ignore file →
 * docs → fix all of the rule), ignore comments in the file's own style, a BOM kept first,
 * the offline docs request.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from './lsp';

function byCode(diags: Diagnostic[], code: string): Diagnostic {
  const d = diags.find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(diags.map((x) => x.code))}`);
  return d!;
}

describe('code-action menu', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize();
  });
  after(() => lsp.shutdown());

  it('lists the fix, the ignores, the docs, then "fix all" of the rule, in that order', async () => {
    const uri = 'file:///work/menu/Dockerfile';
    const text = 'FROM alpine:3.20\nADD a.txt /a.txt\nADD b.txt /b.txt\n';
    const { diagnostics } = await lsp.open(uri, text);
    const d = diagnostics.filter((x) => x.code === 'add-instead-of-copy');
    assert.equal(d.length, 2);
    const actions = await lsp.codeActions(uri, [d[0]]);
    assert.deepEqual(actions.map((a) => a.title), [
      'Use COPY instead of ADD',
      'Ignore add-instead-of-copy for this instruction',
      'Ignore add-instead-of-copy in this stage',
      'Ignore add-instead-of-copy for this file',
      'Show documentation for add-instead-of-copy',
      'Fix all add-instead-of-copy problems',
    ]);
    assert.equal(actions[0].isPreferred, true);
    // The stage ignore goes above the stage's FROM and silences both findings of the stage.
    const staged = applyEdits(text, actions[2].edit!.changes[uri]);
    assert.equal(staged, '# dockerfile-doctor stage ignore=add-instead-of-copy\nFROM alpine:3.20\nADD a.txt /a.txt\nADD b.txt /b.txt\n');
    assert.ok(!(await lsp.change(uri, staged))!.diagnostics.some((x) => x.code === 'add-instead-of-copy'));
    await lsp.change(uri, text);
    const docs = actions[4] as { command?: { command: string; arguments: unknown[] } };
    assert.deepEqual(docs.command?.arguments, ['add-instead-of-copy']);
    assert.equal(docs.command?.command, 'dockerfileDoctor.showRuleDocs');
    const all = applyEdits(text, actions[5].edit!.changes[uri]);
    assert.equal(all, 'FROM alpine:3.20\nCOPY a.txt /a.txt\nCOPY b.txt /b.txt\n');
    await lsp.close(uri);
  });

  it('extends an existing ignore comment (hadolint codes in hadolint comments) instead of adding one', async () => {
    const uri = 'file:///work/menu-extend/Dockerfile';
    const text = 'FROM alpine:3.20\n# hadolint ignore=DL3059\nRUN apk add curl\n';
    const { diagnostics } = await lsp.open(uri, text);
    const actions = await lsp.codeActions(uri, [byCode(diagnostics, 'apk-add-without-no-cache')]);
    const ignore = actions.find((a) => a.title.includes('for this instruction'))!;
    const fixed = applyEdits(text, ignore.edit!.changes[uri]);
    assert.equal(fixed, 'FROM alpine:3.20\n# hadolint ignore=DL3059,DL3019\nRUN apk add curl\n');
    const after = await lsp.change(uri, fixed);
    assert.ok(!after!.diagnostics.some((x) => x.code === 'apk-add-without-no-cache'));
    await lsp.close(uri);
  });

  it('extends a global ignore comment; puts a new one after a BOM and the directives', async () => {
    const uri = 'file:///work/menu-global/Dockerfile';
    const text = '# dockerfile-doctor global ignore=consecutive-run\nFROM alpine:3.20\nADD a /a\n';
    const { diagnostics } = await lsp.open(uri, text);
    const forFile = (await lsp.codeActions(uri, [byCode(diagnostics, 'add-instead-of-copy')])).find((a) => a.title.includes('for this file'))!;
    assert.equal(applyEdits(text, forFile.edit!.changes[uri]), '# dockerfile-doctor global ignore=consecutive-run,add-instead-of-copy\nFROM alpine:3.20\nADD a /a\n');
    await lsp.close(uri);

    const bomUri = 'file:///work/menu-bom/Dockerfile';
    const bom = '\uFEFFFROM alpine:3.20\nADD a /a\n';
    const r = await lsp.open(bomUri, bom);
    const actions = await lsp.codeActions(bomUri, [byCode(r.diagnostics, 'add-instead-of-copy')]);
    const fixed = applyEdits(bom, actions.find((a) => a.title.includes('for this file'))!.edit!.changes[bomUri]);
    assert.equal(fixed, '\uFEFF# dockerfile-doctor global ignore=add-instead-of-copy\nFROM alpine:3.20\nADD a /a\n');
    const after = await lsp.change(bomUri, fixed);
    assert.deepEqual(after!.diagnostics.map((x) => x.code), []);
    await lsp.close(bomUri);
  });

  it('serves a rule\'s docs by id or hadolint code', async () => {
    const docs = await lsp.request<{ id: string; markdown: string } | null>('dockerfileDoctor/ruleDocs', { id: 'DL3020' });
    assert.equal(docs?.id, 'add-instead-of-copy');
    assert.match(docs!.markdown, /^# add-instead-of-copy/);
    assert.equal(await lsp.request('dockerfileDoctor/ruleDocs', { id: 'no-such-rule' }), null);
    assert.equal(await lsp.request('dockerfileDoctor/ruleDocs', null), null);
  });
});

describe('code actions with a client that resolves edits lazily', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize('en', {
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
  });
  after(() => lsp.shutdown());

  it('"Fix all <rule>" comes without its edit, and codeAction/resolve computes it', async () => {
    const uri = 'file:///work/lazy/Dockerfile';
    const text = 'FROM alpine:3.20\nADD a.txt /a.txt\nADD b.txt /b.txt\nADD c.txt /c.txt\n';
    const { diagnostics } = await lsp.open(uri, text);
    const d = diagnostics.filter((x) => x.code === 'add-instead-of-copy');
    const actions = await lsp.codeActions(uri, [d[1]]);
    const all = actions.find((a) => a.title === 'Fix all add-instead-of-copy problems') as { edit?: unknown; data?: unknown };
    assert.ok(all, actions.map((a) => a.title).join(', '));
    assert.equal(all.edit, undefined, 'no edit up front');
    // The single fix still comes with its edit (taken from the published findings).
    assert.ok(actions[0].edit, 'the fix itself has its edit');
    assert.equal(applyEdits(text, actions[0].edit!.changes[uri]), 'FROM alpine:3.20\nADD a.txt /a.txt\nCOPY b.txt /b.txt\nADD c.txt /c.txt\n');
    const resolved = await lsp.request<{ edit?: { changes: Record<string, import('vscode-languageserver-protocol').TextEdit[]> } }>('codeAction/resolve', all);
    assert.equal(applyEdits(text, resolved.edit!.changes[uri]), 'FROM alpine:3.20\nCOPY a.txt /a.txt\nCOPY b.txt /b.txt\nCOPY c.txt /c.txt\n');
    // After a change, resolving the old action gives no edit (it would apply to other text).
    await lsp.change(uri, `${text}# more\n`);
    const stale = await lsp.request<{ edit?: unknown }>('codeAction/resolve', all);
    assert.equal(stale.edit, undefined);
    await lsp.close(uri);
  });
});
