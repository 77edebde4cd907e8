/**
 * user-root-last — the final image runs as root: its last USER (in the final stage, or inherited
 * through `FROM <stage>`) is `root` or `0`. Whole-file: the final stage and its ancestors.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { finalUser, isRoot, recordUsers } from './_user';
import en from './user-root-last.md';
import zhCn from './user-root-last.zh-cn.md';

export const userRootLast: Rule = {
  id: 'user-root-last',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3002' },
  description: 'The last USER of the final image is root',
  docs: { en, 'zh-cn': zhCn },
  check: recordUsers,
  checkFile(ctx) {
    const { user, inherited } = finalUser(ctx);
    if (!user || user.raw.includes('$') || !isRoot(user.value)) return;
    ctx.report({
      range: user.range,
      message: inherited === null
        ? t('The image runs as root: switch to a non-root USER after the steps that need root')
        : t('The final stage inherits USER {0} from stage {1}, so the image runs as root: set a non-root USER in the final stage', user.value, inherited),
      instructionLine: user.ins.start.line,
    });
  },
};
