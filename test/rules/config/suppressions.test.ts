/**
 * Suppression comments, every form: next instruction, stage, global (hadolint's and ours),
 * reasons after the codes, `# check=skip=…` per instruction and as the directive (with
 * error=true and experimental=…), `# hadolint shell=…`, disable-ignore-pragma, and
 * 'unused-ignore' (an ignore comment that suppresses nothing) with its fix.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Linter } from '../../../server/src/lint';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../../server/src/settings';
import { expectFix, findingsOf, lintAll, ready } from '../../helpers';

const RULE = 'unused-ignore';
const ids = (text: string, settings: Settings = DEFAULT_SETTINGS) => new Linter().lint(text, settings).map((f) => `${f.range.start.line + 1} ${f.ruleId}`);

describe('suppression comments', () => {
  before(() => ready);

  it('next instruction: hadolint code, our id, BuildKit name; with a reason after #', () => {
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint ignore=DL3020\nADD a /a\nADD b /b\n'), ['4 add-instead-of-copy']);
    assert.deepEqual(ids('FROM alpine:3.20\n# dockerfile-doctor ignore=add-instead-of-copy\nADD a /a\n'), []);
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint ignore=DL3020 # the tarball is unpacked on purpose\nADD a /a\n'), []);
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint ignore=DL3019, DL3020 # reason, with a comma\nADD a /a\n'), ['2 unused-ignore']);
    assert.deepEqual(ids('FROM alpine:3.20\n#hadolint ignore=dl3020\nADD a /a\n'), [], 'codes are case-insensitive');
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint ignore=DL3020\n# another comment\nADD a /a\n'), [], 'the whole comment block above counts');
  });

  it('stage: `# hadolint stage ignore=…` above a FROM covers that stage only', () => {
    const text = '# hadolint stage ignore=DL3020\nFROM alpine:3.20 AS build\nADD a /a\nADD b /b\nFROM alpine:3.20\nADD c /c\n';
    assert.deepEqual(ids(text), ['6 add-instead-of-copy']);
    const ours = 'FROM alpine:3.20\n# dockerfile-doctor stage ignore=add-instead-of-copy\nFROM alpine:3.20 AS two\nADD a /a\n';
    assert.deepEqual(ids(ours), []);
    // Above a non-FROM instruction it applies to nothing: reported as unused.
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint stage ignore=DL3020\nRUN true\n'), ['2 unused-ignore']);
  });

  it('global: hadolint and ours, anywhere in the file', () => {
    assert.deepEqual(ids('FROM alpine:3.20\nADD a /a\n# hadolint global ignore=DL3020\nFROM alpine:3.20\nADD b /b\n'), []);
    assert.deepEqual(ids('# dockerfile-doctor global ignore=add-instead-of-copy\nFROM alpine:3.20\nADD b /b\n'), []);
  });

  it('BuildKit: `# check=skip=` per instruction (not a directive) and as the directive', () => {
    // The CMD finding (JSONArgsRecommended) is skipped, and the comment is the per-instruction
    // check pragma, not a misplaced directive.
    assert.deepEqual(ids('FROM alpine:3.20\nRUN a\n# check=skip=JSONArgsRecommended\nCMD echo hi\n').filter((x) => !x.includes('consecutive')), []);
    // skip=all is BuildKit's build checks: a hadolint-only rule and a syntax error stay.
    assert.deepEqual(ids('# check=skip=all\nFROM alpine:3.20\nADD a /a\nRUNN x\n'), ['3 add-instead-of-copy', '4 unknown-instruction']);
    assert.deepEqual(ids('# check=skip=all\nFROM alpine:3.20\nCMD echo hi\n'), []);
    assert.deepEqual(ids('# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20\nCMD echo hi\nADD a /a\n'), ['4 add-instead-of-copy']);
  });

  it('reads the whole directive value, blanks included, as BuildKit does', () => {
    const text = (directive: string) => `${directive}\n\nFROM alpine:3.20 as Build\nCMD echo hi\n`;
    assert.deepEqual(ids(text('# check=skip=FromAsCasing, StageNameCasing ,JSONArgsRecommended')), []);
    assert.deepEqual(ids(text('#  check = skip = FromAsCasing ; error = true')), ['3 stage-name-casing', '4 cmd-shell-form']);
    const l = new Linter();
    l.lint(text('# check = error = true'));
    assert.equal(l.lastCheckError, true);
    assert.deepEqual(ids('# check=experimental= InvalidDefinitionDescription\n# the toolchain\nARG GO_VERSION=1.23\nFROM golang:$GO_VERSION\n'), ['2 invalid-definition-description']);
  });

  it('an experimental check that `experimental=` names stays on whatever `skip=` says (BuildKit)', () => {
    const desc = (directive: string) => ids(`${directive}\n# the toolchain\nARG GO_VERSION=1.23\nFROM golang:$GO_VERSION\n`).filter((x) => x.endsWith('invalid-definition-description'));
    assert.deepEqual(desc('# check=skip=all;experimental=InvalidDefinitionDescription'), ['2 invalid-definition-description']);
    assert.deepEqual(desc('# check=skip=InvalidDefinitionDescription;experimental=all'), ['2 invalid-definition-description']);
    assert.deepEqual(desc('# check=skip=all'), []);
    // `experimental=` means nothing for a check that is not experimental: skip wins.
    assert.deepEqual(ids('# check=skip=all;experimental=FromAsCasing\nFROM alpine:3.20 as build\nRUN true\n'), []);
  });

  it('`# check=error=true` is reported to the CLI (lastCheckError); off by default', () => {
    const l = new Linter();
    l.lint('# check=error=true\nFROM alpine\n');
    assert.equal(l.lastCheckError, true);
    l.lint('# check=skip=all;error=false\nFROM alpine\n');
    assert.equal(l.lastCheckError, false);
    l.lint('FROM alpine\n# check=error=true\nRUN x\n');
    assert.equal(l.lastCheckError, false, 'not a directive below FROM');
  });

  it('`# hadolint shell=pwsh` (or powershell, cmd): shell rules skip the stage', () => {
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint shell=powershell\nRUN apk add curl=8.9.1-r2\n').filter((x) => x.includes('apk')), []);
    assert.deepEqual(ids('# hadolint shell=pwsh\nFROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n').filter((x) => x.includes('apk')), []);
    // A later FROM ends it.
    assert.deepEqual(ids('FROM a\n# hadolint shell=cmd\nRUN apk add x\nFROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n').filter((x) => x.includes('apk')), ['5 apk-add-without-no-cache']);
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint shell=bash\nRUN apk add curl=8.9.1-r2\n').filter((x) => x.includes('apk')), ['3 apk-add-without-no-cache']);
  });

  it('disable-ignore-pragma: no ignore comment counts, and none is reported unused', () => {
    const text = '# hadolint global ignore=DL3059\nFROM alpine:3.20\n# hadolint ignore=DL3020\nADD a /a\nRUN a\nRUN b\n# hadolint ignore=DL3019\nCOPY c /c\n';
    assert.deepEqual(ids(text), ['7 unused-ignore']);
    const off = mergeSettings(DEFAULT_SETTINGS, { disableIgnorePragma: true });
    assert.deepEqual(ids(text, off), ['4 add-instead-of-copy', '6 consecutive-run']);
    // `# check=skip` is BuildKit's build configuration, not a hadolint pragma: it still applies.
    assert.deepEqual(ids('# check=skip=all\nFROM alpine:3.20\nCMD echo hi\n', off), []);
  });

  it('settings still decide: an ignore of a rule that is off is not "unused"', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { rules: { 'add-instead-of-copy': 'off' } });
    assert.deepEqual(ids('FROM alpine:3.20\n# hadolint ignore=DL3020\nCOPY a /a\n', s), []);
  });
});

describe(RULE, () => {
  before(() => ready);

  it('reports each unused code on its range, as a hint', () => {
    const found = findingsOf('FROM alpine\n# hadolint ignore=DL3020,DL3019\nCOPY a /a\n', RULE);
    assert.deepEqual(found.map((f) => [f.range.start.character, f.range.end.character, f.severity, f.message]), [
      [18, 24, 'hint', '"DL3020" suppresses nothing here'],
      [25, 31, 'hint', '"DL3019" suppresses nothing here'],
    ]);
  });

  it('removes the whole comment when nothing in it is used', () => {
    expectFix('FROM alpine\n# hadolint ignore=DL3020\nCOPY a /a\n', RULE, 'FROM alpine\nCOPY a /a\n');
    expectFix('FROM alpine\r\n# hadolint global ignore=DL3020  # old\r\nCOPY a /a\r\n', RULE, 'FROM alpine\r\nCOPY a /a\r\n');
    expectFix('FROM alpine\nCOPY a /a\n# dockerfile-doctor ignore=add-instead-of-copy', RULE, 'FROM alpine\nCOPY a /a\n');
  });

  it('removes only the unused code when another one is used, keeping the reason', () => {
    expectFix('FROM alpine\n# hadolint ignore=DL3019,DL3020 # reason\nADD a /a\n', RULE, 'FROM alpine\n# hadolint ignore=DL3020 # reason\nADD a /a\n');
    expectFix('FROM alpine\n# hadolint ignore=DL3020, DL3019\nADD a /a\n', RULE, 'FROM alpine\n# hadolint ignore=DL3020\nADD a /a\n');
  });

  it('an ignore used by a finding of a file-level check or of another chunk\'s stage is used', () => {
    // Global ignore in the first stage, finding in the second chunk.
    assert.deepEqual(ids('# hadolint global ignore=DL3020\nFROM alpine:3.20\nRUN x\nFROM alpine:3.20\nADD a /a\n'), []);
  });

  it('leaves codes we do not implement, and `# check=skip`, alone', () => {
    assert.deepEqual(findingsOf('FROM alpine\n# hadolint ignore=DL3005,SC2086\nRUN apt-get install -y curl\n', RULE), []);
    assert.deepEqual(findingsOf('FROM alpine\n# check=skip=JSONArgsRecommended\nRUN true\n', RULE), []);
  });

  it('the fix is safe on our comments, unsafe (never automatic) on hadolint\'s: hadolint may still need them', () => {
    assert.equal(findingsOf('FROM alpine\n# dockerfile-doctor ignore=DL3020\nCOPY a /a\n', RULE)[0].fixes[0].safety, 'safe');
    assert.equal(findingsOf('FROM alpine\n# hadolint ignore=DL3020\nCOPY a /a\n', RULE)[0].fixes[0].safety, 'unsafe');
  });

  it('marks the fix unsafe when the next line would become a parser directive', () => {
    const found = findingsOf('# dockerfile-doctor global ignore=DL3020\n# syntax=docker/dockerfile:1\nFROM alpine\n', RULE);
    assert.equal(found[0].fixes[0].safety, 'unsafe');
  });

  it('can itself be ignored: for a comment block, or for the file', () => {
    assert.deepEqual(findingsOf('FROM alpine\n# dockerfile-doctor ignore=unused-ignore\n# hadolint ignore=DL3020\nCOPY a /a\n', RULE), []);
    assert.deepEqual(findingsOf('# dockerfile-doctor global ignore=unused-ignore\nFROM alpine\n# hadolint ignore=DL3020\nCOPY a /a\n', RULE), []);
    assert.equal(findingsOf('FROM alpine\n# dockerfile-doctor ignore=unused-ignore\n\n# hadolint ignore=DL3020\nCOPY a /a\n', RULE).length, 1, 'another block');
  });

  it('never throws on odd pragma text', () => {
    for (const text of ['# hadolint ignore=\nFROM a\n', '# hadolint ignore=,,,\nFROM a\n', '# hadolint global ignore= # x\nFROM a\n', '# check=skip=\nFROM a\n', '# hadolint shell=\nFROM a\nRUN x\n', '# hadolint stage ignore=DL3020\n']) {
      assert.doesNotThrow(() => lintAll(text), text);
    }
  });
});
