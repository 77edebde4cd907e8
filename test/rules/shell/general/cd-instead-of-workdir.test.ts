import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectNone, findingsOf, ready } from '../../../helpers';

const RULE = 'cd-instead-of-workdir';

describe(RULE, () => {
  before(() => ready);

  it('flags cd in the RUN shell, once per RUN', () => {
    const found = findingsOf('FROM debian\nRUN cd /app && make && cd /other && make\n', RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.character, 4);
    assert.equal(findingsOf('FROM debian\nRUN set -e; cd /src; make\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nRUN if [ -d /x ]; then cd /x; fi\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nONBUILD RUN cd /app && make\n', RULE).length, 1);
    assert.equal(findingsOf('FROM debian\nrun cd /app && \\\n    make\n', RULE).length, 1);
  });
  it('lets scoped changes be: subshells, substitutions, functions, nested sh -c, pushd … popd', () => {
    expectNone('FROM debian\nRUN (cd /src && make) && make install\n', RULE);
    expectNone('FROM debian\nRUN DIR="$(cd "$(dirname x)" && pwd)" && echo $DIR\n', RULE);
    expectNone('FROM debian\nRUN build() { cd "$1" && make; } && build /src\n', RULE);
    expectNone("FROM debian\nRUN sh -c 'cd /src && make'\n", RULE);
    expectNone('FROM debian\nRUN pushd /src && make && popd\n', RULE);
    assert.equal(findingsOf('FROM debian\nRUN pushd /src && make\n', RULE).length, 1);
  });
  it('lets a change followed by a step back be (cd -, cd "$OLDPWD", cd /, popd)', () => {
    expectNone('FROM php\nRUN set -eux; cd /usr/src/php; make -j"$(nproc)"; make install; cd /; docker-php-source delete\n', RULE);
    expectNone('FROM debian\nRUN cd /tmp/b && make && cd - && rm -rf /tmp/b\n', RULE);
    expectNone('FROM debian\nRUN cd /tmp/b && make && cd "$OLDPWD"\n', RULE);
    // A cd after the last step back is reported.
    assert.equal(findingsOf('FROM debian\nRUN cd /a && make && cd / && cd /b && make\n', RULE).length, 1);
  });
  it('lets cd to a place known only at run time be', () => {
    expectNone('FROM debian\nRUN cd "$(mktemp -d)" && curl -O x\n', RULE);
  });
  it('follows ignore comments and heredocs', () => {
    expectNone('FROM debian\n# hadolint ignore=DL3003\nRUN cd /app && make\n', RULE);
    assert.equal(findingsOf('FROM debian\nRUN <<EOF\ncd /app\nmake\nEOF\n', RULE).length, 1);
  });
});
