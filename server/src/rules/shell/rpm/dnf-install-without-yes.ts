/**
 * dnf-install-without-yes — dnf, dnf5 and microdnf commands that ask for confirmation without -y / --assumeyes.
 */
import type { Rule } from '../../types';
import { checkNonInteractive } from './_rpm';
import en from './dnf-install-without-yes.md';
import zhCn from './dnf-install-without-yes.zh-cn.md';

export const dnfInstallWithoutYes: Rule = {
  id: 'dnf-install-without-yes',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3038' },
  description: 'dnf / microdnf install (or another prompting command) without -y',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`-y` (safe)',
  check(ctx) {
    checkNonInteractive(ctx, 'dnf');
  },
};
