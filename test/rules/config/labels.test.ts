/** The label-schema rules: missing-label, superfluous-label, empty-label and the label-not-* value checks. */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Linter } from '../../../server/src/lint';
import { valid as email } from '../../../server/src/rules/config/label-not-email';
import { valid as hash } from '../../../server/src/rules/config/label-not-git-hash';
import { valid as rfc3339 } from '../../../server/src/rules/config/label-not-datetime';
import { valid as semver } from '../../../server/src/rules/config/label-not-semver';
import { valid as spdx } from '../../../server/src/rules/config/label-not-spdx';
import { valid as url } from '../../../server/src/rules/config/label-not-url';
import { DEFAULT_SETTINGS, mergeSettings, type LabelType, type Settings } from '../../../server/src/settings';
import { ready } from '../../helpers';

const schema = (s: Record<string, LabelType>, strict = false): Settings => mergeSettings(DEFAULT_SETTINGS, { labelSchema: s, strictLabels: strict });
const LABEL_RULES = new Set(['missing-label', 'superfluous-label', 'empty-label', 'label-not-url', 'label-not-datetime', 'label-not-spdx', 'label-not-git-hash', 'label-not-semver', 'label-not-email']);
const found = (text: string, s: Settings) => new Linter().lint(text, s).filter((f) => LABEL_RULES.has(f.ruleId)).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`);

describe('missing-label', () => {
  before(() => ready);

  it('reports each required label missing from the image, on its FROM', () => {
    assert.deepEqual(found('FROM alpine\nLABEL maintainer="a@b.c"\n', schema({ maintainer: 'email', version: 'semver' })), ['1:1 missing-label: Label "version" is missing']);
    assert.deepEqual(found('FROM alpine\n', DEFAULT_SETTINGS), [], 'no schema: nothing');
  });

  it('multi-stage: build stages only copied from are not checked; the final stage and unused stages are', () => {
    const text = 'FROM golang AS build\nRUN go build\nFROM alpine AS debug\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n';
    assert.deepEqual(found(text, schema({ version: 'semver' })), ['3:1 missing-label: Label "version" is missing', '4:1 missing-label: Label "version" is missing']);
  });

  it('labels are inherited through FROM <stage>; the base a labelled stage extends is not reported', () => {
    const text = 'FROM alpine AS base\nLABEL version=1.0.0\nFROM base AS app\nRUN x\n';
    assert.deepEqual(found(text, schema({ version: 'semver' })), []);
    const text2 = 'FROM alpine AS base\nFROM base\nLABEL version=1.0.0\n';
    assert.deepEqual(found(text2, schema({ version: 'semver' })), [], 'hadolint would report the base stage');
    const byIndex = 'FROM alpine\nRUN make\nFROM alpine\nCOPY --from=0 /a /a\nLABEL version=1.0.0\n';
    assert.deepEqual(found(byIndex, schema({ version: 'semver' })), [], 'COPY --from=<index>');
  });

  it('can be ignored on the FROM', () => {
    assert.deepEqual(found('# hadolint ignore=DL3049\nFROM alpine\n', schema({ version: 'semver' })), []);
  });
});

describe('superfluous-label', () => {
  before(() => ready);
  it('with strict-labels, each label outside the schema', () => {
    const text = 'FROM alpine\nLABEL version=1.0.0 \\\n      build-host=ci\n';
    assert.deepEqual(found(text, schema({ version: 'semver' }, true)), ['3:7 superfluous-label: Label "build-host" is not in the label schema']);
    assert.deepEqual(found(text, schema({ version: 'semver' }, false)), [], 'not strict');
  });
  it('the ignore comment goes above the LABEL instruction, even for a continuation line', () => {
    assert.deepEqual(found('FROM alpine\n# hadolint ignore=DL3050\nLABEL version=1.0.0 \\\n      x=y\n', schema({ version: 'semver' }, true)), []);
  });
});

describe('empty-label', () => {
  before(() => ready);
  it('a schema label set to nothing', () => {
    assert.deepEqual(found('FROM alpine\nLABEL version=""\nLABEL other=""\n', schema({ version: 'semver', other2: 'text' })).filter((x) => x.includes('empty')),
      ['2:15 empty-label: Label "version" is empty']);
    assert.deepEqual(found('FROM alpine\nLABEL version=$V\n', schema({ version: 'semver' })), []);
  });
});

describe('label values (label-not-url, -datetime, -spdx, -git-hash, -semver, -email)', () => {
  before(() => ready);

  it('each rule checks the labels of its type, on the value', () => {
    const s = schema({ src: 'url', created: 'rfc3339', lic: 'spdx', rev: 'hash', version: 'semver', maintainer: 'email', title: 'text' });
    const bad = 'FROM alpine\nLABEL src=github.com/a created="2024-05-01 12:30" lic="Apache 2" rev=main version=1.2 maintainer=someone title=x\n';
    assert.deepEqual(found(bad, s), [
      '2:11 label-not-url: Label "src" is not a valid URL',
      '2:32 label-not-datetime: Label "created" is not a valid RFC 3339 time (e.g. 2024-05-01T12:30:00Z)',
      '2:55 label-not-spdx: Label "lic" is not a valid SPDX license expression (e.g. MIT, Apache-2.0 OR MIT)',
      '2:70 label-not-git-hash: Label "rev" is not a valid git commit hash',
      '2:83 label-not-semver: Label "version" is not a valid semantic version (e.g. 1.2.3)',
      '2:98 label-not-email: Label "maintainer" is not a valid email address',
    ]);
    const good = 'FROM alpine\nLABEL src=https://github.com/a created=2024-05-01T12:30:00Z lic="Apache-2.0 OR MIT" rev=3f2a9c1 version=1.2.0 maintainer="Dev <dev@example.com>" title=x\n';
    assert.deepEqual(found(good, s), []);
    assert.deepEqual(found('FROM alpine\nLABEL src=$SRC version=${VERSION}\n', s).filter((x) => !x.includes('missing')), [], 'variables are not judged');
  });

  it('a LABEL before the first FROM still has its values and names checked, never a missing label', () => {
    const s = schema({ src: 'url', version: 'semver' }, true);
    assert.deepEqual(found('LABEL src=github.com/a extra=1\nFROM alpine\nLABEL src=https://github.com/a version=1.0.0\n', s), [
      '1:11 label-not-url: Label "src" is not a valid URL',
      '1:24 superfluous-label: Label "extra" is not in the label schema',
    ]);
    assert.deepEqual(found('LABEL version=1.0.0 src=https://x.org\n', s), [], 'no stage: nothing is missing');
  });

  it('url', () => {
    for (const v of ['https://github.com/org/repo', 'http://localhost:8080/x?y#z', 'git+ssh://git@host/r', 'https://user@host']) assert.ok(url(v), v);
    for (const v of ['github.com/org', 'https://', 'https:// x', 'mailto:a@b.c', '/path', 'x'.repeat(5000)]) assert.ok(!url(v), v);
  });
  it('rfc3339', () => {
    for (const v of ['2024-05-01T12:30:00Z', '2024-05-01t12:30:00.123+02:00', '2024-02-29T00:00:00Z', '2016-12-31T23:59:60Z']) assert.ok(rfc3339(v), v);
    for (const v of ['2024-05-01', '2024-05-01T12:30Z', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T12:30:00+25:00']) assert.ok(!rfc3339(v), v);
  });
  it('spdx', () => {
    for (const v of ['MIT', 'Apache-2.0 OR MIT', '(MIT AND BSD-3-Clause) OR GPL-2.0-or-later', 'GPL-2.0+ WITH Classpath-exception-2.0', 'LicenseRef-Proprietary']) assert.ok(spdx(v), v);
    for (const v of ['', 'Apache License 2.0', 'MIT OR', '(MIT', 'MIT AND AND BSD', 'MIT WITH', 'MIT,BSD']) assert.ok(!spdx(v), v);
    // Licences come from the SPDX list (any case, deprecated ids too); unknown names do not pass.
    for (const v of ['apache-2.0', 'GPL-2.0', 'LGPL-2.1+', 'DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2']) assert.ok(spdx(v), v);
    for (const v of ['Apache2', 'GPLv3', 'BSD', 'MIT OR Proprietary', 'LicenseRef-', 'MIT+ WITH']) assert.ok(!spdx(v), v);
  });
  it('git hash', () => {
    for (const v of ['3f2a9c1', 'a'.repeat(40), 'A'.repeat(64)]) assert.ok(hash(v), v);
    for (const v of ['main', 'abc12', 'g'.repeat(40), 'a'.repeat(41)]) assert.ok(!hash(v), v);
  });
  it('semver', () => {
    for (const v of ['1.2.3', 'v1.2.3', '1.0.0-rc.1', '2.0.0+build.7', '1.0.0-alpha.beta-1']) assert.ok(semver(v), v);
    for (const v of ['1.2', '01.2.3', '1.2.3-', 'latest', `1.2.3-${'1'.repeat(300)}!`]) assert.ok(!semver(v), v);
  });
  it('email', () => {
    for (const v of ['dev@example.com', 'Dev Team <dev@example.com>', 'a.b+c@sub.example.org']) assert.ok(email(v), v);
    for (const v of ['someone', 'a@b', '@example.com', 'a@@b.c', 'a b@c.d', 'a@b..c', `a@${'x'.repeat(10000)}`]) assert.ok(!email(v), v);
  });
});
