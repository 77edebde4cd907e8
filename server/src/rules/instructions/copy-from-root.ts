/**
 * copy-from-root — `COPY --from=stage / /`: the whole filesystem of another stage, with its
 * package database, caches and users, copied over this one.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { copyParts } from './_words';
import en from './copy-from-root.md';
import zhCn from './copy-from-root.zh-cn.md';

export const copyFromRoot: Rule = {
  id: 'copy-from-root',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3067' },
  description: 'COPY --from of a whole filesystem',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.keyword !== 'COPY' || !ins.flags.some((f) => f.name === 'from')) continue;
      const parts = copyParts(ins, model);
      if (!parts || !parts.dest || parts.dest.value !== '/') continue;
      const root = parts.sources.find((s) => s.value === '/');
      if (!root) continue;
      report({
        start: parts.json ? ins.keywordStart : root.start,
        end: parts.json ? ins.keywordEnd : root.end,
        message: t('Do not copy a whole filesystem from another stage: copy the files the image needs'),
      });
    }
  },
};
