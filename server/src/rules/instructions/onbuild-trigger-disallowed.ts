/**
 * onbuild-trigger-disallowed — `ONBUILD ONBUILD …`, `ONBUILD FROM …`, `ONBUILD MAINTAINER …`:
 * triggers Docker refuses when the image is used as a base.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './onbuild-trigger-disallowed.md';
import zhCn from './onbuild-trigger-disallowed.zh-cn.md';

const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const onbuildTriggerDisallowed: Rule = {
  id: 'onbuild-trigger-disallowed',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: { hadolint: 'DL3043' },
  description: 'ONBUILD with an ONBUILD, FROM or MAINTAINER trigger',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      const trigger = ins.keyword === 'ONBUILD' ? ins.trigger : undefined;
      if (!trigger || !DISALLOWED.has(trigger.keyword)) continue;
      report({
        start: trigger.keywordStart,
        end: trigger.keywordEnd,
        message: t('{0} is not allowed as an ONBUILD trigger', trigger.keyword),
      });
    }
  },
};
