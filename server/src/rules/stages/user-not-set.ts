/**
 * user-not-set — opt-in: the final image sets no USER at all (neither its stage nor a stage it
 * starts from), so it runs as the base image's user, root for most images.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { finalUser, recordUsers } from './_user';
import en from './user-not-set.md';
import zhCn from './user-not-set.zh-cn.md';

export const userNotSet: Rule = {
  id: 'user-not-set',
  defaultSeverity: 'info',
  enabledByDefault: false,
  related: { hadolint: 'DL3063' },
  description: 'The final image sets no USER',
  docs: { en, 'zh-cn': zhCn },
  check: recordUsers,
  checkFile(ctx) {
    const { user, finalAt } = finalUser(ctx);
    if (user || !finalAt) return;
    ctx.report({
      range: finalAt,
      message: t('The final stage sets no USER: the image runs as the base image user, usually root'),
      instructionLine: finalAt.start.line,
    });
  },
};
