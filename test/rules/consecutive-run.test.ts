import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, checkFixGuarantees, expectFix, expectNoFix, expectNone, findingsOf, lintAll, ready } from '../helpers';
import { fixAll } from '../../server/src/fixAll';
import { MAX_MERGE, mergeWithNext, planMerge } from '../../server/src/rules/shell/general/consecutive-run';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { DockerfileModel, type InstructionInfo } from '../../server/src/model';
import { runScripts } from '../../server/src/shell/script';
import { applyOffsetEdits } from '../../server/src/text';

/** The "Merge with the next RUN" refactoring on the RUN at `line`: the merged text, or null. */
function refactor(text: string, line: number): string | null {
  const model = new DockerfileModel(text);
  const ins = model.instructions.find((i) => i.startLine === line)!;
  const fix = mergeWithNext({ model, scripts: (i: InstructionInfo) => runScripts(model, i) }, ins);
  return fix ? applyOffsetEdits(text, fix.edits) : null;
}

/** Not reported (a RUN chains several commands); the refactoring merges it as expected. */
function expectRefactor(text: string, line: number, expected: string | null): void {
  expectNone(text, RULE);
  assert.equal(refactor(text, line), expected);
}

/** Every RUN of the text merged into one by the rule's planner (the text unchanged when it withholds). */
function mergeAll(text: string): string {
  const model = new DockerfileModel(text);
  const runs = model.instructions.filter((i) => i.keyword === 'RUN');
  const plan = planMerge({ model, scripts: (i: InstructionInfo) => runScripts(model, i) }, runs, model.instructions.indexOf(runs[0]));
  return 'fix' in plan ? applyOffsetEdits(text, plan.fix.edits) : text;
}

/**
 * The merge of the text's first group of consecutive RUNs: the rule's quick fix where it reports
 * them (with the fix guarantees), else the same planner as the "Merge with the next RUN"
 * refactoring (a RUN that chains commands is not reported, like hadolint's DL3059), checked to
 * bring no new finding.
 */
function expectMerge(text: string, rule: string, expected: string, opts: { finding?: number } = {}): void {
  if (findingsOf(text, rule).length > 0) return expectFix(text, rule, expected, opts);
  const plan = planGroup(text);
  assert.ok('fix' in plan, `no merge: ${'reason' in plan ? plan.reason : ''}\n${text}`);
  const after = applyOffsetEdits(text, plan.fix.edits);
  assert.equal(after, expected);
  const count = (t: string) => lintAll(t).reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>());
  const before = count(text);
  for (const [id, n] of count(after)) assert.ok(n <= (before.get(id) ?? 0), `the merge brought new ${id} findings:\n${after}`);
}

/** Why the first group of consecutive RUNs is not merged: the finding where the rule reports it, else the planner's reason. */
function expectWithheld(text: string, rule: string): { message: string }[] {
  if (findingsOf(text, rule).length > 0) return expectNoFix(text, rule);
  const plan = planGroup(text);
  assert.ok('reason' in plan, `merged, expected no merge:\n${text}`);
  return [{ message: plan.reason }];
}

function planGroup(text: string): ReturnType<typeof planMerge> {
  const model = new DockerfileModel(text);
  const list = model.instructions;
  const at = list.findIndex((i, k) => i.keyword === 'RUN' && list[k + 1]?.keyword === 'RUN' && list[k + 1].stage === i.stage);
  assert.ok(at >= 0, `no consecutive RUNs in:\n${text}`);
  let end = at + 1;
  while (list[end + 1]?.keyword === 'RUN' && list[end + 1].stage === list[at].stage) end++;
  return planMerge({ model, scripts: (i: InstructionInfo) => runScripts(model, i) }, list.slice(at, end + 1), at);
}

const RULE = 'consecutive-run';

describe(RULE, () => {
  before(() => ready);

  it('merges two RUNs with &&', () => {
    expectMerge('FROM alpine\nRUN echo a\nRUN echo b\n', RULE, 'FROM alpine\nRUN echo a && \\\n    echo b\n');
  });
  it('reports each RUN after the first and merges the whole group', () => {
    const text = 'FROM alpine\nRUN echo a\nRUN echo b\nRUN echo c\n';
    const found = findingsOf(text, RULE);
    assert.deepEqual(found.map((f) => f.range.start.line), [2, 3]);
    expectMerge(text, RULE, 'FROM alpine\nRUN echo a && \\\n    echo b && \\\n    echo c\n', { finding: 1 });
  });
  it('follows a leading-&& style and the file indentation', () => {
    const text = 'FROM alpine\nRUN apt-get update \\\n\t&& apt-get install -y x\nRUN echo b\n';
    expectMerge(text, RULE, 'FROM alpine\nRUN apt-get update \\\n\t&& apt-get install -y x \\\n\t&& echo b\n');
  });
  it('isolates commands that change shell state in a subshell', () => {
    expectMerge('FROM alpine\nRUN cd /src && make\nRUN make install\n', RULE, 'FROM alpine\nRUN ( cd /src && make ) && \\\n    make install\n');
    expectMerge('FROM alpine\nRUN export A=1\nRUN echo $A\n', RULE, 'FROM alpine\nRUN ( export A=1 ) && \\\n    echo $A\n');
    expectMerge('FROM alpine\nRUN A=1\nRUN echo $A\n', RULE, 'FROM alpine\nRUN ( A=1 ) && \\\n    echo $A\n');
    expectMerge('FROM alpine\nRUN umask 077\nRUN touch x\n', RULE, 'FROM alpine\nRUN ( umask 077 ) && \\\n    touch x\n');
    expectMerge('FROM alpine\nRUN . /env.sh\nRUN run\n', RULE, 'FROM alpine\nRUN ( . /env.sh ) && \\\n    run\n');
    expectMerge('FROM alpine\nRUN test -f x || exit 0\nRUN b\n', RULE, 'FROM alpine\nRUN ( test -f x || exit 0 ) && \\\n    b\n');
  });
  it('does not isolate state changes in the last RUN or inside subshells', () => {
    expectMerge('FROM alpine\nRUN echo a\nRUN cd /x && make\n', RULE, 'FROM alpine\nRUN echo a && \\\n    cd /x && make\n');
    expectMerge('FROM alpine\nRUN (cd /x && make)\nRUN b\n', RULE, 'FROM alpine\nRUN (cd /x && make) && \\\n    b\n');
  });
  it('groups lists so a failing command still fails the build', () => {
    // `a && set -e; b; c` would ignore a failing `a`: the second script is grouped.
    expectRefactor('FROM alpine\nRUN a\nRUN set -e; b; c\n', 1, 'FROM alpine\nRUN a && \\\n    ( set -e; b; c )\n');
    expectMerge('FROM alpine\nRUN a; b\nRUN c\n', RULE, 'FROM alpine\nRUN ( a; b ) && \\\n    c\n');
    expectMerge('FROM alpine\nRUN a || b\nRUN c\n', RULE, 'FROM alpine\nRUN a || b && \\\n    c\n');
    expectMerge('FROM alpine\nRUN a &\nRUN c\n', RULE, 'FROM alpine\nRUN ( a & ) && \\\n    c\n');
  });
  it('groups a later || list, so an earlier failure is not swallowed', () => {
    expectMerge('FROM node\nRUN npm ci\nRUN npm audit || echo "audit warnings ignored"\nRUN npm run build\n', RULE,
      'FROM node\nRUN npm ci && \\\n    ( npm audit || echo "audit warnings ignored" ) && \\\n    npm run build\n');
    expectMerge('FROM alpine\nRUN a\nRUN rm -f /x || true\n', RULE, 'FROM alpine\nRUN a && \\\n    ( rm -f /x || true )\n');
  });
  it('merges RUNs that rely on set -e with ";" under errexit instead of "&&"', () => {
    expectMerge('FROM alpine\nRUN set -eux; wget -O /tmp/app.tgz https://example.com/app.tgz\nRUN /opt/app/bin/app --version\n', RULE,
      'FROM alpine\nRUN set -eux; wget -O /tmp/app.tgz https://example.com/app.tgz; \\\n    /opt/app/bin/app --version\n');
    expectMerge('FROM alpine\nRUN set -o errexit; a\nRUN c\n', RULE, 'FROM alpine\nRUN set -o errexit; a; \\\n    c\n');
    // The longer scripts of the official images (a refactoring there: they are not reported).
    expectRefactor('FROM alpine\nRUN set -eux; \\\n    wget -O /tmp/app.tgz https://example.com/app.tgz; \\\n    tar -xzf /tmp/app.tgz -C /opt\nRUN set -eux; /opt/app/bin/app --version; rm /tmp/app.tgz\n', 1,
      'FROM alpine\nRUN set -eux; \\\n    wget -O /tmp/app.tgz https://example.com/app.tgz; \\\n    tar -xzf /tmp/app.tgz -C /opt; \\\n    set -eux; /opt/app/bin/app --version; rm /tmp/app.tgz\n');
    // What the first RUN changes besides its options stays in a subshell after its `set`.
    expectRefactor('FROM alpine\nRUN set -eux; savedAptMark="$(apt-mark showmanual)"; cd /usr/src; make\nRUN set -eux; make install; ls\n', 1,
      'FROM alpine\nRUN set -eux; ( savedAptMark="$(apt-mark showmanual)"; cd /usr/src; make ); \\\n    set -eux; make install; ls\n');
    // A later piece ending in an && list or compound command runs in a subshell (its failure stops the shell).
    assert.equal(mergeAll('FROM alpine\nRUN set -eux; a; b\nRUN set -eux; c; if [ -f x ]; then d; fi\nRUN set -eux; e; f && g\n'),
      'FROM alpine\nRUN set -eux; a; b; \\\n    ( set -eux; c; if [ -f x ]; then d; fi ); \\\n    set -eux; e; f && g\n');
    assert.equal(mergeAll('FROM alpine\nRUN set -eux; a; b\nRUN set -eux; c; d && e\nRUN set -euxo pipefail; f | g\nRUN set -eux; h\n'),
      'FROM alpine\nRUN set -eux; a; b; \\\n    ( set -eux; c; d && e ); \\\n    ( set -euxo pipefail; f | g ); \\\n    set -eux; h\n');
    // A trailing ";" is not doubled; comments between the RUNs stay; CRLF and the backtick escape.
    expectRefactor('FROM alpine\nRUN set -eux; a; b;\n# next\nRUN set -eux; c; d\n', 1, 'FROM alpine\nRUN set -eux; a; b; \\\n# next\n    set -eux; c; d\n');
    expectRefactor('FROM alpine\r\nRUN set -eux; a; b\r\nRUN set -eux; c; d\r\n', 1, 'FROM alpine\r\nRUN set -eux; a; b; \\\r\n    set -eux; c; d\r\n');
    expectRefactor('# escape=`\nFROM alpine\nRUN set -eux; a; `\n    b\nRUN set -eux; c; d\n', 2, '# escape=`\nFROM alpine\nRUN set -eux; a; `\n    b; `\n    set -eux; c; d\n');
    // Exec form after it: one quoted command.
    expectRefactor('FROM alpine\nRUN set -eux; a; b\nRUN ["/opt/app", "--check"]\n', 1, 'FROM alpine\nRUN set -eux; a; b; \\\n    /opt/app --check\n');
  });
  it('keeps withholding the set -e merges no rewrite keeps, and says why', () => {
    // No errexit from the first line: a later `set -e` would apply to nothing before it.
    assert.equal(refactor('FROM alpine\nRUN a && \\\n    ( set -e; b; c )\nRUN d\n', 1), null);
    const [f] = expectWithheld('FROM alpine\nRUN apt-get update; set -e\nRUN c\n', RULE);
    assert.match(f.message, /does not start with "set -e"/);
    // A later RUN without set -e that errexit (or nounset, pipefail) would change.
    assert.match(expectWithheld('FROM alpine\nRUN set -e; a\nRUN b; c\n', RULE)[0].message, /without "set -e" would run with errexit on/);
    assert.match(expectWithheld('FROM alpine\nRUN set -eu; a\nRUN echo "$X"\n', RULE)[0].message, /errexit/);
    assert.match(expectWithheld('FROM alpine\nRUN set -eo pipefail; a\nRUN b | c\n', RULE)[0].message, /errexit/);
    // A later RUN with fewer options than the first.
    assert.match(expectWithheld('FROM alpine\nRUN set -eu; a\nRUN set -e; b\n', RULE)[0].message, /other shell options/);
    // set +e, set --, a background job, a shell comment.
    expectWithheld('FROM alpine\nRUN set -e +u; a\nRUN c\n', RULE);
    expectWithheld('FROM alpine\nRUN set -e; a &\nRUN c\n', RULE);
    expectWithheld('FROM alpine\nRUN set -e; a # note\nRUN c\n', RULE);
    // A flat && chain keeps failing as it should.
    expectMerge('FROM alpine\nRUN set -ex && a\nRUN b\n', RULE, 'FROM alpine\nRUN ( set -ex && a ) && \\\n    b\n');
  });
  it('merges compound commands under a SHELL with -e, each in a subshell', () => {
    expectMerge('FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN if true; then apt-get update; fi\nRUN echo b\n', RULE,
      'FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN ( if true; then apt-get update; fi ); \\\n    echo b\n');
    expectRefactor('FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN if true; then apt-get update; apt-get install -y x; fi\nRUN echo b\n', 2,
      'FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN ( if true; then apt-get update; apt-get install -y x; fi ); \\\n    echo b\n');
    expectRefactor('FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b && c\nRUN d\n', 2,
      'FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b && c && \\\n    d\n');
  });
  it('follows the SHELL and base image a stage inherits from an earlier stage', () => {
    expectWithheld('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nSHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]\nFROM base AS build\nRUN New-Item -ItemType Directory C:\\app\nRUN Set-Location C:\\app\n', RULE);
    const [w] = expectWithheld('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\app\nRUN dir\n', RULE);
    assert.match(w.message, /Windows/);
    expectWithheld('FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022 AS b\nFROM b\nRUN a\nRUN c\n', RULE);
    expectMerge('FROM alpine AS base\nRUN true\nFROM base\nRUN a\nRUN b\n', RULE, 'FROM alpine AS base\nRUN true\nFROM base\nRUN a && \\\n    b\n');
  });
  it('isolates function definitions and builtins that set variables', () => {
    expectRefactor('FROM alpine\nWORKDIR /app\nRUN build_in() { cd "$1" && make; } && build_in /src/lib\nRUN make install\n', 2,
      'FROM alpine\nWORKDIR /app\nRUN ( build_in() { cd "$1" && make; } && build_in /src/lib ) && \\\n    make install\n');
    expectMerge('FROM alpine\nRUN read -r VERSION < /v\nRUN echo "$VERSION"\n', RULE, 'FROM alpine\nRUN ( read -r VERSION < /v ) && \\\n    echo "$VERSION"\n');
    expectMerge('FROM alpine\nRUN printf -v V %s 1\nRUN echo "$V"\n', RULE, 'FROM alpine\nRUN ( printf -v V %s 1 ) && \\\n    echo "$V"\n');
    expectMerge('FROM alpine\nRUN let n=1\nRUN echo "$n"\n', RULE, 'FROM alpine\nRUN ( let n=1 ) && \\\n    echo "$n"\n');
  });
  it('keeps ignore comments working: no merge across or under them', () => {
    const text = 'FROM alpine\nRUN echo one\n# hadolint ignore=DL3019\nRUN apk add curl\n';
    const [f] = expectWithheld(text, RULE);
    assert.match(f.message, /ignore/);
    // The middle RUN of three ignores this rule: its neighbours are not merged into or with it.
    const three = 'FROM alpine\nRUN a\nRUN b\n# dockerfile-doctor ignore=consecutive-run\nRUN c\nRUN d\n';
    const found = findingsOf(three, RULE);
    assert.deepEqual(found.map((x) => x.range.start.line), [2, 5]);
    const merged = applyFix(three, found[0].fixes[0]);
    assert.equal(merged, 'FROM alpine\nRUN a && \\\n    b\n# dockerfile-doctor ignore=consecutive-run\nRUN c\nRUN d\n');
    // `RUN c` now follows a RUN that chains two commands: not reported, so its ignore comment is
    // said to be unused (a hint); `RUN d` is still reported; nothing else changes.
    const before = lintAll(three).map((f) => f.ruleId).sort();
    const after = lintAll(merged).map((f) => f.ruleId).sort();
    before.splice(before.indexOf(RULE), 1);
    assert.deepEqual(after, [...before, 'unused-ignore'].sort());
    assert.deepEqual(found[1].fixes, []);
    expectWithheld('FROM alpine\n# hadolint ignore=DL3019\nRUN apk add x\nRUN echo b\n', RULE);
  });
  it('merges a long run in parts of MAX_MERGE that fix-all joins', () => {
    const n = MAX_MERGE * 2 + 3;
    const text = `FROM alpine\n${Array.from({ length: n }, (_, i) => `RUN echo ${i}\n`).join('')}`;
    const found = findingsOf(text, RULE);
    assert.equal(found.length, n - 1, 'every RUN after the first is reported once');
    for (const f of found) assert.equal(f.fixes.length, 1);
    // Every fix merges at most MAX_MERGE RUNs and keeps the guarantees.
    for (const f of [found[0], found[MAX_MERGE - 1], found[MAX_MERGE], found[n - 2]]) checkFixGuarantees(text, f, f.fixes[0], `finding ${f.range.start.line}`);
    // A merged part chains many commands: like hadolint, the rule takes it for a deliberate
    // split and stops there, so fix-all leaves one RUN per part (the refactoring joins them).
    const merged = fixAll(text).text;
    const runs = merged.split('\nRUN ').slice(1);
    assert.ok(runs.length >= Math.ceil(n / MAX_MERGE) && runs.length <= Math.ceil(n / (MAX_MERGE - 1)) + 1, `${runs.length} RUNs`);
    assert.equal(merged.replace(/ && \\\n    |\nRUN /g, ' '), `FROM alpine ${Array.from({ length: n }, (_, i) => `echo ${i}`).join(' ')}\n`);
    assert.deepEqual(findingsOf(merged, RULE), []);
  });
  it('follows hadolint: a RUN that chains two or more commands is a deliberate split', () => {
    expectNone('FROM alpine\nRUN apk add --no-cache a && echo b && echo c\nRUN echo d\n', RULE);
    expectNone('FROM alpine\nRUN echo d\nRUN a | b | c\n', RULE);
    // Two commands, however joined (&&, ;, a pipe), are enough, on either side.
    expectNone('FROM alpine\nRUN make && make install\nRUN rm -rf /src\n', RULE);
    expectNone('FROM alpine\nRUN echo start\nRUN ./configure; make\n', RULE);
    expectNone('FROM alpine\nRUN a && b\n# comment\n\nRUN c | d\n', RULE);
    // Single commands around it still form runs; comments between RUNs do not break one.
    assert.deepEqual(findingsOf('FROM alpine\nRUN a\nRUN b\nRUN c && d\nRUN f\n# note\nRUN g\n', RULE).map((f) => f.range.start.line), [2, 6]);
    assert.deepEqual(findingsOf('FROM alpine\nRUN x && y\nRUN p\nRUN q\n', RULE).map((f) => f.range.start.line), [3]);
    // Exec form and nested sh -c count their own command.
    assert.equal(findingsOf('FROM alpine\nRUN ["sh", "-c", "a"]\nRUN sh -c "a && b && c"\n', RULE).length, 1);
  });
  it('offers the merge as a refactoring where the rule does not report', () => {
    assert.equal(refactor('FROM alpine\nRUN a && b && c\nRUN d\n', 1), 'FROM alpine\nRUN a && b && c && \\\n    d\n');
    assert.equal(refactor('FROM alpine\nRUN a && b\nRUN c\n', 1), 'FROM alpine\nRUN a && b && \\\n    c\n');
    assert.equal(refactor('FROM alpine\nRUN a\nRUN b\n', 1), null, 'reported: the quick fix merges');
    assert.equal(refactor('FROM alpine\nRUN --network=none a && b && c\nRUN d\n', 1), null, 'flags differ');
    assert.equal(refactor('FROM alpine\nRUN a && b && c\nWORKDIR /x\n', 1), null);
    assert.equal(refactor('FROM alpine\nRUN a && b && c\n# hadolint ignore=DL3003\nRUN cd x\n', 1), null);
    assert.equal(refactor('FROM alpine\nRUN a && b && c\nFROM alpine\nRUN d\n', 1), null);
  });
  it('keeps comments between the RUNs and drops blank lines', () => {
    expectMerge('FROM alpine\nRUN echo a\n\n# build it\nRUN make\n', RULE, 'FROM alpine\nRUN echo a && \\\n# build it\n    make\n');
  });
  it('keeps continuation lines and comment lines inside a RUN', () => {
    const text = 'FROM alpine\nRUN apk add --no-cache \\\n    # compilers\n    gcc\nRUN echo done\n';
    expectMerge(text, RULE, 'FROM alpine\nRUN apk add --no-cache \\\n    # compilers\n    gcc && \\\n    echo done\n');
  });
  it('offers no merge when a shell comment would hide the next command', () => {
    expectWithheld('FROM alpine\nRUN echo a # note\nRUN echo b\n', RULE);
    // A trailing comment in the last RUN is fine when nothing is appended after it.
    expectMerge('FROM alpine\nRUN echo a\nRUN echo b # note\n', RULE, 'FROM alpine\nRUN echo a && \\\n    echo b # note\n');
  });
  it('rewrites exec form with shell quoting', () => {
    expectMerge('FROM alpine\nRUN ["echo", "it\'s $HOME"]\nRUN ["touch", "/a b"]\n', RULE,
      "FROM alpine\nRUN echo 'it'\\''s $HOME' && \\\n    touch '/a b'\n");
    // A program named like an assignment or a keyword stays a program name.
    expectMerge('FROM alpine\nRUN a\nRUN ["FOO=bar", "arg=1"]\n', RULE, "FROM alpine\nRUN a && \\\n    'FOO=bar' arg=1\n");
    expectMerge('FROM alpine\nRUN a\nRUN ["if", "x"]\n', RULE, "FROM alpine\nRUN a && \\\n    'if' x\n");
  });
  it('never merges RUNs whose flags differ; merges equal flags', () => {
    expectNone('FROM alpine\nRUN --mount=type=cache,target=/root/.cache pip install x\nRUN echo b\n', RULE);
    expectNone('FROM alpine\nRUN --network=none a\nRUN --network=host b\n', RULE);
    expectNone('FROM alpine\nRUN --security=insecure a\nRUN b\n', RULE);
    expectMerge('FROM alpine\nRUN --network=none a\nRUN --network=none b\n', RULE, 'FROM alpine\nRUN --network=none a && \\\n    b\n');
  });
  it('keeps heredoc RUNs as they are (reported, no automatic merge)', () => {
    const text = 'FROM alpine\nRUN <<EOF\necho a\nEOF\nRUN echo b\n';
    const [f] = expectWithheld(text, RULE);
    assert.match(f.message, /heredoc/);
  });
  it('keeps CRLF, the backtick escape and keyword case', () => {
    expectMerge('FROM alpine\r\nrun echo a\r\nrun echo b\r\n', RULE, 'FROM alpine\r\nrun echo a && \\\r\n    echo b\r\n');
    expectMerge('# escape=`\nFROM alpine\nRUN echo a `\n    b\nRUN echo c\n', RULE, '# escape=`\nFROM alpine\nRUN echo a `\n    b && `\n    echo c\n');
  });
  it('only looks inside one stage', () => {
    expectNone('FROM alpine AS a\nRUN echo a\nFROM alpine\nRUN echo b\n', RULE);
    expectNone('FROM alpine\nRUN a\nWORKDIR /x\nRUN b\n', RULE);
  });
  it('offers no merge under a non-POSIX SHELL', () => {
    expectWithheld('FROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN Write-Host a\nRUN Write-Host b\n', RULE);
  });
  it('merges RUNs with --mount flags kept once', () => {
    expectMerge('FROM alpine\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install a\nRUN --mount=type=cache,target=/root/.cache pip install b\n', RULE,
      'FROM alpine\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install a && \\\n    pip install b\n');
  });

  describe('set -e merges mean what the separate RUNs meant (run in a real POSIX shell)', { skip: fs.existsSync('/bin/sh') ? false : 'no /bin/sh' }, () => {
    /** Runs scripts as separate RUNs do: each in a new shell, stopping at the first failure. */
    const separately = (scripts: string[], opts: string[]) => {
      let out = '';
      for (const s of scripts) {
        const r = spawnSync('/bin/sh', [...opts, '-c', s], { encoding: 'utf8', cwd: '/' });
        out += r.stdout;
        if (r.status !== 0) return { out, ok: false };
      }
      return { out, ok: true };
    };
    const cases: { runs: string[]; shell?: string[] }[] = [
      { runs: ['set -e; echo a; false; echo b', 'echo c'] },
      { runs: ['set -e; echo a; echo b', 'false && echo c'] },
      { runs: ['set -e; echo a; x=1; cd /tmp', 'set -e; echo "[$x]" "$(pwd)"; false && true', 'echo never'] },
      { runs: ['set -e; echo a; x=1; cd /tmp', 'set -e; echo "[$x]" "$(pwd)"; true && echo ok', 'echo last'] },
      { runs: ['set -eu; echo a; false && true', 'set -eu; echo "${X:-d}"', 'echo c'] },
      { runs: ['set -e; echo a', 'set -e; for i in 1 2; do echo "$i"; false; done; echo after', 'echo c'] },
      { runs: ['set -e; echo a', 'set -e; { false && true; }', 'echo c'] },
      { runs: ['set -ex; echo a; exit 0; echo hidden', 'echo b'] },
      { runs: ['if true; then false; echo x; fi', 'echo b'], shell: ['-e'] },
      { runs: ['if true; then true; echo x; fi', 'false && echo y', 'echo z'], shell: ['-e'] },
    ];
    before(() => ready);
    for (const c of cases) {
      it(c.runs.join(' ⏎ '), () => {
        const shellLine = c.shell ? `SHELL ["/bin/sh", ${c.shell.map((o) => JSON.stringify(o)).join(', ')}, "-c"]\n` : '';
        const text = `FROM alpine\n${shellLine}${c.runs.map((r) => `RUN ${r}\n`).join('')}`;
        const model = new DockerfileModel(text);
        const runs = model.instructions.filter((i) => i.keyword === 'RUN');
        const plan = planMerge({ model, scripts: (i: InstructionInfo) => runScripts(model, i) }, runs, model.instructions.indexOf(runs[0]));
        assert.ok('fix' in plan, `no merge: ${'reason' in plan ? plan.reason : ''}`);
        const merged = new DockerfileModel(applyOffsetEdits(text, plan.fix.edits));
        const run = merged.instructions.filter((i) => i.keyword === 'RUN');
        assert.equal(run.length, 1);
        const script = runScripts(merged, run[0])[0].text;
        assert.deepEqual(separately([script], c.shell ?? []), separately(c.runs, c.shell ?? []), script);
      });
    }
  });
});
