import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';
import { marks } from './_util';

describe('syntax: flags', () => {
  before(() => ready);

  it('flag-unknown: a typo gets "did you mean" and an unsafe fix', () => {
    const text = 'FROM alpine\nCOPY --form=build /a /b\n';
    const [f] = findingsOf(text, 'flag-unknown');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /did you mean --from/);
    assert.deepEqual(marks(text, 'flag-unknown'), ['--form']);
    assert.equal(f.fixes[0].safety, 'unsafe');
    // The fixed file must bring no new finding: a stage named build, a platform that is not a constant.
    expectFix(`FROM alpine AS build\n${text}`, 'flag-unknown', 'FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n');
    expectFix('FROM --platfrom=$BUILDPLATFORM alpine\n', 'flag-unknown', 'FROM --platform=$BUILDPLATFORM alpine\n');
    // A prefix of a flag, a swap of two letters, a wrong case (BuildKit's names are case-sensitive).
    expectFix('FROM alpine\nADD --keep-git https://x/y.git /src\n', 'flag-unknown', 'FROM alpine\nADD --keep-git-dir https://x/y.git /src\n');
    expectFix('FROM alpine\nRUN --mnout=type=cache,target=/x true\n', 'flag-unknown', 'FROM alpine\nRUN --mount=type=cache,target=/x true\n');
    expectFix('FROM alpine\nCOPY --Chown=1:1 a /b\n', 'flag-unknown', 'FROM alpine\nCOPY --chown=1:1 a /b\n');
  });
  it('flag-unknown: every instruction with flags, instructions without, and what BuildKit ignores', () => {
    assert.deepEqual(marks('FROM alpine\nRUN --foo=1 --network=none true\n', 'flag-unknown'), ['--foo']);
    assert.match(findingsOf('FROM alpine\nENV --x A=1\n', 'flag-unknown')[0].message, /ENV takes no flags/);
    assert.match(findingsOf('FROM alpine\nENTRYPOINT --verbose\n', 'flag-unknown')[0].message, /JSON form: ENTRYPOINT \["--verbose"/);
    assert.deepEqual(marks('FROM alpine\nCMD --port 80\nWORKDIR --x /a\nLABEL --a b=c\n', 'flag-unknown'), ['--port', '--x', '--a']);
    assert.deepEqual(marks('FROM alpine\nHEALTHCHECK --intervall=5s CMD true\n', 'flag-unknown'), ['--intervall']);
    // Valid flags of every instruction.
    expectNone([
      'FROM --platform=$BUILDPLATFORM golang AS build',
      'RUN --mount=type=cache,target=/root/.cache --network=host --security=insecure go build',
      'COPY --from=build --chown=1000:1000 --chmod=0755 --link --parents --exclude=*.md /src /dst',
      'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d --keep-git-dir=true --unpack=false --link --chown=1 --chmod=644 --exclude=x https://x/a.tgz /',
      'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD true',
      // BuildKit never parses the flags of ARG, STOPSIGNAL and HEALTHCHECK NONE.
      'ARG --x=1 V', 'STOPSIGNAL --y SIGTERM', 'HEALTHCHECK --z NONE',
      // JSON form and arguments after the first word are not flags.
      'CMD ["--port", "80"]', 'RUN echo --foo',
    ].join('\n'), 'flag-unknown');
  });
  it('flag-unknown: continuations, CRLF, escape=`, ONBUILD and ignore comments', () => {
    assert.deepEqual(marks('FROM alpine\nRUN --network=none \\\n    --mout=type=cache,target=/x \\\n    true\n', 'flag-unknown'), ['--mout']);
    assert.deepEqual(marks('FROM alpine\r\nCOPY --frm=a x /y\r\n', 'flag-unknown'), ['--frm']);
    assert.deepEqual(marks('# escape=`\nFROM alpine\nCOPY --frm=a `\n  x /y\n', 'flag-unknown'), ['--frm']);
    assert.deepEqual(marks('FROM alpine\nONBUILD COPY --frm=a x /y\n', 'flag-unknown'), ['--frm']);
    assert.deepEqual(marks('FROM alpine\nrun --mnt=x true\n', 'flag-unknown'), ['--mnt']);
    expectNone('FROM alpine\n# dockerfile-doctor ignore=flag-unknown\nCOPY --frm=a x /y\n', 'flag-unknown');
    // Quotes are removed as BuildKit removes them.
    expectNone('FROM alpine\nCOPY "--from=a" x /y\n', 'flag-unknown');
  });

  it('flag-duplicate: a flag that may not repeat', () => {
    const text = 'FROM alpine\nCOPY --from=a --chown=1 --from=b x /y\n';
    assert.deepEqual(marks(text, 'flag-duplicate'), ['--from=b']);
    assert.equal(findingsOf(text, 'flag-duplicate')[0].severity, 'error');
    assert.deepEqual(marks('FROM alpine\nHEALTHCHECK --retries=1 --retries=2 CMD true\n', 'flag-duplicate'), ['--retries=2']);
    expectNone('FROM alpine\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b true\nCOPY --exclude=a --exclude=b . /\n', 'flag-duplicate');
  });

  it('flag-value-invalid: missing values and booleans', () => {
    assert.deepEqual(marks('FROM alpine\nCOPY --chown a /b\n', 'flag-value-invalid'), ['--chown']);
    assert.deepEqual(marks('FROM alpine\nCOPY --link=yes a /b\n', 'flag-value-invalid'), ['yes']);
    assert.deepEqual(marks('FROM alpine\nCOPY --link= a /b\n', 'flag-value-invalid'), ['--link=']);
    assert.deepEqual(marks('FROM --platform alpine\n', 'flag-value-invalid'), ['--platform']);
    expectNone('FROM alpine\nCOPY --link --link=TRUE --parents=false a /b\n'.replace('--link --link=TRUE', '--link=TRUE'), 'flag-value-invalid');
  });
  it('flag-value-invalid: RUN --network / --security with a fix to the closest value', () => {
    const text = 'FROM alpine\nRUN --network=hots true\n';
    assert.deepEqual(marks(text, 'flag-value-invalid'), ['hots']);
    expectFix(text, 'flag-value-invalid', 'FROM alpine\nRUN --network=host true\n');
    assert.match(findingsOf('FROM alpine\nRUN --network=bridge true\n', 'flag-value-invalid')[0].message, /default, none, host/);
    assert.deepEqual(marks('FROM alpine\nRUN --security=privileged true\n', 'flag-value-invalid'), ['privileged']);
    expectNone('FROM alpine\nRUN --network=$NET --security=sandbox true\n', 'flag-value-invalid');
  });
  it('flag-value-invalid: HEALTHCHECK durations and retries', () => {
    const text = 'FROM alpine\nHEALTHCHECK --interval=5 --timeout=3x --start-period=500us --start-interval=1.5.2s --retries=-1 CMD true\n';
    assert.deepEqual(marks(text, 'flag-value-invalid'), ['5', '3x', '500us', '1.5.2s', '-1']);
    assert.match(findingsOf(text, 'flag-value-invalid')[0].message, /needs a unit/);
    assert.deepEqual(marks('FROM alpine\nHEALTHCHECK --retries=three CMD true\n', 'flag-value-invalid'), ['three']);
    expectNone('FROM alpine\nHEALTHCHECK --interval=1m30s --timeout=0 --start-period=1.5s --start-interval=100ms --retries=0 CMD true\n', 'flag-value-invalid');
  });
  it('flag-value-invalid: checksum, chmod, platform, from', () => {
    assert.deepEqual(marks('FROM alpine\nADD --checksum=sha256:abc https://x/y /\n', 'flag-value-invalid'), ['sha256:abc']);
    assert.deepEqual(marks('FROM alpine\nADD --checksum=md5:0123456789abcdef0123456789abcdef https://x/y /\n', 'flag-value-invalid'), ['md5:0123456789abcdef0123456789abcdef']);
    assert.deepEqual(marks('FROM alpine\nCOPY --chmod=9999 a /b\n', 'flag-value-invalid'), ['9999']);
    assert.deepEqual(marks('FROM --platform=linux/amd64/v3/x alpine\n', 'flag-value-invalid'), ['linux/amd64/v3/x']);
    assert.deepEqual(marks('FROM alpine\nCOPY --from=/abs a /b\n', 'flag-value-invalid'), ['/abs']);
    expectNone('FROM --platform=windows(10.0.17763)/amd64 alpine\nCOPY --chmod=u=rwx,go=rx --from=ghcr.io/a/b:1 a /b\nCOPY --chmod=$MODE a /b\n', 'flag-value-invalid');
  });

  it('mount-option-invalid: types and options, with "did you mean"', () => {
    const text = 'FROM alpine\nRUN --mount=type=cahce,target=/root/.cache true\n';
    const [f] = findingsOf(text, 'mount-option-invalid');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /did you mean cache/);
    expectFix(text, 'mount-option-invalid', 'FROM alpine\nRUN --mount=type=cache,target=/root/.cache true\n');
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=cache,targte=/x,target=/y true\n', 'mount-option-invalid'), ['targte']);
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=cache,target=/x,sharing=exclusive,mode=75x,uid=root,gid=-1 true\n', 'mount-option-invalid'), ['exclusive', '75x', 'root', '-1']);
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=tmpfs,target=/t,size=big --mount=type=secret,id=a,required=maybe --mount=type=bind,target=/b,ro=yes true\n', 'mount-option-invalid'), ['big', 'maybe', 'yes']);
  });
  it('mount-option-invalid: options of another type, order, required fields', () => {
    // mode/uid/gid on bind or tmpfs, sharing outside cache, from on a secret.
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=bind,target=/b,mode=0755,uid=1 --mount=type=tmpfs,target=/t,sharing=locked --mount=type=secret,id=s,from=x true\n', 'mount-option-invalid'), ['mode', 'uid', 'sharing', 'from']);
    // BuildKit reads `required` and `size` against the type given so far.
    assert.deepEqual(marks('FROM alpine\nRUN --mount=required,type=secret,id=s --mount=size=1m,type=tmpfs,target=/t true\n', 'mount-option-invalid'), ['required', 'size']);
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=cache,target=/a,required true\n', 'mount-option-invalid'), ['required']);
    // A secret needs a name; a field needs a value. (No target: BuildKit mounts over the WORKDIR.)
    expectNone('FROM alpine\nWORKDIR /app\nRUN --mount=type=cache,id=x true\n', 'mount-option-invalid');
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=secret,required true\n', 'mount-option-invalid'), ['--mount=type=secret,required']);
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=cache,target true\n', 'mount-option-invalid'), ['target']);
    // BuildKit removes the quotes before it splits the options: the comma splits.
    assert.match(findingsOf('FROM alpine\nRUN --mount="type=bind,source=a,b,target=/c" true\n', 'mount-option-invalid')[0].message, /invalid field "b"/);
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=bind,target=/x,from=$STAGE true\n', 'mount-option-invalid'), ['$STAGE']);
    assert.deepEqual(marks('FROM alpine\nRUN --mount=type=cache,target=/x, true\n', 'mount-option-invalid').length, 1);
    assert.equal(findingsOf('FROM alpine\nRUN --mount= true\n', 'mount-option-invalid').length, 1);
  });
  it('mount-option-invalid: every valid form stays quiet', () => {
    expectNone([
      'FROM alpine',
      'RUN --mount=type=cache,target=/var/cache/apk,sharing=locked,id=apk,mode=0755,uid=0,gid=0,from=base,source=/c,ro \\',
      '    --mount=type=bind,source=.,target=/src,rw=true,from=build \\',
      '    --mount=target=/src2 \\',
      '    --mount=type=tmpfs,target=/tmp,size=64m \\',
      '    --mount=type=secret,id=npmrc,target=/root/.npmrc,required,mode=0400,uid=1000 \\',
      '    --mount=type=secret,id=TOKEN,env=TOKEN \\',
      '    --mount=type=ssh,id=default,required=true \\',
      '    --mount=type=SECRET,dst=/x \\',
      '    --mount=type=bind,\\"source=a,b\\",target=/c \\',
      '    --mount=type=$KIND,target=/$DIR,mode=$MODE \\',
      '    true',
      'RUN --mount=type=cache,target=/root/.cache <<EOF',
      'pip install x',
      'EOF',
      'ONBUILD RUN --mount=type=cache,target=/x true',
    ].join('\n'), 'mount-option-invalid');
  });
  it('one problem, one finding: an unknown flag is not also a bad value', () => {
    const found = lintAll('FROM alpine\nRUN --netwrok=hots true\n').filter((f) => f.ruleId.startsWith('flag-'));
    assert.deepEqual(found.map((f) => f.ruleId), ['flag-unknown']);
  });
});
