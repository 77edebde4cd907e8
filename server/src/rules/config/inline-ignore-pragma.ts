/**
 * inline-ignore-pragma — an inline ignore comment (`# hadolint ignore=…`, `# dockerfile-doctor
 * ignore=…`, and their `stage` form) where a team wants none (hadolint DL1001). Opt-in: off
 * unless a setting turns it on; pairs with `disable-ignore-pragma`, which stops honouring them.
 * File-wide `global ignore` comments are not reported (they are configuration, like hadolint's).
 */
import { t } from '../../l10n';
import { parsePragma } from '../../suppressions';
import type { Rule } from '../types';
import en from './inline-ignore-pragma.md';
import zhCn from './inline-ignore-pragma.zh-cn.md';

export const inlineIgnorePragma: Rule = {
  id: 'inline-ignore-pragma',
  defaultSeverity: 'warning',
  enabledByDefault: false,
  related: { hadolint: 'DL1001' },
  description: 'Inline ignore comment (when a team disallows them)',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { lines, instructions } = ctx.model;
    let k = 0;
    for (let l = 0; l < lines.lineCount; l++) {
      while (k < instructions.length && instructions[k].endLine < l) k++;
      // Not inside an instruction (a heredoc body, a comment between continuation lines).
      if (k < instructions.length && instructions[k].startLine <= l) continue;
      const text = lines.lineText(l);
      if (!/^[ \t]*#/.test(text) || !/ignore/i.test(text)) continue;
      const p = parsePragma(text);
      if (p?.kind !== 'ignore' || p.scope === 'global' || p.tool === 'check') continue;
      const start = lines.starts[l] + text.indexOf('#');
      ctx.report({ start, end: lines.starts[l] + text.length, message: t('Inline ignore comments are not allowed here: fix the finding or configure the rule') });
    }
  },
};
