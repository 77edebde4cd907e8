/**
 * from-platform-target-redundant — `FROM --platform=$TARGETPLATFORM …` says what FROM does anyway.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { unquoteSource } from './add-instead-of-copy';
import en from './from-platform-target-redundant.md';
import zhCn from './from-platform-target-redundant.zh-cn.md';

export const fromPlatformTargetRedundant: Rule = {
  id: 'from-platform-target-redundant',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3065', buildkit: 'RedundantTargetPlatform' },
  description: 'FROM --platform=$TARGETPLATFORM is the default',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'remove the flag (safe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      for (const flag of ins.flags) {
        if (flag.name !== 'platform' || flag.value === null) continue;
        const value = unquoteSource(flag.value, model.escape).value.trim();
        if (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}') continue;
        // The flag and the blanks after it (the image follows, possibly after a continuation).
        let end = flag.end;
        while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
        report({
          start: flag.start,
          end: flag.end,
          message: t('--platform={0} is redundant: FROM already uses the target platform', value),
          fixes: [{ title: t('Remove --platform={0}', value), edits: [{ start: flag.start, end, newText: '' }], safety: 'safe' }],
        });
      }
    }
  },
};
