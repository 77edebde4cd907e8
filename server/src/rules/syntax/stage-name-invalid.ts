/**
 * stage-name-invalid — `FROM image AS <name>` with a name BuildKit rejects: it must start with
 * a letter and hold only letters, digits, `-`, `_` and `.` (`AS 1st`, `AS my stage`, `AS $X`).
 * Letter case is the casing rules' concern (BuildKit lower-cases the name).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { plainArgs } from './_words';
import en from './stage-name-invalid.md';
import zhCn from './stage-name-invalid.zh-cn.md';

export const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export const stageNameInvalid: Rule = {
  id: 'stage-name-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid build stage name',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const args = plainArgs(ins);
      if (args.length !== 3 || args[1].value.toLowerCase() !== 'as') continue;
      const name = args[2];
      if (VALID_STAGE_NAME.test(name.value.toLowerCase())) continue;
      report({
        start: name.start,
        end: name.end,
        message: t('Invalid stage name "{0}": it must start with a letter and hold only letters, digits, "-", "_" and "."', name.value),
      });
    }
  },
};
