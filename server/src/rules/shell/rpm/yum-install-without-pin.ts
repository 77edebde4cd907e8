/**
 * yum-install-without-pin — packages (and module streams) that yum installs without a version.
 */
import type { Rule } from '../../types';
import { checkPins } from './_rpm';
import en from './yum-install-without-pin.md';
import zhCn from './yum-install-without-pin.zh-cn.md';

export const yumInstallWithoutPin: Rule = {
  id: 'yum-install-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3033' },
  description: 'yum install without package versions',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    checkPins(ctx, 'yum');
  },
};
