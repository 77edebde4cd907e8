/**
 * dnf-install-without-pin — packages (and module streams) that dnf / microdnf install without a version.
 */
import type { Rule } from '../../types';
import { checkPins } from './_rpm';
import en from './dnf-install-without-pin.md';
import zhCn from './dnf-install-without-pin.zh-cn.md';

export const dnfInstallWithoutPin: Rule = {
  id: 'dnf-install-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3041' },
  description: 'dnf / microdnf install without package versions',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    checkPins(ctx, 'dnf');
  },
};
