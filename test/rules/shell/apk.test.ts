import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectFix, expectNoFix, expectNone, findingsOf, lintAll, ready } from '../../helpers';

const PIN = 'apk-add-without-pin';
const TZ = 'apk-add-tzdata-without-tz';
const VIRT = 'apk-virtual-without-del';
const UPD = 'apk-update-with-no-cache-add';
const NOCACHE = 'apk-add-without-no-cache';
const A = 'FROM alpine:3.20\n';

describe(PIN, () => {
  before(() => ready);
  it('flags unpinned packages, one finding per apk add', () => {
    const found = findingsOf(`${A}RUN apk add --no-cache curl git=2.45.2-r0 bash\n`, PIN);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /curl, bash/);
    assert.equal(findingsOf(`${A}RUN apk add --no-cache curl@edge\n`, PIN).length, 1);
    assert.equal(findingsOf(`${A}ONBUILD RUN apk add --no-cache curl\n`, PIN).length, 1);
    assert.equal(findingsOf(`${A}RUN apk add --no-cache a && apk add --no-cache b\n`, PIN).length, 2);
  });
  it('accepts every constraint, files, the virtual name, option values and expansions', () => {
    expectNone(`${A}RUN apk add --no-cache curl=8.9.1-r2 'bash~5.2' "git>=2.40" 'zlib<2' ca-certificates\\<=9\n`.replace('ca-certificates\\<=9', "'ca-certificates<=9'"), PIN);
    expectNone(`${A}RUN apk add --allow-untrusted /tmp/x.apk ./y.apk\n`, PIN);
    expectNone(`${A}RUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n`, PIN);
    expectNone(`${A}RUN apk add --no-cache -t .build-deps gcc=13.2.1-r0\n`, PIN);
    expectNone(`${A}RUN apk add --no-cache --virtual=.deps gcc=13.2.1-r0\n`, PIN);
    expectNone(`${A}RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing foo=1\n`, PIN);
    expectNone(`${A}RUN apk add --no-cache $PKGS \${PACKAGES}\n`, PIN);
    expectNone(`${A}RUN apk del curl && apk info\n`, PIN);
  });
  it('honours hadolint ignore comments', () => {
    expectNone(`${A}# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n`, PIN);
  });
});

describe(TZ, () => {
  before(() => ready);
  const snippetBody = (): string[] => {
    const file = path.resolve(__dirname, '../../../../snippets/dockerfile.code-snippets');
    const body = JSON.parse(fs.readFileSync(file, 'utf8'))['Alpine: set the timezone (tzdata)'].body as string[];
    return body.map((l) => l.replace(/\$\{1:([^}]*)\}/g, '$1').replace(/\\\$/g, '$'));
  };
  it('suggests the recipe of the timezone snippet', () => {
    const text = `${A}RUN apk add --no-cache tzdata && echo done\n`;
    const [f] = findingsOf(text, TZ);
    assert.equal(f.fixes[0].safety, 'suggestion');
    const body = snippetBody();
    const expected = `${A}${body[0]}\nRUN apk add --no-cache tzdata && ${body[2].trim().replace(/^&& /, '').replace(/ \\$/, '')} && ${body[3].trim().replace(/^&& /, '')} && echo done\n`;
    expectFix(text, TZ, expected);
    expectFix(`${A}run apk add --no-cache tzdata\n`, TZ, `${A}env TZ=Asia/Shanghai\nrun apk add --no-cache tzdata && ln -snf "/usr/share/zoneinfo/$TZ" /etc/localtime && echo "$TZ" > /etc/timezone\n`);
    // Not a plain list: only the ENV line.
    expectFix(`${A}RUN apk add --no-cache tzdata; echo done\n`, TZ, `${A}ENV TZ=Asia/Shanghai\nRUN apk add --no-cache tzdata; echo done\n`);
    expectFix(`${A.replace('\n', '\r\n')}RUN apk add --no-cache \\\r\n    tzdata\r\n`, TZ, `${A.replace('\n', '\r\n')}ENV TZ=Asia/Shanghai\r\nRUN apk add --no-cache \\\r\n    tzdata && ln -snf "/usr/share/zoneinfo/$TZ" /etc/localtime && echo "$TZ" > /etc/timezone\r\n`);
  });
  it('is satisfied by ENV TZ, /etc/localtime, setup-timezone, COPY', () => {
    expectNone(`${A}ENV TZ=Europe/Paris\nRUN apk add --no-cache tzdata\n`, TZ);
    expectNone(`${A}RUN apk add --no-cache tzdata\nENV LANG=C.UTF-8 TZ=Europe/Paris\n`, TZ);
    expectNone(`${A}ENV TZ Europe/Paris\nRUN apk add --no-cache tzdata\n`, TZ);
    expectNone(`${A}RUN apk add --no-cache tzdata && cp /usr/share/zoneinfo/Europe/Paris /etc/localtime && apk del tzdata\n`, TZ);
    expectNone(`${A}RUN apk add --no-cache tzdata\nRUN ln -sf /usr/share/zoneinfo/UTC /etc/localtime\n`, TZ);
    expectNone(`${A}RUN apk add --no-cache tzdata alpine-conf && setup-timezone -z Europe/Paris\n`, TZ);
    expectNone(`${A}RUN apk add --no-cache tzdata\nCOPY localtime /etc/localtime\n`, TZ);
  });
  it('sees ENV TZ and /etc/localtime of the stages a stage is built on', () => {
    expectNone('FROM alpine:3.20 AS base\nENV TZ=Europe/Paris\nFROM base\nRUN apk add --no-cache tzdata\n', TZ);
    expectNone('FROM alpine:3.20 AS base\nRUN ln -s /usr/share/zoneinfo/UTC /etc/localtime\nFROM base AS mid\nFROM mid\nRUN apk add --no-cache tzdata\n', TZ);
    const text = 'FROM alpine:3.20 AS base\nRUN echo hi\nFROM base\nRUN apk add --no-cache tzdata\n';
    assert.equal(findingsOf(text, TZ).length, 1);
    expectFix(text, TZ, 'FROM alpine:3.20 AS base\nRUN echo hi\nFROM base\nENV TZ=Asia/Shanghai\nRUN apk add --no-cache tzdata && ln -snf "/usr/share/zoneinfo/$TZ" /etc/localtime && echo "$TZ" > /etc/timezone\n');
  });
  it('flags ARG TZ and ENV TZ of another stage; silent in a discarded stage', () => {
    assert.equal(findingsOf(`${A}ARG TZ=UTC\nRUN apk add --no-cache tzdata\n`, TZ).length, 1);
    assert.equal(findingsOf(`${A}ENV TZ=UTC\nFROM alpine:3.20\nRUN apk add --no-cache tzdata\n`, TZ).length, 1);
    expectNone(`FROM alpine:3.20 AS build\nRUN apk add --no-cache tzdata\nFROM alpine:3.20\nCOPY --from=build /x /x\n`, TZ);
    expectNoFix(`${A}ONBUILD RUN apk add --no-cache tzdata\n`, TZ);
  });
});

describe(VIRT, () => {
  before(() => ready);
  it('flags a virtual package never removed in the same RUN', () => {
    const [f] = findingsOf(`${A}RUN apk add --no-cache --virtual .build-deps gcc=1 && make\n`, VIRT);
    assert.match(f.message, /\.build-deps/);
    assert.equal(f.range.start.character, 'RUN apk add --no-cache '.length);
    assert.equal(f.range.end.character, 'RUN apk add --no-cache --virtual .build-deps'.length);
    assert.equal(findingsOf(`${A}RUN apk add --no-cache -t .deps gcc=1\nRUN apk del .deps\n`, VIRT).length, 1);
    assert.equal(findingsOf(`${A}RUN apk add --no-cache --virtual=.deps gcc=1 && apk del .other\n`, VIRT).length, 1);
    assert.equal(findingsOf(`${A}RUN apk del .deps; apk add --no-cache --virtual .deps gcc=1\n`, VIRT).length, 1);
    assert.equal(findingsOf(`${A}ONBUILD RUN apk add --no-cache --virtual .deps gcc=1\n`, VIRT).length, 1);
  });
  it('is satisfied by apk del in any form later in the RUN', () => {
    expectNone(`${A}RUN apk add --no-cache --virtual .build-deps gcc=1 && make && apk del .build-deps\n`, VIRT);
    expectNone(`${A}RUN set -eux; apk add --no-cache --virtual .build-deps gcc=1; make; apk del --no-network .build-deps\n`, VIRT);
    expectNone(`${A}RUN <<EOF\napk add --no-cache -t .deps gcc=1\nmake\napk del --purge .deps\nEOF\n`, VIRT);
    expectNone(`${A}RUN apk add --no-cache --virtual .deps gcc=1 && apk del $BUILD_DEPS\n`, VIRT);
  });
  it('keeps run-time virtual packages and skips discarded stages', () => {
    expectNone(`${A}RUN apk add --no-cache --virtual .python-rundeps libffi=1\n`, VIRT);
    expectNone(`${A}RUN apk add --no-cache --virtual .run-deps libffi=1\n`, VIRT);
    expectNone(`FROM alpine:3.20 AS build\nRUN apk add --no-cache --virtual .deps gcc=1\nFROM alpine:3.20\nCOPY --from=build /x /x\n`, VIRT);
  });
});

describe(UPD, () => {
  before(() => ready);
  it('removes a redundant apk update (safe)', () => {
    const text = `${A}RUN apk update && apk add --no-cache curl=1\n`;
    assert.equal(findingsOf(text, UPD)[0].fixes[0].safety, 'safe');
    expectFix(text, UPD, `${A}RUN apk add --no-cache curl=1\n`);
    expectFix(`${A}RUN apk update -q \\\n    && apk upgrade --no-cache\n`, UPD, `${A}RUN apk upgrade --no-cache\n`);
    expectFix(`${A}RUN set -e && apk update && apk add --no-cache curl=1 && echo ok\n`, UPD, `${A}RUN set -e && apk add --no-cache curl=1 && echo ok\n`);
    expectFix(`${A}ONBUILD RUN apk update && apk add --no-cache curl=1\n`, UPD, `${A}ONBUILD RUN apk add --no-cache curl=1\n`);
  });
  it('reports without a fix when the update is not a plain && member', () => {
    expectNoFix(`${A}RUN apk update; apk add --no-cache curl=1\n`, UPD);
    expectNoFix(`${A}RUN <<EOF\napk update\napk add --no-cache curl=1\nEOF\n`, UPD);
    expectNoFix(`${A}RUN apk update --repository https://x/y && apk add --no-cache curl=1\n`, UPD);
  });
  it('is silent when the update serves another call, the cache is removed or mounted, or add lacks --no-cache', () => {
    expectNone(`${A}RUN apk update && apk upgrade && apk add --no-cache curl=1\n`, UPD);
    expectNone(`${A}RUN apk update && apk add --no-cache curl=1 && apk search -v zlib\n`, UPD);
    expectNone(`${A}RUN apk update && apk add --no-cache curl=1 && rm -rf /var/cache/apk/*\n`, UPD);
    expectNone(`${A}RUN --mount=type=cache,target=/var/cache/apk apk update && apk add --no-cache curl=1\n`, UPD);
    expectNone(`${A}RUN --mount=type=tmpfs,target=/var/cache/apk apk update && apk add --no-cache curl=1\n`, UPD);
    expectNone(`${A}RUN apk update && apk add curl=1\n`, UPD);
    expectNone(`${A}RUN apk add --no-cache curl=1 && apk update\n`, UPD);
    expectNone(`FROM alpine:3.20 AS b\nRUN apk update && apk add --no-cache gcc=1\nFROM alpine:3.20\nCOPY --from=b /x /x\n`, UPD);
  });
  it('the DL3019 fix removes the update it makes redundant, so no new finding appears', () => {
    const text = `${A}RUN apk update && apk add curl=1\n`;
    assert.equal(findingsOf(text, UPD).length, 0);
    expectFix(text, NOCACHE, `${A}RUN apk add --no-cache curl=1\n`);
    const two = `${A}RUN apk update && apk add a=1 && apk add b=1\n`;
    expectFix(two, NOCACHE, `${A}RUN apk update && apk add --no-cache a=1 && apk add b=1\n`);
    // Not removable (a `;` list): no fix rather than a new finding.
    const semi = `${A}RUN apk update; apk add curl=1\n`;
    assert.deepEqual(findingsOf(semi, NOCACHE)[0].fixes.filter((f) => f.safety === 'safe'), []);
    assert.ok(lintAll(semi).length > 0);
  });
});
