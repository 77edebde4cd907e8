/**
 * zypper-cache-not-cleaned — zypper installs or updates whose cache is not removed in the same RUN.
 */
import type { Rule } from '../../types';
import { checkCacheClean } from './_rpm';
import en from './zypper-cache-not-cleaned.md';
import zhCn from './zypper-cache-not-cleaned.zh-cn.md';

export const zypperCacheNotCleaned: Rule = {
  id: 'zypper-cache-not-cleaned',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3036' },
  description: 'zypper install without zypper clean in the same RUN',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`&& zypper clean --all` (unsafe)',
  check(ctx) {
    checkCacheClean(ctx, 'zypper');
  },
};
