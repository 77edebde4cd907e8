/**
 * multiple-healthcheck — several HEALTHCHECK instructions in one stage: only the last one takes effect.
 */
import type { Rule } from '../types';
import { reportOverridden } from './_multiple';
import en from './multiple-healthcheck.md';
import zhCn from './multiple-healthcheck.zh-cn.md';

export const multipleHealthcheck: Rule = {
  id: 'multiple-healthcheck',
  defaultSeverity: 'error',
  related: { hadolint: 'DL3012', buildkit: 'MultipleInstructionsDisallowed' },
  description: 'Several HEALTHCHECK instructions in one stage',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    reportOverridden(ctx, 'HEALTHCHECK');
  },
};
