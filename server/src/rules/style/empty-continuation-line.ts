/**
 * empty-continuation-line — BuildKit's NoEmptyContinuation: an empty line inside an
 * instruction continued with `\`. Docker skips it today ("will become errors in a future
 * release"), so deleting it cannot change the build: the fix is safe. Heredoc bodies are file
 * content, not continuations: never looked at.
 */
import { t } from '../../l10n';
import type { InstructionInfo } from '../../model';
import type { OffsetEdit } from '../../text';
import type { Rule } from '../types';
import en from './empty-continuation-line.md';
import zhCn from './empty-continuation-line.zh-cn.md';

export const emptyContinuationLine: Rule = {
  id: 'empty-continuation-line',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { buildkit: 'NoEmptyContinuation' },
  description: 'Empty line inside a continued instruction',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'remove the empty lines (safe)',
  check({ model, report }) {
    const { lines } = model;
    for (const ins of model.instructions) {
      if (ins.endLine <= ins.startLine) continue;
      // Up to the first heredoc body (its lines are content).
      let last = ins.endLine;
      for (const h of heredocsOf(ins)) last = Math.min(last, lines.positionAt(h.contentStart).line - 1);
      const empty: number[] = [];
      for (let l = ins.startLine + 1; l < last || (l === last && last < ins.endLine); l++) {
        if (lines.lineText(l).trim() === '') empty.push(l);
      }
      // Only those followed by more of the instruction (an empty line before the end of file is not a continuation).
      while (empty.length > 0 && empty[empty.length - 1] >= ins.endLine) empty.pop();
      if (empty.length === 0) continue;
      const edits: OffsetEdit[] = empty.map((l) => ({ start: lines.starts[l], end: lines.starts[l + 1] ?? lines.text.length, newText: '' }));
      report({
        start: lines.starts[empty[0]],
        end: lines.lineEnd(empty[0]),
        message: t('Empty continuation line: it will be an error in a future Docker release'),
        fixes: [{ title: empty.length > 1 ? t('Remove the {0} empty lines', empty.length) : t('Remove the empty line'), safety: 'safe', edits }],
      });
    }
  },
};

function heredocsOf(ins: InstructionInfo) {
  return ins.trigger ? [...ins.heredocs, ...ins.trigger.heredocs] : ins.heredocs;
}
