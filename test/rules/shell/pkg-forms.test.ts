/**
 * Every package-manager rule of shell/apt, shell/apk and shell/lang, through the forms a RUN
 * can take: plain, mixed-case keyword, continuation, CRLF, `# escape=\``, heredoc, ONBUILD,
 * exec-form `sh -c`, nested `sh -c '…'`, behind sudo, and silenced by both ignore comments.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, ready } from '../../helpers';
import { RULES_BY_ID } from '../../../server/src/rules';

/** A rule, its image and one command that triggers it once (no double quotes, no backslashes). */
const CASES: [string, string, string][] = [
  ['apt-get-install-without-pin', 'debian:12', 'apt-get install -y --no-install-recommends curl'],
  ['apt-get-without-yes', 'debian:12', 'apt-get install --no-install-recommends curl=1'],
  ['apt-get-install-with-recommends', 'debian:12', 'apt-get install -y curl=1'],
  ['apt-lists-not-removed', 'debian:12', 'apt-get update && apt-get install -y --no-install-recommends curl=1'],
  ['apt-instead-of-apt-get', 'debian:12', 'apt remove -y curl'],
  ['apk-add-without-pin', 'alpine:3.20', 'apk add --no-cache curl'],
  ['apk-add-tzdata-without-tz', 'alpine:3.20', 'apk add --no-cache tzdata=2024a-r0'],
  ['apk-virtual-without-del', 'alpine:3.20', 'apk add --no-cache --virtual .deps gcc=13'],
  ['apk-update-with-no-cache-add', 'alpine:3.20', 'apk update && apk add --no-cache curl=8'],
  ['apk-add-without-no-cache', 'alpine:3.20', 'apk add curl=8'],
  ['pip-install-without-pin', 'python:3.12', 'pip install --no-cache-dir flask'],
  ['pip-install-without-no-cache-dir', 'python:3.12', 'pip install flask==3'],
  ['npm-install-without-pin', 'node:20', 'npm install -g pnpm'],
  ['gem-install-without-pin', 'ruby:3.3', 'gem install bundler'],
  ['go-install-without-version', 'golang:1.23', 'go install example.com/cmd/x@latest'],
  ['yarn-install-without-cache-clean', 'node:20', 'yarn install --frozen-lockfile'],
  ['pecl-install-without-pin', 'php:8.3-cli', 'pecl install -o -f redis'],
];

describe('package-manager rules through every RUN form', () => {
  before(() => ready);
  for (const [id, image, cmd] of CASES) {
    it(id, () => {
      const code = RULES_BY_ID.get(id)!.related.hadolint;
      const forms: [string, string][] = [
        ['plain', `FROM ${image}\nRUN ${cmd}\n`],
        ['mixed case', `from ${image}\nRun ${cmd}\n`],
        ['continuation', `FROM ${image}\nRUN set -e \\\n    && ${cmd.replace(/ /, ' \\\n      ')}\n`],
        ['CRLF', `FROM ${image}\r\nRUN set -e \\\r\n    && ${cmd}\r\n`],
        ['escape', `# escape=\`\nFROM ${image}\nRUN set -e \`\n    && ${cmd}\n`],
        ['heredoc', `FROM ${image}\nRUN <<EOF\nset -e\n${cmd}\nEOF\n`],
        ['ONBUILD', `FROM ${image}\nONBUILD RUN ${cmd}\n`],
        ['exec form', `FROM ${image}\nRUN ["/bin/sh", "-c", "${cmd}"]\n`],
        ['nested sh -c', `FROM ${image}\nRUN sh -c '${cmd}'\n`],
        ['later stage', `FROM ${image} AS base\nRUN echo hi\nFROM base\nRUN ${cmd}\n`],
      ];
      for (const [form, text] of forms) assert.equal(findingsOf(text, id).length, 1, `${form}:\n${text}`);
      assert.equal(findingsOf(`FROM ${image}\n# dockerfile-doctor ignore=${id}\nRUN ${cmd}\n`, id).length, 0, 'our id');
      if (code) assert.equal(findingsOf(`FROM ${image}\n# hadolint ignore=${code}\nRUN ${cmd}\n`, id).length, 0, code);
      // Not a POSIX shell: not read.
      assert.equal(findingsOf(`FROM ${image}\nSHELL ["pwsh", "-Command"]\nRUN ${cmd}\n`, id).length, 0, 'pwsh');
    });
  }
});
