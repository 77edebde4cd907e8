/**
 * The linter splits a file into chunks (one per build stage) and caches each chunk's
 * findings. That is an optimisation only: chunked, cached and whole-file linting must
 * report exactly the same findings and fixes, whatever the file looks like.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusFiles, ready } from '../helpers';
import { Linter } from '../../server/src/lint';
import { fixAll } from '../../server/src/fixAll';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';

function same(text: string, label: string, warm = new Linter()): void {
  const whole = new Linter({ chunked: false }).lint(text);
  assert.deepEqual(warm.lint(text), whole, `${label}: chunked linting differs from whole-file linting`);
  assert.deepEqual(warm.lint(text), whole, `${label}: a cached re-lint differs from whole-file linting`);
}

const TRICKY: Record<string, string> = {
  'a heredoc whose body holds a FROM line': [
    'FROM alpine',
    'RUN <<EOF',
    'apk add curl',
    'FROM nothing',
    'EOF',
    'RUN apk add git',
    'FROM alpine AS two',
    'RUN echo a',
    'RUN echo b',
    '',
  ].join('\n'),
  'a heredoc closed after several FROM lines, then more stages': 'FROM alpine\nRUN <<EOF\nFROM a\nFROM b\nFROM c\nEOF\nRUN apk add q\nFROM alpine\nRUN echo 1\nRUN echo 2\nFROM alpine\nADD a /a\n',
  'a <<- heredoc closed by a tab-indented delimiter': 'FROM alpine\nRUN <<-EOT sh\n\tFROM x\n\tEOT\nRUN echo a\nFROM alpine\nRUN apk add z\n',
  'a heredoc left open to the end': 'FROM alpine\nRUN <<EOF\napk add x\nFROM busybox\nRUN apk add y\n',
  'a COPY heredoc holding FROM lines': 'FROM alpine\nCOPY <<EOT /a\nFROM x\nFROM y\nEOT\nRUN apk add a\nFROM alpine\nRUN apk add b\n',
  'the escape directive': '# escape=`\nFROM alpine\nRUN apk add a `\n  b\nRUN echo c\nFROM alpine\nRUN echo d\nRUN echo e\n',
  'a continuation before FROM': 'FROM alpine\nRUN echo a \\\nFROM alpine\nRUN echo b\nRUN echo c\n',
  'comments above FROM': 'FROM alpine\nRUN echo a\n# the second stage\n# dockerfile-doctor ignore=consecutive-run\nFROM alpine\nRUN echo b\nRUN echo c\n',
  'a global ignore comment in a later stage': 'FROM alpine\nRUN echo a\nRUN echo b\nFROM alpine\n# hadolint global ignore=DL3059\nRUN echo c\nRUN echo d\n',
  'BuildKit check=skip': '# check=skip=JSONArgsRecommended\nFROM alpine\nADD a /a\nFROM alpine\nADD b /b\n',
  'ARG before FROM and errors in stages': 'ARG V=1\nFROM alpine:$V\nFOO bar\nRUN\nFROM alpine\nCMD [\"a\",\n',
  'leading-operator style set by another stage': [
    'FROM alpine',
    'RUN apk add a \\',
    '    && echo a',
    'FROM alpine',
    'RUN echo b',
    'RUN echo c',
    '',
  ].join('\n'),
  'SHELL and base image inherited from an earlier stage': [
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base',
    'SHELL ["powershell", "-Command"]',
    'RUN a',
    'FROM base AS build',
    'RUN b',
    'RUN c',
    'FROM alpine AS linux',
    'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]',
    'FROM linux',
    'RUN set -e; d',
    'RUN e',
    '',
  ].join('\n'),
  'whole-file stage rules: names, --from, USER, WORKDIR and glibc/Alpine across chunks': [
    'FROM golang:1.23 AS Build',
    'WORKDIR /src',
    'USER root',
    'RUN go build -o /out/app .',
    'COPY --from=build /x /y',
    '',
    'FROM build AS test',
    'WORKDIR sub',
    'COPY a.txt b.txt ./',
    'RUN go test ./...',
    '',
    '# a comment above the FROM',
    'FROM node:22 AS build',
    'COPY . .',
    'WORKDIR rel',
    'HEALTHCHECK NONE',
    '',
    'FROM node AS deps',
    'COPY --from=test /src/tool /usr/local/bin/',
    'COPY --from=7 /a /b',
    'COPY --from=tset /a /b',
    'FROM alpine:3.20 AS runtime',
    'COPY --from=0 /out/app /usr/local/bin/app',
    'COPY --from=deps /app/node_modules ./node_modules',
    'USER app',
    '',
    'FROM runtime',
    'CMD run',
    'CMD ["run"]',
    '',
  ].join('\n'),
  'global ARG defaults (first chunk) read by FROM lines of later chunks': 'ARG V=latest\nARG B=alpine\nARG T=${B}:3.20\nFROM ruby:${V}\nRUN a\nFROM ${B} AS b\nRUN b\nFROM $T\nCOPY --from=b /x /y\n',
  'the final stage inherits USER root through FROM <stage> defined two chunks up': 'FROM alpine:3.20 AS base\nUSER root\nRUN a\nFROM alpine:3.20\nRUN b\nFROM base\nRUN c\n',
  'CRLF': 'FROM alpine\r\nRUN echo a\r\nRUN echo b\r\nFROM alpine\r\nADD x /x\r\n',
  'from in lower case and indented': 'from alpine\nrun echo a\n  from alpine\nrun echo b\nrun echo c\n',
};

describe('chunked linting equals whole-file linting', () => {
  before(() => ready);

  for (const [label, text] of Object.entries(TRICKY)) {
    it(label, () => same(text, label));
  }

  it('stays equal while a file is edited line by line (one warm linter)', () => {
    const warm = new Linter();
    const base = Object.values(TRICKY).join('\n');
    const lines = base.split('\n');
    // Grow the file one line at a time, then delete from the top: every prefix and suffix.
    for (let i = 1; i <= lines.length; i++) same(lines.slice(0, i).join('\n'), `prefix ${i}`, warm);
    for (let i = 1; i < lines.length; i++) same(lines.slice(i).join('\n'), `suffix ${i}`, warm);
  });

  it('stays equal while typing inside lines (one warm linter: the file-level rules are skipped when their facts did not change)', () => {
    const warm = new Linter();
    let text = Object.values(TRICKY).join('\n');
    // Edits that keep every line where it is, each touching what a file-level rule reads: a
    // stage name, a --from reference, a USER, a base image, an ARG default, a RUN script.
    const edits: [RegExp, string][] = [
      [/AS Build/, 'AS Builds'], [/--from=build/, '--from=buil'], [/USER app/, 'USER root'], [/FROM node:22/, 'FROM node:latest'],
      [/ARG V=latest/, 'ARG V='], [/RUN go test/, 'RUN apk add go && go test'], [/--from=tset/, '--from=test'], [/FROM runtime/, 'FROM runtim'],
    ];
    for (const [re, to] of edits) {
      const m = re.exec(text);
      assert.ok(m, `the fixture has ${re}`);
      const target = text.slice(0, m.index) + to + text.slice(m.index + m[0].length);
      // Character by character from the old text to the new one: every step is a keystroke.
      const keep = m[0].length;
      let cur = text;
      for (let k = keep; k > 0; k--) {
        cur = cur.slice(0, m.index + k - 1) + cur.slice(m.index + k);
        same(cur, `deleting ${re} (${k})`, warm);
      }
      for (let k = 1; k <= to.length; k++) {
        cur = cur.slice(0, m.index) + to.slice(0, k) + text.slice(m.index + keep);
        same(cur, `typing ${to.slice(0, k)}`, warm);
      }
      assert.equal(cur, target);
      text = target;
    }
  });

  it('stays equal while lines are added and removed (one warm linter: file-level reports move with their chunks)', () => {
    const warm = new Linter();
    const base = Object.values(TRICKY).join('\n');
    const lines = base.split('\n');
    same(base, 'the fixture', warm);
    // Enter at the start of every line, then the line taken away again; a comment and a blank
    // line, which move the chunks below without changing what any rule reads.
    for (let i = 0; i < lines.length; i++) {
      for (const extra of ['', '# a comment']) {
        same([...lines.slice(0, i), extra, ...lines.slice(i)].join('\n'), `${JSON.stringify(extra)} added at line ${i + 1}`, warm);
        same(base, `and removed again (line ${i + 1})`, warm);
      }
    }
    // A line removed: every chunk below moves up.
    for (let i = 0; i < lines.length; i += 3) same([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), `line ${i + 1} removed`, warm);
  });

  it('a document opened after another one with the same text was closed starts from its chunks, with equal findings', () => {
    const text = Object.values(TRICKY).join('\n');
    const first = new Linter();
    same(text, 'the first document', first);
    first.dispose();
    // Another escape character and style: the closed chunks do not apply and are not used.
    same(`# escape=\`\n${text}`, 'another escape directive, after the close');
    const second = new Linter();
    same(text, 'the same text in a new document', second);
    second.dispose();
    second.dispose(); // twice is harmless
    same(text.replace(/alpine/g, 'alpine:3.20'), 'an edited text in a new document');
  });

  it('a fix-all on a fork of the document\'s linter leaves it right for the old text and the fixed one', () => {
    const text = Object.values(TRICKY).join('\n');
    const warm = new Linter();
    same(text, 'before the fix-all', warm);
    const fixed = fixAll(text, undefined, { linter: warm }).text;
    assert.notEqual(fixed, text, 'the fixture has fixable problems');
    same(text, 'the old text after the fix-all', warm);
    same(fixed, 'the fixed text', warm);
    same(text, 'and back', warm);
  });

  it('rules off by the settings are not checked, and one turned on (or off) re-checks the warm chunks', () => {
    const text = ['FROM alpine', 'LABEL b=1', 'LABEL a=2', 'RUN apk add --no-cache zlib curl', 'FROM debian', 'ENV A=1', 'ENV B=2', ''].join('\n');
    const warm = new Linter();
    const ids = (settings: Settings) => warm.lint(text, settings).map((f) => f.ruleId).sort();
    const wholeIds = (settings: Settings) => new Linter({ chunked: false }).lint(text, settings).map((f) => f.ruleId).sort();
    const optIn = ['consecutive-label', 'consecutive-env', 'install-packages-unsorted'];
    const on: Settings = { ...DEFAULT_SETTINGS, rules: Object.fromEntries(optIn.map((id) => [id, 'info'])) };
    const offToo: Settings = { ...on, rules: { ...on.rules, 'consecutive-env': 'off', 'apk-add-without-pin': 'off' } };
    const before = ids(DEFAULT_SETTINGS);
    for (const id of optIn) assert.ok(!before.includes(id), `${id} is opt-in`);
    assert.ok(before.includes('apk-add-without-pin'));
    const after = ids(on);
    for (const id of optIn) assert.ok(after.includes(id), `${id} turned on is reported by the warm linter`);
    assert.deepEqual(after, wholeIds(on));
    const third = ids(offToo);
    assert.ok(!third.includes('consecutive-env') && !third.includes('apk-add-without-pin') && third.includes('consecutive-label'));
    assert.deepEqual(third, wholeIds(offToo));
    assert.deepEqual(ids(DEFAULT_SETTINGS), before, 'and back to the defaults');
  });

  const { files, skip } = corpusFiles();
  it('a pragma comment after a heredoc, edited with a warm linter, re-checks the RUNs below it', () => {
    const warm = new Linter();
    const base = 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n# hadolint shell=pwsh\nRUN apt-get install curl\n';
    same(base, 'with the pragma', warm);
    same(base.replace('shell=pwsh', 'shell=bash'), 'the pragma edited to bash', warm);
    same(base.replace('apk add curl', 'apk add curl git'), 'the heredoc body edited', warm);
    same(base, 'and back', warm);
  });

  it('stays equal while one instruction after another is edited (instruction-scoped rules re-run on that one only)', { skip }, () => {
    // Every third corpus file, every fourth instruction line: a word typed at the end of the
    // instruction's first line (before a continuation), then taken away again. The warm linter
    // re-checks only that instruction with the instruction-scoped rules; whole-file linting
    // checks everything: any rule marked scoped that reads another instruction shows here.
    const warm = new Linter();
    const KEYWORD = /^\s*(RUN|COPY|ADD|ENV|ARG|LABEL|EXPOSE|WORKDIR|USER|CMD|ENTRYPOINT|HEALTHCHECK|VOLUME|STOPSIGNAL|MAINTAINER)\b/i;
    let edits = 0;
    for (let f = 0; f < files.length; f += 3) {
      const text = fs.readFileSync(files[f], 'utf8').replace(/\r\n/g, '\n');
      const lines = text.split('\n');
      same(text, files[f], warm);
      let seen = 0;
      for (let l = 0; l < lines.length; l++) {
        if (!KEYWORD.test(lines[l]) || seen++ % 4 !== 0) continue;
        const line = lines[l];
        const cont = line.trimEnd().endsWith('\\');
        const at = cont ? line.lastIndexOf('\\') : line.length;
        for (const word of [' x', ' $HOME', ' "a b"']) {
          const edited = [...lines.slice(0, l), line.slice(0, at) + word + line.slice(at), ...lines.slice(l + 1)].join('\n');
          same(edited, `${files[f]}: ${JSON.stringify(word)} typed in line ${l + 1}`, warm);
          assert.deepEqual(warm.lastErrors.filter((e) => e.includes('instruction-scoped')), [], `${files[f]}: line ${l + 1}`);
          edits++;
        }
        same(text, `${files[f]}: back to the file`, warm);
      }
    }
    assert.ok(edits > 300, `${edits} edits`);
  });

  it(`every corpus file (${files.length})`, { skip }, () => {
    const warm = new Linter();
    for (const file of files) same(fs.readFileSync(file, 'utf8'), file, warm);
  });
});
