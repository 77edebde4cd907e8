/**
 * zypper-install-without-pin — packages that zypper installs without a version.
 */
import type { Rule } from '../../types';
import { checkPins } from './_rpm';
import en from './zypper-install-without-pin.md';
import zhCn from './zypper-install-without-pin.zh-cn.md';

export const zypperInstallWithoutPin: Rule = {
  id: 'zypper-install-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3037' },
  description: 'zypper install without package versions',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    checkPins(ctx, 'zypper');
  },
};
