/**
 * user-non-numeric — the final image's USER is a name, not a UID: the host (and Kubernetes'
 * `runAsNonRoot`) cannot tell from the image config which user that is.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { finalUser, isRoot, recordUsers } from './_user';
import en from './user-non-numeric.md';
import zhCn from './user-non-numeric.zh-cn.md';

export const userNonNumeric: Rule = {
  id: 'user-non-numeric',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3066' },
  description: 'The USER of the final image is a name, not a numeric UID',
  docs: { en, 'zh-cn': zhCn },
  check: recordUsers,
  checkFile(ctx) {
    const { user } = finalUser(ctx);
    if (!user || user.raw.includes('$') || isRoot(user.value)) return;
    const name = user.value.split(':')[0];
    if (name === '' || /^[0-9]+$/.test(name)) return;
    ctx.report({
      range: user.range,
      message: t('USER {0} is a name: the host and Kubernetes runAsNonRoot cannot resolve it; use the numeric UID (for example USER 10001:10001)', user.value),
      instructionLine: user.ins.start.line,
    });
  },
};
