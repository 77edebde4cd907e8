/**
 * yum-cache-not-cleaned — yum installs or updates whose cache is not removed in the same RUN.
 */
import type { Rule } from '../../types';
import { checkCacheClean } from './_rpm';
import en from './yum-cache-not-cleaned.md';
import zhCn from './yum-cache-not-cleaned.zh-cn.md';

export const yumCacheNotCleaned: Rule = {
  id: 'yum-cache-not-cleaned',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3032' },
  description: 'yum install without yum clean all in the same RUN',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`&& yum clean all` (unsafe)',
  check(ctx) {
    checkCacheClean(ctx, 'yum');
  },
};
