/**
 * image-latest-tag — `FROM image:latest`: the build takes whatever `latest` points to that day.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { fromParts, parseImage } from './_words';
import en from './image-latest-tag.md';
import zhCn from './image-latest-tag.zh-cn.md';

export const imageLatestTag: Rule = {
  id: 'image-latest-tag',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3007' },
  description: 'FROM uses the latest tag',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const { image } = fromParts(ins, model.escape);
      if (!image || image.raw !== image.value) continue;
      const ref = parseImage(image.value);
      // A digest pins the image whatever the tag says.
      if (ref.tag !== 'latest' || ref.digest !== null) continue;
      report({
        start: image.start + ref.tagStart,
        end: image.start + ref.tagEnd,
        message: t('Pin a version instead of latest: {0} changes whenever a new release is pushed', ref.repo),
      });
    }
  },
};
