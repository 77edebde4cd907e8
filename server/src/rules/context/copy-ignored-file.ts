/**
 * copy-ignored-file — BuildKit's CopyIgnoredFile: COPY/ADD of a path the build context's
 * `.dockerignore` (or `<Dockerfile>.dockerignore`, which BuildKit prefers) excludes: the file
 * is not sent to the builder, so the build fails with "not found" (or a folder arrives with
 * parts missing). Needs the Dockerfile's place on disk: silent without it.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { ignoreFor } from './_fs';
import { cleanPath } from './_ignore';
import { recordSources, type SourceFact } from './_sources';
import en from './copy-ignored-file.md';
import zhCn from './copy-ignored-file.zh-cn.md';

export const copyIgnoredFile: Rule = {
  id: 'copy-ignored-file',
  defaultSeverity: 'warning',
  buildkitExperimental: true,
  related: { buildkit: 'CopyIgnoredFile' },
  description: 'COPY or ADD of a file that .dockerignore excludes',
  docs: { en, 'zh-cn': zhCn },
  check: recordSources,
  checkFile(ctx) {
    const c = ctx.context;
    if (!c) return;
    const matcher = ignoreFor(c.dockerfile, c.buildContext);
    if (!matcher) return;
    for (const f of ctx.facts as SourceFact[]) {
      const cmd = f.keyword.toUpperCase() === 'ADD' ? 'Add' : 'Copy';
      for (const s of f.sources) {
        const p = cleanPath(s.path.replace(/\\/g, '/'));
        if (p === '' || p.startsWith('..')) continue;
        const by = matcher.excludedBy(p);
        if (by === undefined) continue;
        ctx.report({
          range: s.range,
          message: t('Attempting to {0} file "{1}" that is excluded by .dockerignore (pattern "{2}" in {3})', cmd, s.path, by, matcher.file),
          instructionLine: f.instruction.start.line,
        });
      }
    }
  },
};
