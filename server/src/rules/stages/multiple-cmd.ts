/**
 * multiple-cmd — several CMD instructions in one stage: only the last one takes effect.
 */
import type { Rule } from '../types';
import { reportOverridden } from './_multiple';
import en from './multiple-cmd.md';
import zhCn from './multiple-cmd.zh-cn.md';

export const multipleCmd: Rule = {
  id: 'multiple-cmd',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL4003', buildkit: 'MultipleInstructionsDisallowed' },
  description: 'Several CMD instructions in one stage',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    reportOverridden(ctx, 'CMD');
  },
};
