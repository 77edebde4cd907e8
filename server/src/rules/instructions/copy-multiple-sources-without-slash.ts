/**
 * copy-multiple-sources-without-slash — `COPY a b /dest`: with several sources the destination
 * is a folder and must say so with a trailing `/`.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { copyParts } from './_words';
import en from './copy-multiple-sources-without-slash.md';
import zhCn from './copy-multiple-sources-without-slash.zh-cn.md';

export const copyMultipleSourcesWithoutSlash: Rule = {
  id: 'copy-multiple-sources-without-slash',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: { hadolint: 'DL3021' },
  description: 'COPY or ADD with several sources to a destination without a trailing slash',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'add the `/` (safe)',
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || (ins.keyword !== 'COPY' && ins.keyword !== 'ADD')) continue;
      const parts = copyParts(ins, model);
      if (!parts || !parts.dest || parts.sources.length < 2) continue;
      const dest = parts.dest;
      // `.` is the working directory, a folder already; a variable may end in `/`.
      if (dest.value.endsWith('/') || dest.value === '.' || dest.raw.includes('$')) continue;
      // Windows containers: `C:\app\` (the escape is then usually a backtick).
      if (dest.value.endsWith('\\') && model.escape !== '\\') continue;
      const raw = model.text.slice(dest.start, dest.end);
      // The fix goes inside quotes: `"/my dir"` → `"/my dir/"`.
      const quoted = !parts.json && raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
      const insertAt = parts.json ? -1 : quoted ? dest.end - 1 : dest.end;
      const plain = !parts.json && (quoted ? raw.slice(1, -1) === dest.value : raw === dest.value);
      report({
        start: parts.json ? ins.keywordStart : dest.start,
        end: parts.json ? ins.keywordEnd : dest.end,
        message: t('With several sources the destination {0} must be a folder ending in /', dest.value),
        fixes: plain && insertAt >= 0 ? [{ title: t('Add / to the destination'), edits: [{ start: insertAt, end: insertAt, newText: '/' }], safety: 'safe' }] : [],
      });
    }
  },
};
