/**
 * Hover over the real server, in English and Chinese: instructions, every flag of every
 * instruction, mount types and options, parser directives, variables, stage references and
 * rule ids in ignore comments.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp';
import { cursor } from './cursor';
import { INSTRUCTION_DOCS, INSTRUCTION_FLAGS, DIRECTIVES } from '../../server/src/features/instructions';

let n = 0;

function hoverSuite(locale: string) {
  let lsp: LspClient;
  before(async () => {
    lsp = new LspClient();
    await lsp.initialize(locale, {
      capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
  });
  after(() => lsp.shutdown());

  async function hover(marked: string): Promise<Hover | null> {
    const { text, position } = cursor(marked);
    const uri = `file:///work/hover/${locale}/${++n}/Dockerfile`;
    await lsp.open(uri, text);
    const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    await lsp.close(uri);
    return h;
  }
  const value = (h: Hover | null) => {
    assert.ok(h, 'no hover');
    return (h.contents as { value: string }).value;
  };
  return { hover, value, lsp: () => lsp };
}

describe('hover (English)', () => {
  const { hover, value } = hoverSuite('en');

  it('every instruction, with its syntax, flags and a reference link', async () => {
    for (const kw of Object.keys(INSTRUCTION_DOCS)) {
      const text = kw === 'FROM' ? 'FR|OM alpine' : `FROM alpine\n${kw.slice(0, 1)}|${kw.slice(1).toLowerCase()} x`;
      const v = value(await hover(text));
      assert.match(v, new RegExp(`\\*\\*${kw}\\*\\*`));
      assert.ok(v.includes(`https://docs.docker.com/reference/dockerfile/#${kw.toLowerCase()}`), kw);
    }
    const h = await hover('FROM alpine\n  R|UN echo');
    assert.deepEqual(h!.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } });
  });

  it('every flag of every instruction', async () => {
    for (const [kw, flags] of Object.entries(INSTRUCTION_FLAGS)) {
      for (const f of flags) {
        const line = kw === 'FROM' ? `FROM --${f.name.slice(0, 1)}|${f.name.slice(1)}=x alpine` : `FROM alpine\n${kw} --${f.name.slice(0, 1)}|${f.name.slice(1)}=x a b`;
        const v = value(await hover(line));
        assert.ok(v.startsWith(`**--${f.name}**`), `${kw} --${f.name}: ${v}`);
      }
    }
    assert.match(value(await hover('FROM alpine\nRUN --fr|om=x echo')), /RUN does not accept the flag --from/);
  });

  it('mount types and options, with aliases', async () => {
    assert.match(value(await hover('FROM alpine\nRUN --mount=type=ca|che,target=/root/.cache echo')), /^\*\*type=cache\*\* — Mounts a persistent cache/);
    assert.match(value(await hover('FROM alpine\nRUN --mount=type=cache,sha|ring=locked,target=/x echo')), /^\*\*sharing\*\* — How concurrent builds/);
    assert.match(value(await hover('FROM alpine\nRUN --mount=type=bind,ds|t=/x echo')), /^\*\*dst\*\* — The mount path/);
    assert.match(value(await hover('FROM alpine\nRUN --mo|unt=type=secret,id=x echo')), /^\*\*--mount\*\*/);
    const h = await hover('FROM alpine\nRUN --mount=type=cache,sha|ring=locked,target=/x echo');
    assert.equal(h!.range!.start.character, 'RUN --mount=type=cache,'.length);
    assert.equal(h!.range!.end.character, 'RUN --mount=type=cache,sharing=locked'.length);
  });

  it('parser directives, BuildKit checks and rule ids in ignore comments', async () => {
    for (const d of Object.keys(DIRECTIVES)) assert.match(value(await hover(`# ${d.slice(0, 1)}|${d.slice(1)}=x\nFROM a`)), new RegExp(`# ${d}=`));
    assert.match(value(await hover('# check=skip=JSONArgs|Recommended\nFROM a')), /build-checks\/json-args-recommended\//);
    const ours = value(await hover('FROM a\n# dockerfile-doctor ignore=consecutive-r|un\nRUN x'));
    assert.match(ours, /\*\*consecutive-run\*\* \(DL3059\)/);
    assert.match(ours, /rules\/(?:[a-z]+\/)*consecutive-run\.md/);
    assert.match(value(await hover('FROM a\n# hadolint ignore=DL3020,DL30|59\nRUN x')), /consecutive-run/);
    assert.equal(await hover('FROM a\n# just a co|mment\nRUN x'), null);
    assert.equal(await hover('FROM a\n# sy|ntax=x\nRUN x'), null, 'not a directive after an instruction');
  });

  it('variables: where they are set and their value; global ARG in FROM; inherited ENV', async () => {
    const v = value(await hover('ARG VERSION=3.20\nFROM alpine:$VER|SION\n'));
    assert.match(v, /\*\*VERSION\*\* \(ARG\) — Value: `3\.20`/);
    assert.match(v, /line 1/);
    const h = await hover('FROM alpine\nENV APP_HOME=/srv\nWORKDIR ${APP_H|OME}/x\n');
    assert.match(value(h), /\(ENV\) — Value: `\/srv`/);
    assert.deepEqual(h!.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 19 } });
    assert.match(value(await hover('FROM alpine AS base\nENV APP=/srv\nFROM base\nRUN cd $A|PP\n')), /inherited from the parent stage/);
    assert.match(value(await hover('FROM alpine\nRUN echo $NOT_SE|T\n')), /is not set by an ARG or ENV/);
    assert.match(value(await hover('FROM --platform=$BUILDPLAT|FORM golang\n')), /Platform of the machine running the build/);
    assert.match(value(await hover('FROM alpine\nENV X=1\nRUN <<EOF\necho $|X\nEOF\n')), /\(ENV\) — Value: `1`/);
    assert.equal(await hover('FROM alpine\nCOPY <<EOF /a\n$|X\nEOF\n'), null, 'a COPY heredoc body is file content');
  });

  it('stage references: FROM <stage>, COPY --from=, --mount from=', async () => {
    const doc = 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\n';
    assert.match(value(await hover(`${doc}COPY --from=bu|ild /out /app`)), /Build stage `build`, defined on line 1:[\s\S]*FROM golang:1\.22 AS build/);
    assert.match(value(await hover(`${doc}FROM bu|ild AS again`)), /defined on line 1/);
    assert.match(value(await hover(`${doc}RUN --mount=type=bind,from=bu|ild,target=/b ls`)), /defined on line 1/);
  });

  it('never throws: half-typed, CRLF, escape=`, continuations', async () => {
    assert.match(value(await hover('FROM alpine\r\nRUN --net|work=host x\r\n')), /^\*\*--network\*\*/);
    assert.match(value(await hover('# escape=`\nFROM alpine\nRUN echo a `\n    $H|OME')), /HOME/);
    assert.match(value(await hover('FROM alpine\nCOPY \\\n  --ch|own=1:1 a b')), /^\*\*--chown\*\*/);
    for (const t of ['|', 'F|', '--|', '$|', '${|', '# |', 'FROM a\nRUN --mount=|', 'FROM a\nRUN --mount=type=|,', '\uFEFF# sy|ntax=x']) {
      await hover(t);
    }
  });
});

describe('hover and completion (Chinese)', () => {
  const { hover, value, lsp } = hoverSuite('zh-cn');
  it('snippet names and descriptions, keyword docs and flag docs in Chinese', async () => {
    const uri = 'file:///work/hover/zh-cn/completion/Dockerfile';
    await lsp().open(uri, 'FROM alpine\nmirror-apk\nRUN --');
    const items = await lsp().request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 10 } });
    const snippet = items.find((i) => i.label === 'mirror-apk')!;
    assert.equal(snippet.detail, 'Alpine：切换 apk 镜像源');
    assert.match((snippet.documentation as { value: string }).value, /将 Alpine 的 apk 软件源/);
    assert.match((items.find((i) => i.label === 'RUN')!.documentation as { value: string }).value, /[\u4e00-\u9fff]/);
    const flags = await lsp().request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 6 } });
    assert.match((flags.find((i) => i.label === '--mount')!.documentation as { value: string }).value, /挂载/);
    await lsp().close(uri);
  });

  it('instructions, flags, directives and variables in Chinese', async () => {
    assert.match(value(await hover('FR|OM alpine')), /基础镜像/);
    assert.match(value(await hover('FROM alpine\nRUN --mount=type=ca|che,target=/x echo')), /缓存/);
    assert.match(value(await hover('# esc|ape=`\nFROM a')), /转义/);
    assert.match(value(await hover('ARG V=1\nFROM alpine:$|V')), /值：`1`/);
  });
});
