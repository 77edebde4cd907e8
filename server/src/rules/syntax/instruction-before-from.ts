/**
 * instruction-before-from — only ARG (and parser directives or comments) may come before the
 * first FROM; BuildKit rejects anything else, and a file without FROM builds nothing (a file of
 * ARGs only is reported once, at its first ARG, by the file-level check).
 */
import { KNOWN_INSTRUCTIONS } from '../../model';
import { t } from '../../l10n';
import type { Rule } from '../types';
import type { Range } from '../../text';
import en from './instruction-before-from.md';
import zhCn from './instruction-before-from.zh-cn.md';

export const instructionBeforeFrom: Rule = {
  id: 'instruction-before-from',
  defaultSeverity: 'error',
  related: { hadolint: 'DL3061' },
  description: 'Instruction before the first FROM',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report, fact, range }) {
    let argSeen = false;
    for (const ins of model.instructions) {
      if (ins.keyword === 'FROM') return;
      // A file of ARGs only: whether a FROM follows is known once all chunks are read.
      if (ins.keyword === 'ARG' && !argSeen) {
        argSeen = true;
        fact({ range: range(ins.keywordStart, ins.keywordEnd) });
      }
      // Unknown words are reported by unknown-instruction; ARG is allowed.
      if (ins.keyword === 'ARG' || !KNOWN_INSTRUCTIONS.has(ins.keyword)) continue;
      report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        message: t('{0} before the first FROM: only ARG may come before FROM', ins.keyword),
      });
    }
  },
  checkFile({ facts, stages, report }) {
    const first = (facts as { range: Range }[])[0];
    if (stages.length > 0 || !first) return;
    report({ range: first.range, instructionLine: first.range.start.line, message: t('No FROM: a file of ARG instructions only builds nothing') });
  },
};
