/**
 * unknown-instruction — a line starts with a word that is not a Dockerfile instruction.
 * BuildKit stops with "unknown instruction"; usually a typo or a lost line continuation.
 */
import { KNOWN_INSTRUCTIONS } from '../../model';
import { matchKeywordCase } from '../../text';
import { t } from '../../l10n';
import type { Fix, Rule } from '../types';
import en from './unknown-instruction.md';
import zhCn from './unknown-instruction.zh-cn.md';

/** Edit distance ≤ 1 (one insert, delete, replace or swap of neighbours). */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length <= 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

export const unknownInstruction: Rule = {
  id: 'unknown-instruction',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Unknown instruction',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'typo suggestion (unsafe)',
  check({ model, report }) {
    // The fixed keyword takes the case the other instructions use (a tie keeps the typo's case),
    // so the fix brings no casing finding.
    let upper = 0;
    let lower = 0;
    for (const x of model.instructions) {
      if (!KNOWN_INSTRUCTIONS.has(x.keyword)) continue;
      if (x.keywordText === x.keyword) upper++;
      else if (x.keywordText === x.keyword.toLowerCase()) lower++;
    }
    const like = upper > lower ? 'X' : lower > upper ? 'x' : null;
    for (const ins of model.instructions) {
      if (KNOWN_INSTRUCTIONS.has(ins.keyword)) continue;
      const guesses = [...KNOWN_INSTRUCTIONS].filter((k) => closeTo(ins.keyword, k));
      const fixes: Fix[] = guesses.map((k) => ({
        title: t('Change to {0}', k),
        edits: [{ start: ins.keywordStart, end: ins.keywordEnd, newText: matchKeywordCase(like ?? ins.keywordText, k) }],
        safety: 'unsafe',
      }));
      report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        message: guesses.length > 0
          ? t('Unknown instruction "{0}" (did you mean {1}?)', ins.keywordText, guesses.join(', '))
          : t('Unknown instruction "{0}"', ins.keywordText),
        fixes,
      });
    }
  },
};
