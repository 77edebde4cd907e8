/**
 * copy-source-missing — a local COPY/ADD source that does not exist in the build context:
 * BuildKit fails with "not found" only when it gets there. Literal paths only (a wildcard that
 * matches nothing is allowed by BuildKit; a variable's value is unknown), not `--from`, not
 * what `.dockerignore` excludes (copy-ignored-file's). When the path exists relative to the
 * workspace folder instead, the build context setting is probably what is wrong: that is
 * build-context-mismatch's hint, not this warning.
 */
import { t } from '../../l10n';
import { hostFs } from '../../host/host';
import type { FileRuleContext, LintContext, Rule } from '../types';
import { ignoreFor, pathExists } from './_fs';
import { cleanPath } from './_ignore';
import { recordSources, type SourceFact } from './_sources';
import en from './copy-source-missing.md';
import zhCn from './copy-source-missing.zh-cn.md';

export interface MissingSource {
  fact: SourceFact;
  source: SourceFact['sources'][number];
  /** It exists relative to the workspace folder (the context is probably that folder). */
  atWorkspaceRoot: boolean;
}

/** The literal sources missing from the build context (shared with build-context-mismatch). */
export function missingSources(ctx: FileRuleContext, c: LintContext): MissingSource[] {
  // No file system (the browser): nothing can be known to be missing.
  const path = hostFs()?.path;
  if (!path) return [];
  const matcher = ignoreFor(c.dockerfile, c.buildContext);
  const out: MissingSource[] = [];
  if (!pathExists(c.buildContext)) return out;
  for (const fact of ctx.facts as SourceFact[]) {
    for (const source of fact.sources) {
      if (source.wildcard) continue;
      const p = cleanPath(source.path.replace(/\\/g, '/'));
      if (p === '' || p.startsWith('..')) continue;
      if (matcher?.excludedBy(p) !== undefined) continue;
      if (pathExists(path.join(c.buildContext, p))) continue;
      const root = c.workspaceRoot;
      const atWorkspaceRoot = !c.buildContextSet && root !== undefined && path.resolve(root) !== path.resolve(c.buildContext) && pathExists(path.join(root, p));
      out.push({ fact, source, atWorkspaceRoot });
    }
  }
  return out;
}

export const copySourceMissing: Rule = {
  id: 'copy-source-missing',
  defaultSeverity: 'warning',
  related: {},
  description: 'COPY or ADD source not found in the build context',
  docs: { en, 'zh-cn': zhCn },
  check: recordSources,
  checkFile(ctx) {
    const c = ctx.context;
    if (!c) return;
    const missing = missingSources(ctx, c);
    // With some sources found only at the workspace root, the context is the suspect: the hint says so.
    if (missing.some((m) => m.atWorkspaceRoot)) return;
    for (const m of missing) {
      ctx.report({
        range: m.source.range,
        message: t('"{0}" is not in the build context ({1}): the build will fail with "not found"', m.source.path, c.buildContext),
        instructionLine: m.fact.instruction.start.line,
      });
    }
  },
};
