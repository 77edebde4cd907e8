import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../../helpers';
import { DEFAULT_SETTINGS } from '../../../../server/src/settings';

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

  describe('fix: WORKDIR + RUN', () => {
    const safety = (text: string) => findingsOf(text, RULE)[0].fixes.map((f) => f.safety);
    it('is safe where the directory is provably the same for everything after', () => {
      // An absolute WORKDIR comes before anything that reads the directory.
      const text = 'FROM debian\nRUN cd /src && make\nCOPY conf /etc/app/\nENV A=1\nWORKDIR /app\nCOPY x .\nCMD ["./x"]\n';
      expectFix(text, RULE, 'FROM debian\nWORKDIR /src\nRUN make\nCOPY conf /etc/app/\nENV A=1\nWORKDIR /app\nCOPY x .\nCMD ["./x"]\n');
      assert.deepEqual(safety(text), ['safe']);
      // The stage's WORKDIR is that directory already: the cd just goes.
      const same = 'FROM debian\nWORKDIR /app\nRUN cd /app/ && make\nCMD ["./x"]\n';
      expectFix(same, RULE, 'FROM debian\nWORKDIR /app\nRUN make\nCMD ["./x"]\n');
      assert.deepEqual(safety(same), ['safe']);
      assert.match(findingsOf(same, RULE)[0].fixes[0].title, /WORKDIR is \/app already/);
    });
    it('is unsafe where later instructions would run in the new directory', () => {
      for (const tail of ['', 'RUN ls\n', 'COPY x rel/\n', 'CMD ["./x"]\n', 'WORKDIR sub\n', 'VOLUME data\n', 'ONBUILD RUN ls\n', 'HEALTHCHECK CMD ./check\n']) {
        const text = `FROM debian\nRUN cd /app && make\n${tail}`;
        assert.deepEqual(safety(text), ['unsafe'], tail);
        // `RUN make` before `RUN ls` is then a run of single-command RUNs (consecutive-run, its own finding).
        expectFix(text, RULE, `FROM debian\nWORKDIR /app\nRUN make\n${tail}`, { settings: { ...DEFAULT_SETTINGS, rules: { 'consecutive-run': 'off' } } });
      }
      // A multi-stage file: the stage ends with it (COPY --from it, FROM it).
      assert.deepEqual(safety('FROM debian AS build\nRUN cd /src && make\nFROM alpine\nCOPY --from=build /src/x /x\n'), ['unsafe']);
    });
    it('keeps continuations, ; lists, flags, CRLF, the backtick escape, keyword case and indentation', () => {
      expectFix('FROM debian\nRUN cd /app \\\n    && make \\\n    && make install\nWORKDIR /\n', RULE, 'FROM debian\nWORKDIR /app\nRUN make \\\n    && make install\nWORKDIR /\n');
      expectFix('FROM debian\nRUN cd /app && \\\n    make\n', RULE, 'FROM debian\nWORKDIR /app\nRUN make\n');
      expectFix('FROM debian\nRUN cd /app; make; make install\n', RULE, 'FROM debian\nWORKDIR /app\nRUN make; make install\n');
      expectFix('FROM debian\nRUN --mount=type=cache,target=/root/.cache cd /app && make\n', RULE, 'FROM debian\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cache make\n');
      expectFix('FROM debian\r\nRUN cd /app && make\r\n', RULE, 'FROM debian\r\nWORKDIR /app\r\nRUN make\r\n');
      expectFix('# escape=`\nFROM debian\nRUN cd /app `\n    && make\n', RULE, '# escape=`\nFROM debian\nWORKDIR /app\nRUN make\n');
      expectFix('from debian\nrun cd /app && make\n', RULE, 'from debian\nworkdir /app\nrun make\n');
      expectFix('FROM debian AS b\n    RUN cd /app && make\n', RULE, 'FROM debian AS b\n    WORKDIR /app\n    RUN make\n');
    });
    it('goes above an ignore comment of the RUN, below a plain comment', () => {
      expectFix('FROM debian\n# hadolint ignore=DL3008\nRUN cd /app && apt-get install -y curl\n', RULE,
        'FROM debian\nWORKDIR /app\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n');
      expectFix('FROM debian\n# build it\nRUN cd /app && make\n', RULE, 'FROM debian\n# build it\nWORKDIR /app\nRUN make\n');
    });
    it('is not offered where the rewrite is not sure', () => {
      for (const run of [
        'cd $APP && make', 'cd "${APP}/sub" && make', 'cd app && make', 'cd ~/src && make', 'cd -P /app && make',
        'cd /app || exit 1', 'cd /app', 'set -e; cd /app; make', 'make && cd /app && make install',
        'cd /app > /dev/null && make', 'A=1 cd /app && make',
        'cd /app \\\n  # a note\n  && make', "sh -c 'cd /x' && cd /app && make",
      ]) {
        expectNoFix(`FROM debian\nRUN ${run}\n`, RULE);
      }
      expectNoFix('FROM debian\nRUN <<EOF\ncd /app\nmake\nEOF\n', RULE);
      expectNoFix('FROM debian\nONBUILD RUN cd /app && make\n', RULE);
      expectNoFix('FROM debian\nRUN ["sh", "-c", "cd /app && make"]\n', RULE);
      expectNoFix('FROM debian\nRUN --mount=type=cache,target=cache cd /app && make\n', RULE);
    });
  });
});
