/**
 * build-context-mismatch — the COPY/ADD sources are not in the Dockerfile's folder (the
 * default build context) but are relative to the workspace folder: the image is probably built
 * with the workspace as its context (`docker build -f sub/Dockerfile .`). A hint, once per
 * file, naming the setting that tells us so; copy-source-missing stays silent meanwhile.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { missingSources } from './copy-source-missing';
import { recordSources } from './_sources';
import en from './build-context-mismatch.md';
import zhCn from './build-context-mismatch.zh-cn.md';

export const buildContextMismatch: Rule = {
  id: 'build-context-mismatch',
  defaultSeverity: 'hint',
  related: {},
  description: 'COPY sources exist relative to the workspace folder, not the Dockerfile\'s folder',
  docs: { en, 'zh-cn': zhCn },
  check: recordSources,
  checkFile(ctx) {
    const c = ctx.context;
    if (!c?.workspaceRoot) return;
    const missing = missingSources(ctx, c);
    const atRoot = missing.filter((m) => m.atWorkspaceRoot);
    if (atRoot.length === 0) return;
    const first = atRoot[0];
    ctx.report({
      range: first.source.range,
      message: t('"{0}" is not in this Dockerfile\'s folder but is in the workspace folder: the build context is probably {1}; set "dockerfileDoctor.buildContext" to it (or pass --context)', first.source.path, c.workspaceRoot),
      instructionLine: first.fact.instruction.start.line,
    });
  },
};
