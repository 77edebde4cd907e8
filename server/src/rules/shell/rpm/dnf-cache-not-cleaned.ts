/**
 * dnf-cache-not-cleaned — dnf / dnf5 / microdnf installs or updates whose cache is not removed in the same RUN.
 */
import type { Rule } from '../../types';
import { checkCacheClean } from './_rpm';
import en from './dnf-cache-not-cleaned.md';
import zhCn from './dnf-cache-not-cleaned.zh-cn.md';

export const dnfCacheNotCleaned: Rule = {
  id: 'dnf-cache-not-cleaned',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3040' },
  description: 'dnf / microdnf install without dnf clean all in the same RUN',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`&& dnf clean all` (unsafe)',
  check(ctx) {
    checkCacheClean(ctx, 'dnf');
  },
};
