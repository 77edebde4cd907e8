/**
 * stage-name-casing — BuildKit's StageNameCasing: `FROM … AS Builder`. Stage names are
 * case-insensitive (BuildKit lower-cases them when it looks them up: `--from=Builder`,
 * `FROM builder` and `--target BUILDER` all find it), so lower-casing the definition alone
 * cannot change the build: the fix is safe.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './stage-name-casing.md';
import zhCn from './stage-name-casing.zh-cn.md';

export const stageNameCasing: Rule = {
  id: 'stage-name-casing',
  defaultSeverity: 'warning',
  related: { buildkit: 'StageNameCasing' },
  description: 'Stage name is not lower case',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'lower-case it (safe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM' || ins.args.length < 3 || ins.args[1].value.toLowerCase() !== 'as') continue;
      const name = ins.args[2];
      const lower = name.value.toLowerCase();
      if (lower === name.value) continue;
      report({
        start: name.start,
        end: name.end,
        message: t('Stage name \'{0}\' should be lowercase', name.value),
        fixes: [{ title: t('Change to {0}', lower), safety: 'safe', edits: [{ start: name.start, end: name.end, newText: lower }] }],
      });
    }
  },
};
