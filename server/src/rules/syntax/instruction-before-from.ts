/**
 * instruction-before-from — only ARG (and parser directives or comments) may come before the
 * first FROM; BuildKit rejects anything else, and a file without FROM builds nothing.
 */
import { KNOWN_INSTRUCTIONS } from '../../model';
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './instruction-before-from.md';
import zhCn from './instruction-before-from.zh-cn.md';

export const instructionBeforeFrom: Rule = {
  id: 'instruction-before-from',
  defaultSeverity: 'error',
  related: { hadolint: 'DL3061' },
  description: 'Instruction before the first FROM',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword === 'FROM') return;
      // Unknown words are reported by unknown-instruction; ARG is allowed.
      if (ins.keyword === 'ARG' || !KNOWN_INSTRUCTIONS.has(ins.keyword)) continue;
      report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        message: t('{0} before the first FROM: only ARG may come before FROM', ins.keyword),
      });
    }
  },
};
