import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, ready } from '../helpers';

const RULE = 'apk-add-without-no-cache';

describe(RULE, () => {
  before(() => ready);

  it('adds --no-cache after add', () => {
    expectFix('FROM alpine\nRUN apk add curl\n', RULE, 'FROM alpine\nRUN apk add --no-cache curl\n');
  });
  it('finds apk add inside && / || / ; chains', () => {
    expectFix('FROM alpine\nRUN set -eux; apk add curl && echo ok || true\n', RULE, 'FROM alpine\nRUN set -eux; apk add --no-cache curl && echo ok || true\n');
    expectFix('FROM alpine\nRUN echo a && apk add git\n', RULE, 'FROM alpine\nRUN echo a && apk add --no-cache git\n');
  });
  it('works across continuations and comment lines', () => {
    expectFix('FROM alpine\nRUN set -eux \\\n    # tools\n    && apk \\\n        add \\\n        curl\n', RULE,
      'FROM alpine\nRUN set -eux \\\n    # tools\n    && apk \\\n        add --no-cache \\\n        curl\n');
  });
  it('handles apk --update add and -U', () => {
    expectFix('FROM alpine\nRUN apk --update add curl\n', RULE, 'FROM alpine\nRUN apk --update add --no-cache curl\n');
    expectFix('FROM alpine\nRUN apk -U add curl\n', RULE, 'FROM alpine\nRUN apk -U add --no-cache curl\n');
  });
  it('handles --virtual .deps', () => {
    expectFix('FROM alpine\nRUN apk add --virtual .build-deps gcc make\n', RULE, 'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc make\n');
    expectNone('FROM alpine\nRUN apk add --virtual .build-deps --no-cache gcc\n', RULE);
  });
  it('reports every apk add of a RUN, each with its own fix', () => {
    const text = 'FROM alpine\nRUN apk add a && apk add b\n';
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 2);
    expectFix(text, RULE, 'FROM alpine\nRUN apk add --no-cache a && apk add b\n', { finding: 0 });
    expectFix(text, RULE, 'FROM alpine\nRUN apk add a && apk add --no-cache b\n', { finding: 1 });
  });
  it('works inside heredoc RUN bodies', () => {
    expectFix('FROM alpine\nRUN <<EOF\nset -e\napk add curl\nEOF\n', RULE, 'FROM alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\n');
    expectFix('FROM alpine\nRUN sh -e <<-EOT\n\tapk add curl\n\tEOT\n', RULE, 'FROM alpine\nRUN sh -e <<-EOT\n\tapk add --no-cache curl\n\tEOT\n');
  });
  it('is silent for heredocs fed to other programs', () => {
    expectNone('FROM alpine\nRUN python3 <<EOF\nprint("apk add x")\nEOF\n', RULE);
    expectNone('FROM alpine\nRUN cat > /x.sh <<EOF\napk add curl\nEOF\n', RULE);
  });
  it('is silent for heredoc data written before the command name', () => {
    expectNone('FROM alpine\nRUN <<EOF cat > /usr/local/bin/deps\n#!/bin/sh\napk add --virtual .build-deps gcc\nEOF\n', RULE);
    expectNone('FROM alpine\nRUN <<EOT tee /x.sh\napk add curl\nEOT\n', RULE);
  });
  it('reports an apk add of a heredoc script once', () => {
    assert.equal(findingsOf('FROM alpine\nRUN <<-EOT sh\n\tapk add curl\n\tEOT\n', RULE).length, 1);
    assert.equal(findingsOf('FROM alpine\nRUN <<EOT\napk add curl\nEOT\n', RULE).length, 1);
  });
  it('finds apk behind sudo, env, command, exec, time, xargs', () => {
    expectFix('FROM alpine\nRUN sudo apk add curl\n', RULE, 'FROM alpine\nRUN sudo apk add --no-cache curl\n');
    expectFix('FROM alpine\nRUN sudo -u root env X=1 apk add curl\n', RULE, 'FROM alpine\nRUN sudo -u root env X=1 apk add --no-cache curl\n');
    expectFix('FROM alpine\nRUN command apk add git\n', RULE, 'FROM alpine\nRUN command apk add --no-cache git\n');
    expectFix('FROM alpine\nRUN exec apk add git\n', RULE, 'FROM alpine\nRUN exec apk add --no-cache git\n');
    expectFix('FROM alpine\nRUN timeout 300 apk add git\n', RULE, 'FROM alpine\nRUN timeout 300 apk add --no-cache git\n');
    expectFix('FROM alpine\nRUN xargs -n 20 apk add < /pkgs\n', RULE, 'FROM alpine\nRUN xargs -n 20 apk add --no-cache < /pkgs\n');
    expectNone('FROM alpine\nRUN sudo apk add --no-cache curl\n', RULE);
    expectNone('FROM alpine\nRUN echo apk add curl\n', RULE);
  });
  it('finds apk in the script of sh -c and su -c', () => {
    expectFix("FROM alpine\nRUN sh -c 'apk add curl'\n", RULE, "FROM alpine\nRUN sh -c 'apk add --no-cache curl'\n");
    expectFix('FROM alpine\nRUN su -c "apk update && apk add curl" root\n', RULE, 'FROM alpine\nRUN su -c "apk add --no-cache curl" root\n');
    expectFix("FROM alpine\nRUN /bin/sh -ec 'apk add \\\n    curl'\n", RULE, "FROM alpine\nRUN /bin/sh -ec 'apk add --no-cache \\\n    curl'\n");
    expectNone("FROM alpine\nRUN sh -c 'echo \"apk add curl\"'\n", RULE);
  });
  it('is silent when a variable among the arguments brings --no-cache', () => {
    expectNone('FROM alpine\nARG APK_ARGS="--no-cache"\nRUN apk add ${APK_ARGS} curl\n', RULE);
    expectNone('FROM alpine\nRUN APK_FLAGS=--no-cache; apk add $APK_FLAGS bash\n', RULE);
    // A variable that only lists packages does not hide the problem.
    expectFix('FROM alpine\nARG PKGS="curl git"\nRUN apk add $PKGS\n', RULE, 'FROM alpine\nARG PKGS="curl git"\nRUN apk add --no-cache $PKGS\n');
  });
  it('is silent inside quoted strings and comments', () => {
    expectNone('FROM alpine\nRUN echo "apk add curl" # apk add git\n', RULE);
    expectNone("FROM alpine\nRUN echo 'apk add curl'\n", RULE);
    expectNone('FROM alpine\n# RUN apk add curl\n', RULE);
  });
  it('is silent with --no-cache anywhere, other subcommands, or exec form', () => {
    expectNone('FROM alpine\nRUN apk add --no-cache curl\n', RULE);
    expectNone('FROM alpine\nRUN apk --no-cache add curl\n', RULE);
    expectNone('FROM alpine\nRUN apk add curl --no-cache\n', RULE);
    expectNone('FROM alpine\nRUN apk del curl && apk info\n', RULE);
    expectNone('FROM alpine\nRUN ["apk", "add", "curl"]\n', RULE);
  });
  it('is silent with a cache mount on /var/cache/apk', () => {
    expectNone('FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', RULE);
    expectNone('FROM alpine\nRUN --mount=type=cache,id=apk,sharing=locked,dst=/etc/apk/cache apk add curl\n', RULE);
    assert.equal(findingsOf('FROM alpine\nRUN --mount=type=cache,target=/root/.cache apk add curl\n', RULE).length, 1);
  });
  it('keeps other flags and CRLF', () => {
    expectFix('FROM alpine\r\nRUN --mount=type=secret,id=x \\\r\n    apk add curl\r\n', RULE, 'FROM alpine\r\nRUN --mount=type=secret,id=x \\\r\n    apk add --no-cache curl\r\n');
  });
  it('works with the backtick escape', () => {
    expectFix('# escape=`\nFROM alpine\nRUN apk `\n    add curl\n', RULE, '# escape=`\nFROM alpine\nRUN apk `\n    add --no-cache curl\n');
  });
  it('says when apk update / rm -rf /var/cache/apk/* become redundant, with an optional fix', () => {
    const text = 'FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n';
    const [f] = findingsOf(text, RULE);
    assert.match(f.message, /apk update/);
    assert.equal(f.fixes.length, 2);
    assert.equal(f.fixes[0].safety, 'safe');
    assert.equal(f.fixes[1].safety, 'unsafe');
    expectFix(text, RULE, 'FROM alpine\nRUN apk update && apk add --no-cache curl && rm -rf /var/cache/apk/*\n');
    expectFix(text, RULE, 'FROM alpine\nRUN apk add --no-cache curl\n', { fixIndex: 1 });
  });
  it('removes redundant steps across continuations', () => {
    const text = 'FROM alpine\nRUN apk update \\\n    && apk add curl \\\n    && rm -rf /var/cache/apk/* /tmp/*\n';
    expectFix(text, RULE, 'FROM alpine\nRUN apk add --no-cache curl \\\n    && rm -rf /tmp/*\n', { fixIndex: 1 });
  });
  it('offers no removal when a redirection belongs to the whole list', () => {
    const [f] = findingsOf('FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/* 2>/dev/null\n', RULE);
    assert.equal(f.fixes.length, 1);
  });
  it('offers no removal when other apk commands use the cache', () => {
    const [f] = findingsOf('FROM alpine\nRUN apk update && apk upgrade && apk add curl\n', RULE);
    assert.equal(f.fixes.length, 1);
  });
});

describe(`${RULE}: ONBUILD, tmpfs and parent mounts, read-only scripts`, () => {
  before(() => ready);
  it('follows ONBUILD RUN', () => {
    expectFix('FROM alpine\nONBUILD RUN apk add curl\n', RULE, 'FROM alpine\nONBUILD RUN apk add --no-cache curl\n');
    expectFix('FROM alpine\nonbuild run apk update && apk add curl\n', RULE, 'FROM alpine\nonbuild run apk add --no-cache curl\n', { fixIndex: 1 });
  });
  it('honours tmpfs mounts and mounts on a parent of the cache', () => {
    expectNone('FROM alpine\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n', RULE);
    expectNone('FROM alpine\nRUN --mount=type=tmpfs,target=/var/cache apk add curl\n', RULE);
    expectNone('FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk/ apk add curl\n', RULE);
    assert.equal(findingsOf('FROM alpine\nRUN --mount=type=bind,target=/var/cache/apk apk add curl\n', RULE).length, 1);
  });
  it('reports a read-only exec-form script without a fix', () => {
    const [f] = findingsOf('FROM alpine\nRUN ["sh", "-c", "apk add \\"curl\\""]\n', RULE);
    assert.deepEqual(f.fixes, []);
  });
  it('honours ignore comments by hadolint code', () => {
    expectNone('FROM alpine\n# hadolint ignore=DL3019\nRUN apk add curl\n', RULE);
  });
});
