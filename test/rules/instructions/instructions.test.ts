import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, expectNoFix, findingsOf, ready } from '../../helpers';

const words = (text: string, rule: string) => findingsOf(text, rule).map((f) => {
  const line = text.split(/\r?\n/)[f.range.start.line];
  return `${f.range.start.line}:${line.slice(f.range.start.character, f.range.end.character)}`;
});

describe('cmd-shell-form', () => {
  before(() => ready);
  const RULE = 'cmd-shell-form';
  it('rewrites plain words as JSON (unsafe)', () => {
    expectFix('FROM node:22\nCMD npm start\n', RULE, 'FROM node:22\nCMD ["npm", "start"]\n');
    expectFix('FROM nginx:1.27\nENTRYPOINT nginx -g daemon-off\n', RULE, 'FROM nginx:1.27\nENTRYPOINT ["nginx", "-g", "daemon-off"]\n');
    expectFix('from node:22\r\ncmd node server.js --port=8080\r\n', RULE, 'from node:22\r\ncmd ["node", "server.js", "--port=8080"]\r\n');
    const [f] = findingsOf('FROM node:22\nCMD npm start\n', RULE);
    assert.equal(f.fixes[0].safety, 'unsafe');
    assert.equal(f.related.hadolint, 'DL3025');
    assert.equal(f.related.buildkit, 'JSONArgsRecommended');
    assert.equal(f.severity, 'warning');
  });
  it('reads quoted words with the shell parser: fixed values become JSON strings, escaped', () => {
    expectFix("FROM nginx:1.27\nCMD nginx -g 'daemon off;'\n", RULE, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n');
    expectFix('FROM node:22\nCMD node "my file.js" \'say "hi"\' a\\\\b\n', RULE, 'FROM node:22\nCMD ["node", "my file.js", "say \\"hi\\"", "a\\\\b"]\n');
    expectFix('FROM nginx:1.27\nCMD exec nginx -g "daemon off;"\n', RULE, 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n');
    expectFix('FROM node:22\nCMD npm \\\n  start\n', RULE, 'FROM node:22\nCMD ["npm", "start"]\n');
    expectFix('# escape=`\nFROM node:22\nCMD npm `\n  run start\n', RULE, '# escape=`\nFROM node:22\nCMD ["npm", "run", "start"]\n');
    const [f] = findingsOf("FROM nginx:1.27\nCMD nginx -g 'daemon off;'\n", RULE);
    assert.equal(f.fixes[0].title, 'Write as ["nginx", "-g", "daemon off;"] (the process no longer runs under a shell)');
  });
  it('offers an explicit /bin/sh -c (unsafe) where the shell is needed, saying why', () => {
    const cases: [string, string, string][] = [
      ['a && b', '["/bin/sh", "-c", "a && b"]', 'the command list'],
      ['nginx | tee /log', '["/bin/sh", "-c", "nginx | tee /log"]', 'the pipe'],
      ['node server.js $PORT', '["/bin/sh", "-c", "exec node server.js $PORT"]', 'the expansion'],
      ['run > /log 2>&1', '["/bin/sh", "-c", "exec run > /log 2>&1"]', 'the redirect'],
      ['ls *.txt', '["/bin/sh", "-c", "exec ls *.txt"]', 'the glob pattern'],
      ['X=1 run', '["/bin/sh", "-c", "X=1 run"]', 'the variable assignment'],
      ['cd /app', '["/bin/sh", "-c", "cd /app"]', 'the shell builtin cd'],
      ['echo "$HOME"', '["/bin/sh", "-c", "echo \\"$HOME\\""]', 'the expansion'],
    ];
    for (const [cmd, json, reason] of cases) {
      const text = `FROM node:22\nCMD ${cmd}\n`;
      const [f] = findingsOf(text, RULE);
      assert.equal(f.fixes.length, 1, cmd);
      assert.equal(f.fixes[0].safety, 'unsafe');
      assert.ok(f.fixes[0].title.includes(reason), `${cmd}: ${f.fixes[0].title}`);
      assert.equal(f.fixes[0].title.includes('exec makes the program receive stop signals'), json.includes('"exec '), cmd);
      expectFix(text, RULE, `FROM node:22\nCMD ${json}\n`);
    }
  });
  it('offers no fix on Windows images, with comment lines inside, or for unreadable commands', () => {
    expectNoFix('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD run.exe /x\n', RULE);
    expectNoFix('FROM node:22\nCMD npm \\\n# why\n  start\n', RULE);
    expectNoFix('FROM node:22\nCMD run "unclosed\n', RULE);
  });
  it('leaves JSON-looking text that is not JSON to invalid-json-form', () => {
    expectNone("FROM node:22\nCMD ['npm', 'start']\n", RULE);
    assert.equal(findingsOf("FROM node:22\nCMD ['npm', 'start']\n", 'invalid-json-form').length, 1);
  });
  it('is silent for exec form, with a SHELL in the stage or inherited, and for ONBUILD', () => {
    expectNone('FROM node:22\nCMD ["npm", "start"]\nENTRYPOINT ["/init"]\nCMD []\n', RULE);
    expectNone('FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo hello\n', RULE);
    expectNone('FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a\n\nFROM base\nCMD run-it\n', RULE);
    expectNone('FROM alpine:3.20\nONBUILD CMD run-it\n', RULE);
  });
  it('is silenced by check=skip=JSONArgsRecommended and DL3025', () => {
    expectNone('# check=skip=JSONArgsRecommended\nFROM node:22\nCMD npm start\n', RULE);
    expectNone('FROM node:22\n# hadolint ignore=DL3025\nCMD npm start\n', RULE);
  });
});

describe('maintainer-deprecated', () => {
  before(() => ready);
  const RULE = 'maintainer-deprecated';
  it('replaces MAINTAINER by the OCI authors label (safe), quoting the value', () => {
    expectFix('FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', RULE, 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n');
    expectFix('FROM alpine:3.20\nmaintainer Jo "J" $x\\y\n', RULE, 'FROM alpine:3.20\nlabel org.opencontainers.image.authors="Jo \\"J\\" \\$x\\\\y"\n');
    expectFix('# escape=`\r\nFROM alpine:3.20\r\nMAINTAINER a "b"\r\n', RULE, '# escape=`\r\nFROM alpine:3.20\r\nLABEL org.opencontainers.image.authors="a `"b`""\r\n');
    const [f] = findingsOf('FROM alpine:3.20\nMAINTAINER me\n', RULE);
    assert.equal(f.fixes[0].safety, 'safe');
    assert.equal(f.related.hadolint, 'DL4000');
    assert.equal(f.related.buildkit, 'MaintainerDeprecated');
    assert.equal(f.severity, 'warning');
  });
  it('offers no fix for a continued MAINTAINER', () => {
    expectNoFix('FROM alpine:3.20\nMAINTAINER a \\\n  b\n', RULE);
  });
  it('leaves ONBUILD MAINTAINER to onbuild-trigger-disallowed', () => {
    expectNone('FROM alpine:3.20\nONBUILD MAINTAINER me\n', RULE);
  });
});

describe('onbuild-trigger-disallowed', () => {
  before(() => ready);
  const RULE = 'onbuild-trigger-disallowed';
  it('reports ONBUILD ONBUILD, FROM and MAINTAINER on the trigger keyword', () => {
    assert.deepEqual(words('FROM alpine:3.20\nONBUILD ONBUILD RUN make\nonbuild from alpine\nONBUILD MAINTAINER me\n', RULE), ['1:ONBUILD', '2:from', '3:MAINTAINER']);
    assert.equal(findingsOf('FROM alpine:3.20\nONBUILD FROM x\n', RULE)[0].related.hadolint, 'DL3043');
  });
  it('is silent for allowed triggers', () => {
    expectNone('FROM alpine:3.20\nONBUILD RUN make\nONBUILD COPY . /src\nONBUILD USER app\n', RULE);
  });
});

describe('label-key-invalid', () => {
  before(() => ready);
  const RULE = 'label-key-invalid';
  it('reports keys outside the format, on the key', () => {
    const text = 'FROM alpine:3.20\nLABEL Maintainer="me" com.docker.x=1 \\\n  9lives=1 end.=1 a..b=1 registry_image=x\nONBUILD LABEL Bad=1\n';
    assert.deepEqual(words(text, RULE), ['1:Maintainer', '1:com.docker.x', '2:9lives', '2:end.', '2:a..b', '2:registry_image', '3:Bad']);
    const [f] = findingsOf('FROM alpine:3.20\nLABEL Version=1\n', RULE);
    assert.equal(f.severity, 'hint');
    assert.equal(f.related.hadolint, 'DL3048');
  });
  it('is silent for valid keys and variables', () => {
    expectNone('FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me" version=1 a-b.c2=x "quoted.key"=1 $KEY=v\nLABEL legacy value with spaces\n', RULE);
  });
});
