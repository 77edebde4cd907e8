/**
 * Completion and signature help over the real server: keywords and snippets at the start of a
 * line, flags and flag values, stages, variables in scope, directives and ignore comments;
 * nothing inside RUN scripts; half-typed lines, continuations, heredocs, CRLF, `# escape=`.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, SignatureHelp } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from './lsp';
import { cursor } from './cursor';

let n = 0;

describe('completion', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    const init = await lsp.initialize('en', {
      capabilities: {
        workspace: { configuration: true },
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
      },
      clientInfo: { name: 'test-client' },
    });
    const caps = init.capabilities as { completionProvider: { triggerCharacters: string[] }; signatureHelpProvider: unknown };
    assert.ok(caps.completionProvider.triggerCharacters.includes('$'));
    assert.ok(!caps.completionProvider.triggerCharacters.includes(' '), 'no pop-up on every space');
    assert.ok(caps.signatureHelpProvider);
  });
  after(() => lsp.shutdown());

  async function complete(marked: string, trigger?: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const uri = `file:///work/completion/${++n}/Dockerfile`;
    await lsp.open(uri, text);
    const items = await lsp.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri }, position,
      context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
    });
    await lsp.close(uri);
    return items;
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

  it('keywords at the start of a line, in the file casing, with snippet bodies, FROM and ARG first at the top', async () => {
    const top = await complete('|');
    assert.deepEqual(sorted(top).slice(0, 2), ['FROM', 'ARG']);
    const from = top.find((i) => i.label === 'FROM')!;
    assert.equal(from.insertTextFormat, 2);
    assert.match((from.textEdit as { newText: string }).newText, /^FROM \$\{1:image\}/);
    const lower = await complete('from alpine\nrun echo\nru|');
    assert.ok(labels(lower).includes('run'));
    assert.ok(!labels(lower).includes('RUN'));
    const upper = await complete('FROM alpine\nRUN echo\nco|');
    const copy = upper.find((i) => i.label === 'COPY')!;
    assert.deepEqual((copy.textEdit as { range: unknown }).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    assert.equal(sorted(upper)[0], 'RUN', 'RUN ranks first inside a stage');
    assert.ok(upper.find((i) => i.label === 'MAINTAINER')!.tags?.includes(1), 'MAINTAINER is deprecated');
    // Retyping the keyword of an existing instruction: the whole word, no snippet body, no snippets.
    const existing = await complete('FROM alpine\nCO|PX a b');
    const c2 = existing.find((i) => i.label === 'COPY')!;
    assert.deepEqual(c2.textEdit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, newText: 'COPY' });
    assert.equal(existing.filter((i) => i.kind === 15).length, 0);
  });

  it('serves the snippets of snippets/ (each prefix once, with the localised name)', async () => {
    const items = await complete('FROM alpine\nmirror|');
    const snippets = items.filter((i) => i.kind === 15);
    assert.ok(snippets.some((i) => i.label === 'mirror-apk' && /Alpine: switch apk mirror/.test(i.detail ?? '')));
    assert.equal(new Set(labels(snippets)).size, snippets.length, 'no snippet twice');
    const apk = snippets.find((i) => i.label === 'mirror-apk')!;
    assert.match((apk.textEdit as { newText: string }).newText, /\/etc\/apk\/repositories/);
  });

  it('no keyword soup inside a RUN script or a continuation; no pop-up on a trigger in plain text', async () => {
    assert.deepEqual(await complete('FROM alpine\nRUN apt-get ins|'), []);
    assert.deepEqual(await complete('FROM alpine\nRUN apt-get install \\\n    cu|'), []);
    assert.deepEqual(await complete('FROM alpine\nRUN apt-get install -|', '-'), []);
    assert.deepEqual(await complete('FROM alpine\nRUN echo a \\\n\n|'), []);
    assert.deepEqual(await complete('FROM alpine\nCOPY <<EOF /a\nRU|\nEOF\n'), [], 'nothing in a COPY heredoc body');
  });

  it('flags of the instruction being typed, only those it accepts and not present yet', async () => {
    assert.deepEqual(labels(await complete('FROM alpine\nRUN --|')).sort(), ['--mount', '--network', '--security']);
    const copy = labels(await complete('FROM alpine\nCOPY --from=x --|'));
    assert.ok(copy.includes('--chown') && copy.includes('--link') && !copy.includes('--from') && !copy.includes('--checksum'));
    assert.ok(labels(await complete('FROM alpine\nADD --|')).includes('--checksum'));
    assert.deepEqual(labels(await complete('--|')), [], 'a stray flag outside an instruction');
    assert.deepEqual(labels(await complete('FROM --|')), ['--platform']);
    assert.ok(labels(await complete('FROM alpine\nHEALTHCHECK --interval=5s --|')).includes('--retries'));
    assert.ok(!labels(await complete('FROM alpine\nHEALTHCHECK --interval=5s --|')).includes('--interval'));
    // Flags only before the arguments.
    assert.deepEqual(await complete('FROM alpine\nCOPY a --|'), []);
  });

  it('flag values: --mount types and options, --network, --security, --platform, --from stages', async () => {
    assert.deepEqual(labels(await complete('FROM alpine\nRUN --mount=type=|')), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
    const cache = labels(await complete('FROM alpine\nRUN --mount=type=cache,|'));
    assert.ok(cache.includes('target=') && cache.includes('sharing=') && cache.includes('id=') && !cache.includes('type='), cache.join());
    const secret = labels(await complete('FROM alpine\nRUN --mount=type=secret,id=x,|'));
    assert.ok(secret.includes('required=') && secret.includes('env=') && !secret.includes('id=') && !secret.includes('sharing='), secret.join());
    assert.ok(labels(await complete('FROM alpine\nRUN --mount=|')).includes('type='));
    assert.deepEqual(labels(await complete('FROM alpine\nRUN --mount=type=cache,sharing=|')), ['shared', 'private', 'locked']);
    const sharing = (await complete('FROM alpine\nRUN --mount=type=cache,sharing=lo|'))[0];
    assert.deepEqual((sharing.textEdit as { range: { start: { character: number } } }).range.start.character, 'RUN --mount=type=cache,sharing='.length);
    assert.deepEqual(labels(await complete('FROM alpine\nRUN --network=|')), ['default', 'none', 'host']);
    assert.deepEqual(labels(await complete('FROM alpine\nRUN --security=|')), ['insecure', 'sandbox']);
    const platforms = labels(await complete('FROM --platform=|'));
    assert.ok(platforms.includes('$BUILDPLATFORM') && platforms.includes('linux/arm64'));
    const multi = 'FROM golang AS build\nFROM alpine AS tools\nFROM scratch\n';
    assert.deepEqual(labels(await complete(`${multi}COPY --from=|`)).sort(), ['build', 'tools']);
    assert.deepEqual(labels(await complete(`${multi}RUN --mount=type=bind,from=|`)).sort(), ['build', 'tools']);
    assert.deepEqual(labels(await complete('FROM golang AS build\nCOPY --from=|\nFROM alpine AS later\n')), [], 'only earlier stages');
  });

  it('FROM <stage>: earlier stage names, then AS', async () => {
    assert.deepEqual(labels(await complete('FROM golang:1.22 AS build\nFROM b|')), ['build']);
    assert.deepEqual(labels(await complete('FROM golang:1.22 AS build\nFROM --platform=$BUILDPLATFORM |')), ['build']);
    assert.deepEqual(labels(await complete('FROM golang:1.22 |')), ['AS']);
    assert.deepEqual(labels(await complete('from golang:1.22 a|')), ['as']);
  });

  it('$ and ${: the ARG and ENV in scope with their values', async () => {
    const global = await complete('ARG VERSION=3.20\nARG LATER\nFROM alpine:$|');
    const v = global.find((i) => i.label === 'VERSION')!;
    assert.ok(v, labels(global).join());
    assert.match(v.detail!, /VERSION=3\.20/);
    assert.ok(labels(global).includes('TARGETPLATFORM'), 'predefined platform args in FROM');
    const stage = await complete('ARG VERSION=1\nFROM alpine\nARG VERSION\nENV HOME_DIR=/app\nRUN echo ${|\nENV AFTER=1\n');
    const names = labels(stage);
    assert.ok(names.includes('VERSION') && names.includes('HOME_DIR') && !names.includes('AFTER'), names.join());
    assert.match(stage.find((i) => i.label === 'VERSION')!.detail!, /VERSION=1/, 'redeclared global ARG keeps its default');
    assert.equal((stage.find((i) => i.label === 'HOME_DIR')!.textEdit as { newText: string }).newText, 'HOME_DIR}');
    const autoClosed = await complete('FROM alpine\nENV HOME_DIR=/app\nRUN echo ${|}\n');
    assert.equal((autoClosed.find((i) => i.label === 'HOME_DIR')!.textEdit as { newText: string }).newText, 'HOME_DIR', 'no second }');
    // A global ARG not redeclared in the stage is not in scope there.
    assert.ok(!labels(await complete('ARG VERSION=1\nFROM alpine\nRUN echo $|')).includes('VERSION'));
    // Multi-stage: ENV is inherited from the parent stage.
    const inherited = await complete('FROM alpine AS base\nENV APP=/srv\nFROM base\nRUN cd $|');
    assert.ok(labels(inherited).includes('APP'));
    // Escaped dollar: nothing.
    assert.deepEqual(await complete('FROM alpine\nRUN echo \\$|'), []);
    // In a RUN heredoc body variables are offered, in a continuation too.
    assert.ok(labels(await complete('FROM alpine\nENV X=1\nRUN <<EOF\necho $|\nEOF\n')).includes('X'));
    assert.ok(labels(await complete('FROM alpine\nENV X=1\nRUN echo a \\\n  $|')).includes('X'));
  });

  it('parser directives in the directive block and BuildKit check names in check=skip=', async () => {
    assert.deepEqual(labels(await complete('# |')), ['syntax', 'escape', 'check']);
    assert.deepEqual(labels(await complete('# syntax=docker/dockerfile:1\n# |')), ['escape', 'check']);
    assert.ok(labels(await complete('# syntax=|')).includes('docker/dockerfile:1'));
    assert.ok(labels(await complete('# check=skip=|')).includes('JSONArgsRecommended'));
    assert.ok(labels(await complete('# check=skip=JSONArgsRecommended,|')).includes('all'));
    // After the block, a comment is a comment.
    assert.ok(!labels(await complete('FROM alpine\n# |')).includes('syntax'));
  });

  it('rule ids and hadolint codes in ignore comments', async () => {
    const ours = labels(await complete('FROM alpine\n# dockerfile-doctor ignore=|\nRUN x'));
    assert.ok(ours.includes('consecutive-run') && ours.includes('DL3059'));
    const theirs = labels(await complete('FROM alpine\n# hadolint ignore=DL3059,|\nRUN x'));
    assert.ok(theirs.includes('DL3020') && !theirs.includes('DL3059') && !theirs.includes('consecutive-run'));
    assert.ok(labels(await complete('FROM alpine\n# |')).includes('dockerfile-doctor ignore='));
    assert.deepEqual(await complete('FROM alpine\n#|', '#'), [], 'starting a comment pops nothing up');
    assert.ok(labels(await complete('FROM alpine\n# ha|')).includes('hadolint ignore='));
  });

  it('half-typed lines, CRLF, BOM, escape=` and ONBUILD never throw and stay correct', async () => {
    assert.deepEqual(labels(await complete('FROM alpine\r\nRUN --mount=type=|\r\n')), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
    assert.ok(labels(await complete('\uFEFF# |')).includes('syntax'));
    assert.deepEqual(await complete('# escape=`\nFROM alpine\nRUN echo a `\n    b|'), []);
    assert.ok(labels(await complete('# escape=`\nFROM alpine\nENV A=1\nRUN echo a `\n    $|')).includes('A'));
    const onbuild = labels(await complete('FROM alpine\nONBUILD |'));
    assert.ok(onbuild.includes('RUN') && !onbuild.includes('FROM') && !onbuild.includes('ONBUILD'));
    assert.ok(labels(await complete('FROM alpine\nONBUILD COPY --|')).includes('--chown'));
    for (const t of ['|', 'F|', 'FROM|', 'FROM --platform|', 'RUN --mount=type=cache,,|', '${|', 'FROM a\nCOPY --from=|', '#|', '\n\n|\n', 'RUN <<EOF\n|', 'ARG |', 'HEALTHCHECK |']) {
      assert.ok(Array.isArray(await complete(t)), t);
    }
  });

  it('plain text for clients without snippet support', async () => {
    const plain = new LspClient();
    await plain.initialize();
    const uri = 'file:///work/completion/plain/Dockerfile';
    await plain.open(uri, 'FROM alpine\nCO');
    const items = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
    const copy = items.find((i) => i.label === 'COPY')!;
    assert.notEqual(copy.insertTextFormat, 2);
    assert.equal((copy.textEdit as { newText: string }).newText, 'COPY src dest');
    assert.equal(items.filter((i) => i.kind === 15).length, 0, 'snippets need snippet support');
    assert.equal(applyEdits('FROM alpine\nCO', [copy.textEdit as never]), 'FROM alpine\nCOPY src dest');
    await plain.shutdown();
  });
});

describe('signature help', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize();
  });
  after(() => lsp.shutdown());

  async function sig(marked: string): Promise<SignatureHelp | null> {
    const { text, position } = cursor(marked);
    const uri = `file:///work/signature/${++n}/Dockerfile`;
    await lsp.open(uri, text);
    const r = await lsp.request<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position });
    await lsp.close(uri);
    return r;
  }
  const active = (h: SignatureHelp | null) => {
    assert.ok(h);
    const s = h.signatures[h.activeSignature ?? 0];
    const p = s.parameters![h.activeParameter ?? 0].label as [number, number];
    return s.label.slice(p[0], p[1]);
  };

  it('COPY/ADD: sources, then the last argument is the destination', async () => {
    assert.equal(active(await sig('FROM a\nCOPY |')), '<src>...');
    assert.equal(active(await sig('FROM a\nCOPY app.py |')), '<dest>');
    assert.equal(active(await sig('FROM a\nCOPY a.py b.py |')), '<dest>');
    assert.equal(active(await sig('FROM a\nCOPY a.p|y b.py /app/')), '<src>...');
    assert.equal(active(await sig('FROM a\nCOPY a.py b.py /ap|p/')), '<dest>');
    assert.match(active(await sig('FROM a\nCOPY --chown=1:1| a b')), /^\[--from/);
    assert.equal(active(await sig('FROM a\nADD --link https://x/y.tgz \\\n    |')), '<dest>');
  });

  it('FROM, HEALTHCHECK (two forms), EXPOSE, USER, ENV, ONBUILD', async () => {
    assert.equal(active(await sig('FROM |')), '<image>[:<tag>|@<digest>]');
    assert.equal(active(await sig('FROM golang AS |')), '<name>');
    const hc = await sig('FROM a\nHEALTHCHECK NONE|');
    assert.equal(hc?.activeSignature, 1);
    assert.equal(active(await sig('FROM a\nHEALTHCHECK --interval=5s CMD |')), '<command>');
    assert.equal(active(await sig('FROM a\nEXPOSE 80 |')), '<port>[/<protocol>]...');
    assert.equal(active(await sig('FROM a\nUSER |')), '<user>[:<group>]');
    assert.equal(active(await sig('FROM a\nENV A=1 |')), '<key>=<value>...');
    assert.equal(active(await sig('FROM a\nONBUILD RUN |')), '<arguments>');
    assert.equal(await sig('FROM a\nRUN echo |'), null);
    assert.equal(await sig('FROM a\nCOPY <<EOF /a\n|\nEOF'), null);
  });
});
