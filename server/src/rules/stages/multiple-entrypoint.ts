/**
 * multiple-entrypoint — several ENTRYPOINT instructions in one stage: only the last one takes effect.
 */
import type { Rule } from '../types';
import { reportOverridden } from './_multiple';
import en from './multiple-entrypoint.md';
import zhCn from './multiple-entrypoint.zh-cn.md';

export const multipleEntrypoint: Rule = {
  id: 'multiple-entrypoint',
  defaultSeverity: 'error',
  related: { hadolint: 'DL4004', buildkit: 'MultipleInstructionsDisallowed' },
  description: 'Several ENTRYPOINT instructions in one stage',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    reportOverridden(ctx, 'ENTRYPOINT');
  },
};
