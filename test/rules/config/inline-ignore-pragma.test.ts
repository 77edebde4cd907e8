import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Linter } from '../../../server/src/lint';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../server/src/settings';
import { ready } from '../../helpers';

const RULE = 'inline-ignore-pragma';
const on = mergeSettings(DEFAULT_SETTINGS, { rules: { [RULE]: 'warning' } });
const found = (text: string, s = on) => new Linter().lint(text, s).filter((f) => f.ruleId === RULE).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1}`);

describe(RULE, () => {
  before(() => ready);

  it('is off by default (opt-in, like hadolint DL1001)', () => {
    assert.deepEqual(found('FROM alpine\n# hadolint ignore=DL3020\nADD a /a\n', DEFAULT_SETTINGS), []);
  });

  it('reports inline and stage ignore comments, hadolint\'s and ours, while they still apply', () => {
    const text = '# hadolint stage ignore=DL3020\nFROM alpine\n  # dockerfile-doctor ignore=add-instead-of-copy # reason\nADD a /a\nFROM alpine\n# hadolint ignore=DL3020\nADD b /b\n';
    assert.deepEqual(found(text), ['1:1-31', '3:3-58', '6:1-25']);
    assert.ok(!new Linter().lint(text, on).some((f) => f.ruleId === 'add-instead-of-copy'), 'the comments still suppress');
  });

  it('leaves global ignores, check=skip, shell pragmas, other comments and heredoc bodies alone', () => {
    const text = '# hadolint global ignore=DL3020\nFROM alpine\n# check=skip=JSONArgsRecommended\n# hadolint shell=bash\n# ignore this\nRUN <<EOF\n# hadolint ignore=DL3020\nEOF\n';
    assert.deepEqual(found(text), []);
  });

  it('turned on through .hadolint.yaml style overrides by its hadolint code', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { rules: { [RULE]: 'error' } });
    assert.equal(new Linter().lint('FROM a\n# hadolint ignore=DL3020\nADD a /a\n', s).find((f) => f.ruleId === RULE)?.severity, 'error');
  });
});
