/**
 * yum-install-without-yes — yum commands that ask for confirmation (install, update, remove …) without -y / --assumeyes.
 */
import type { Rule } from '../../types';
import { checkNonInteractive } from './_rpm';
import en from './yum-install-without-yes.md';
import zhCn from './yum-install-without-yes.zh-cn.md';

export const yumInstallWithoutYes: Rule = {
  id: 'yum-install-without-yes',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3030' },
  description: 'yum install (or another prompting yum command) without -y',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`-y` (safe)',
  check(ctx) {
    checkNonInteractive(ctx, 'yum');
  },
};
