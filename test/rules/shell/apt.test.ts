import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectFix, expectNoFix, expectNone, findingsOf, ready } from '../../helpers';
import { locale, setLocale } from '../../../server/src/l10n';

const PIN = 'apt-get-install-without-pin';
const YES = 'apt-get-without-yes';
const REC = 'apt-get-install-with-recommends';
const LISTS = 'apt-lists-not-removed';
const APT = 'apt-instead-of-apt-get';

const D = 'FROM debian:12\n';

describe(PIN, () => {
  before(() => ready);
  it('flags unpinned packages, one finding per install listing them', () => {
    const [f, ...rest] = findingsOf(`${D}RUN apt-get update && apt-get install -y curl git=1:2.39 wget\n`, PIN);
    assert.equal(rest.length, 0);
    assert.match(f.message, /curl, wget/);
    assert.equal(findingsOf(`${D}RUN apt install -y curl\n`, PIN).length, 1);
    assert.equal(findingsOf(`${D}ONBUILD RUN apt-get install -y curl\n`, PIN).length, 1);
    assert.equal(findingsOf(`${D}RUN ["sh", "-c", "apt-get install -y curl"]\n`, PIN).length, 1);
    assert.equal(findingsOf(`${D}RUN sudo apt-get -y \\\n    install \\\n    curl\n`, PIN).length, 1);
  });
  it('names the first three packages, then how many more (ASCII in English, translated)', () => {
    const many = `${D}RUN apt-get install -y curl git wget make gcc\n`;
    const [f] = findingsOf(many, PIN);
    assert.equal(f.message, 'Pin versions in apt-get install (curl, git, wget and 2 more): use curl=<version>');
    assert.equal(findingsOf(`FROM alpine:3.20\nRUN apk add curl git wget make\n`, 'apk-add-without-pin')[0].message, 'Pin versions in apk add (curl, git, wget and 1 more): use curl=<version>');
    assert.match(findingsOf(`${D}RUN apt-get install -y curl git wget\n`, PIN)[0].message, /\(curl, git, wget\)/);
    const previous = locale();
    setLocale('zh-cn');
    try {
      assert.match(findingsOf(many, PIN)[0].message, /curl, git, wget 及另外 2 个/);
    } finally {
      setLocale(previous);
    }
  });
  it('accepts pins, files, release pins, -t, expansions', () => {
    expectNone(`${D}RUN apt-get install -y curl=7.88.1-10 git=1:2.39\n`, PIN);
    expectNone(`${D}RUN apt-get install -y ./local.deb /tmp/x.deb\n`, PIN);
    expectNone(`${D}RUN apt-get install -y curl/bookworm-backports\n`, PIN);
    expectNone(`${D}RUN apt-get install -y -t bookworm-backports curl\n`, PIN);
    expectNone(`${D}RUN apt-get install -y --target-release=bookworm-backports curl\n`, PIN);
    expectNone(`${D}RUN apt-get install -y $PKGS \${PACKAGES} "$(cat /pkgs)"\n`, PIN);
    expectNone(`${D}RUN apt-get install -y -o Dpkg::Options::=--force-confnew\n`, PIN);
    // A glob selects several packages (corpus: jessfraz/android-tools).
    expectNone(`${D}RUN apt-get install -y android-tools* 'lib?' '[ab]c'\n`, PIN);
    expectNone(`${D}RUN echo apt-get install curl # apt-get install git\n`, PIN);
  });
  it('honours ignore comments by id and hadolint code', () => {
    expectNone(`${D}# hadolint ignore=DL3008\nRUN apt-get install -y curl\n`, PIN);
    expectNone(`${D}# dockerfile-doctor ignore=${PIN}\nRUN apt-get install -y curl\n`, PIN);
  });
});

describe(YES, () => {
  before(() => ready);
  it('inserts -y after the subcommand', () => {
    expectFix(`${D}RUN apt-get update && apt-get install curl=1\n`, YES, `${D}RUN apt-get update && apt-get install -y curl=1\n`);
    expectFix(`${D}RUN apt-get -q install curl=1\n`, YES, `${D}RUN apt-get -q install -y curl=1\n`);
    expectFix(`${D}RUN apt-get \\\n    install \\\n    curl=1\n`, YES, `${D}RUN apt-get \\\n    install -y \\\n    curl=1\n`);
    expectFix(`${D}RUN apt-get purge curl\n`, YES, `${D}RUN apt-get purge -y curl\n`);
    expectFix(`${D}RUN apt-get autoremove\n`, YES, `${D}RUN apt-get autoremove -y\n`);
    expectFix(`${D}RUN <<EOF\napt-get install curl=1\nEOF\n`, YES, `${D}RUN <<EOF\napt-get install -y curl=1\nEOF\n`);
    expectFix(`${D}ONBUILD RUN apt-get install curl=1\n`, YES, `${D}ONBUILD RUN apt-get install -y curl=1\n`);
    expectFix(`${D.replace('\n', '\r\n')}RUN apt-get install \\\r\n  curl=1\r\n`, YES, `${D.replace('\n', '\r\n')}RUN apt-get install -y \\\r\n  curl=1\r\n`);
    expectFix(`# escape=\`\n${D}RUN apt-get install \`\n  curl=1\n`, YES, `# escape=\`\n${D}RUN apt-get install -y \`\n  curl=1\n`);
    expectFix(`${D}run sh -c 'apt-get install curl=1'\n`, YES, `${D}run sh -c 'apt-get install -y curl=1'\n`);
  });
  it('accepts -y, --yes, --assume-yes, -qq, -q -q, -q=2, -o Assume-Yes, yes |', () => {
    for (const opts of ['-y', '-yq', '--yes', '--assume-yes', '-qq', '-q -q', '-q=2', '--quiet --quiet', '-o APT::Get::Assume-Yes=true', '-oAPT::Get::Assume-Yes=1']) {
      expectNone(`${D}RUN apt-get install ${opts} curl=1\n`, YES);
    }
    expectNone(`${D}RUN apt-get -y install curl=1\n`, YES);
    expectNone(`${D}RUN yes | apt-get install curl=1\n`, YES);
    expectNone(`${D}RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl=1\n`, YES);
    expectNone(`${D}RUN apt-get install $APT_OPTS curl=1\n`, YES);
    expectNone(`${D}RUN apt-get install \${APTFLAGS} curl=1 && apt-get install $EXTRA_ARGS x=1\n`, YES);
    // A variable of packages does not hide -y.
    assert.equal(findingsOf(`${D}RUN apt-get install $TARGET_PKGS\n`, YES).length, 1);
    expectNone(`${D}RUN apt-get update && apt-cache policy curl\n`, YES);
    expectNone(`${D}RUN ["apt-get", "install", "curl"]\n`, YES);
  });
  it('still flags a single -q', () => {
    assert.equal(findingsOf(`${D}RUN apt-get install -q curl=1\n`, YES).length, 1);
    assert.equal(findingsOf(`${D}RUN apt-get install --quiet curl=1\n`, YES).length, 1);
  });
  it('offers no fix on a read-only exec-form script', () => {
    expectNoFix(`${D}RUN ["sh", "-c", "apt-get install \\"curl=1\\""]\n`, YES);
  });
});

describe(REC, () => {
  before(() => ready);
  it('inserts --no-install-recommends (unsafe)', () => {
    const text = `${D}RUN apt-get install -y curl=1\n`;
    assert.equal(findingsOf(text, REC)[0].fixes[0].safety, 'unsafe');
    expectFix(text, REC, `${D}RUN apt-get install --no-install-recommends -y curl=1\n`);
    expectFix(`${D}RUN apt install -y curl=1\n`, REC, `${D}RUN apt install --no-install-recommends -y curl=1\n`);
  });
  it('accepts the option, the -o form and earlier apt.conf', () => {
    expectNone(`${D}RUN apt-get install -y --no-install-recommends curl=1\n`, REC);
    expectNone(`${D}RUN apt-get install -y -o APT::Install-Recommends=false curl=1\n`, REC);
    expectNone(`${D}RUN apt-get -o APT::Install-Recommends=0 install -y curl=1\n`, REC);
    expectNone(`${D}RUN apt-get install -y --install-recommends=no curl=1\n`, REC);
    expectNone(`${D}RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norec\nRUN apt-get install -y curl=1\n`, REC);
    expectNone(`${D}RUN apt-get update\n`, REC);
  });
  it('reads the apt.conf of the stages a stage is built on', () => {
    const base = `FROM debian:12 AS base\nRUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norec\n`;
    expectNone(`${base}FROM base AS mid\nRUN echo mid\nFROM mid\nRUN apt-get install -y curl=1\n`, REC);
    const other = `${base}FROM debian:12 AS other\nRUN echo x\nFROM other\nRUN apt-get install -y curl=1\n`;
    assert.equal(findingsOf(other, REC).length, 1);
    expectFix(other, REC, other.replace('install -y curl', 'install --no-install-recommends -y curl'));
    expectNone(`FROM debian:12 AS base\nRUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes\nFROM base\nRUN apt-get install curl=1\n`, YES);
  });
  it('flags -o APT::Install-Recommends=true, and config in another stage does not count', () => {
    assert.equal(findingsOf(`${D}RUN apt-get install -y -o APT::Install-Recommends=true curl=1\n`, REC).length, 1);
    assert.equal(findingsOf(`${D}RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/x\nFROM debian:12\nRUN apt-get install -y curl=1\n`, REC).length, 1);
  });
});

describe(LISTS, () => {
  before(() => ready);
  it('appends the removal to a plain && list (safe in the last stage)', () => {
    const text = `${D}RUN apt-get update && apt-get install -y curl=1\n`;
    const [f] = findingsOf(text, LISTS);
    assert.equal(f.fixes[0].safety, 'safe');
    expectFix(text, LISTS, `${D}RUN apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`);
    expectFix(`${D}RUN apt-get update \\\n    && apt-get install -y curl=1\n`, LISTS, `${D}RUN apt-get update \\\n    && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`);
  });
  it('is satisfied by a removal in any form after the update', () => {
    for (const rm of ['rm -rf /var/lib/apt/lists/*', 'rm -r /var/lib/apt/lists', 'rm -rf /var/lib/apt/lists/', 'rm -fr "/var/lib/apt/lists/"*', 'rm -rf /var/lib/apt',
      'apt-get clean && rm -rf /var/lib/apt/lists/*', 'find /var/lib/apt/lists -type f -delete', 'apt-get distclean']) {
      expectNone(`${D}RUN apt-get update && apt-get install -y curl=1 && ${rm}\n`, LISTS);
    }
    expectNone(`${D}RUN <<EOF\nset -e\napt-get update\napt-get install -y curl=1\nrm -rf /var/lib/apt/lists/*\nEOF\n`, LISTS);
  });
  it('flags apt-get clean alone, a removal before the update, and apt update', () => {
    assert.equal(findingsOf(`${D}RUN apt-get update && apt-get install -y x=1 && apt-get clean\n`, LISTS).length, 1);
    assert.equal(findingsOf(`${D}RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x=1\n`, LISTS).length, 1);
    assert.equal(findingsOf(`${D}RUN apt update && apt install -y x=1\n`, LISTS).length, 1);
    assert.equal(findingsOf(`${D}RUN apt-get update && apt-get install -y x=1\nRUN rm -rf /var/lib/apt/lists/*\n`, LISTS).length, 1);
  });
  it('is silent with a cache or tmpfs mount on the lists', () => {
    expectNone(`${D}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x=1\n`, LISTS);
    expectNone(`${D}RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x=1\n`, LISTS);
    expectNone(`${D}RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y x=1\n`, LISTS);
    assert.equal(findingsOf(`${D}RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x=1\n`, LISTS).length, 1);
  });
  it('is silent in a stage that never reaches the final image, not in its ancestors', () => {
    expectNone(`FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc=1\nFROM debian:12\nCOPY --from=build /x /x\n`, LISTS);
    const text = `FROM debian:12 AS base\nRUN apt-get update && apt-get install -y gcc=1\nFROM base\nRUN echo hi\n`;
    const [f] = findingsOf(text, LISTS);
    assert.equal(f.fixes[0].safety, 'unsafe');
    assert.equal(findingsOf(`FROM debian:12 AS build\nONBUILD RUN apt-get update && apt-get install -y gcc=1\nFROM debian:12\nCOPY --from=build /x /x\n`, LISTS).length, 1);
  });
  it('offers no fix when a later RUN needs the lists, or for ; lists and heredocs', () => {
    expectNoFix(`${D}RUN apt-get update\nRUN apt-get install -y curl=1\n`, LISTS);
    expectNoFix(`${D}RUN apt-get update; apt-get install -y curl=1\n`, LISTS);
    expectNoFix(`${D}RUN apt-get update && apt-get install -y curl=1 || true\n`, LISTS);
    expectNoFix(`${D}RUN <<EOF\napt-get update\napt-get install -y curl=1\nEOF\n`, LISTS);
    expectFix(`${D}RUN <<EOF\napt-get update && apt-get install -y curl=1\nEOF\n`, LISTS, `${D}RUN <<EOF\napt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\nEOF\n`);
    expectNoFix(`${D}RUN apt-get update && apt-get install -y curl=1 | tee log\n`, LISTS);
    const [f] = findingsOf(`${D}RUN apt-get update && apt-get install -y curl=1\nRUN apt-get update && apt-get install -y git=1 && rm -rf /var/lib/apt/lists/*\n`, LISTS);
    assert.equal(f.fixes.length, 1);
  });
});

describe(APT, () => {
  before(() => ready);
  it('replaces apt with apt-get or apt-cache, safety per subcommand', () => {
    const text = `${D}RUN apt update && apt install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`;
    const found = findingsOf(text, APT);
    assert.equal(found.length, 2);
    assert.equal(found[0].fixes[0].safety, 'safe');
    assert.equal(found[1].fixes[0].safety, 'unsafe');
    expectFix(text, APT, `${D}RUN apt-get update && apt install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`);
    expectFix(text, APT, `${D}RUN apt update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`, { finding: 1 });
    expectFix(`${D}RUN apt-get update && apt show curl && rm -rf /var/lib/apt/lists/*\n`, APT, `${D}RUN apt-get update && apt-cache show curl && rm -rf /var/lib/apt/lists/*\n`);
    expectFix(`${D}RUN /usr/bin/apt remove -y curl\n`, APT, `${D}RUN /usr/bin/apt-get remove -y curl\n`);
    expectFix(`${D}RUN apt upgrade -y\n`, APT, `${D}RUN apt-get upgrade --with-new-pkgs -y\n`);
    expectFix(`${D}RUN apt full-upgrade -y\n`, APT, `${D}RUN apt-get dist-upgrade -y\n`);
  });
  it('flags apt list without a fix; ignores apt-get, apt-cache, words and exec form', () => {
    expectNoFix(`${D}RUN apt list --installed\n`, APT);
    expectNone(`${D}RUN apt-get update && apt-cache show x && echo apt install x\n`, APT);
    expectNone(`${D}RUN ["apt", "install", "x"]\n`, APT);
  });
});
