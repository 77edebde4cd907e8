/**
 * flag-duplicate — a flag given twice where BuildKit allows it once (`COPY --from=a --from=b`,
 * `HEALTHCHECK --interval=5s --interval=10s`): "Duplicate flag specified". `RUN --mount` and
 * `--exclude` may repeat.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { flaggedInstructions } from './_flags';
import en from './flag-duplicate.md';
import zhCn from './flag-duplicate.zh-cn.md';

export const flagDuplicate: Rule = {
  id: 'flag-duplicate',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Flag given twice',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const { specs, flags } of flaggedInstructions(model)) {
      if (!specs || specs.length === 0) continue;
      const seen = new Set<string>();
      for (const f of flags) {
        const spec = specs.find((s) => s.name === f.name);
        if (!spec || spec.kind === 'strings') continue;
        if (seen.has(f.name)) {
          report({ start: f.start, end: f.end, message: t('--{0} is given more than once: BuildKit stops with "Duplicate flag specified"', f.name) });
        }
        seen.add(f.name);
      }
    }
  },
};
