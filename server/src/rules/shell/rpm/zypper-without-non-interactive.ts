/**
 * zypper-without-non-interactive — zypper commands that prompt, without the global -n / --non-interactive or -y / --no-confirm.
 */
import type { Rule } from '../../types';
import { checkNonInteractive } from './_rpm';
import en from './zypper-without-non-interactive.md';
import zhCn from './zypper-without-non-interactive.zh-cn.md';

export const zypperWithoutNonInteractive: Rule = {
  id: 'zypper-without-non-interactive',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3034' },
  description: 'zypper install (or another prompting zypper command) without -n / -y',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`-n` (safe)',
  check(ctx) {
    checkNonInteractive(ctx, 'zypper');
  },
};
