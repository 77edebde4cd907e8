/**
 * inconsistent-instruction-casing — BuildKit's ConsistentInstructionCasing: instruction
 * keywords should all be upper case or all lower case, whichever most of the file uses
 * (ties: upper case, as BuildKit decides); a mixed `Run` is always reported.
 *
 * The majority is a whole-file fact: each chunk records its counts and where its keywords are
 * (as chunk-relative line numbers under one shifted base range, so the facts stay small), and
 * `checkFile` reports the minority. The fix rewrites the keyword: keywords are
 * case-insensitive, so it is safe.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import en from './inconsistent-instruction-casing.md';
import zhCn from './inconsistent-instruction-casing.zh-cn.md';

interface CasingFact {
  /** Line 0 of the chunk, shifted to the file. */
  base: Range;
  lower: number;
  upper: number;
  /** [chunk line, start character, end character, 0 lower | 1 upper | 2 mixed, instruction line]. */
  items: [number, number, number, number, number][];
  words: string[];
}

export const inconsistentInstructionCasing: Rule = {
  id: 'inconsistent-instruction-casing',
  defaultSeverity: 'warning',
  related: { buildkit: 'ConsistentInstructionCasing' },
  description: 'Instruction keywords are not all in the same case',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'the majority case (safe)',
  check(ctx) {
    const fact: CasingFact = { base: ctx.range(0, 0), lower: 0, upper: 0, items: [], words: [] };
    for (const ins of ctx.model.instructions) {
      const k = ins.keywordText;
      const kind = k === k.toLowerCase() ? 0 : k === k.toUpperCase() ? 1 : 2;
      if (kind === 0) fact.lower++;
      else if (kind === 1) fact.upper++;
      const p = ctx.model.lines.positionAt(ins.keywordStart);
      fact.items.push([p.line, p.character, p.character + k.length, kind, ins.startLine]);
      fact.words.push(k);
    }
    if (fact.items.length > 0) ctx.fact(fact);
  },
  checkFile(ctx) {
    const facts = ctx.facts as CasingFact[];
    let lower = 0;
    let upper = 0;
    for (const f of facts) {
      lower += f.lower;
      upper += f.upper;
    }
    const majorityLower = lower > upper;
    const want = majorityLower ? 0 : 1;
    const caseName = majorityLower ? t('lowercase') : t('uppercase');
    for (const f of facts) {
      const shift = f.base.start.line;
      f.items.forEach(([line, s, e, kind, insLine], i) => {
        if (kind === want) return;
        const word = f.words[i];
        const fixed = majorityLower ? word.toLowerCase() : word.toUpperCase();
        const range = { start: { line: line + shift, character: s }, end: { line: line + shift, character: e } };
        ctx.report({
          range,
          message: t('Command \'{0}\' should match the case of the command majority ({1})', word, caseName),
          instructionLine: insLine + shift,
          fixes: [{ title: t('Change to {0}', fixed), safety: 'safe', edits: [{ range, newText: fixed }] }],
        });
      });
    }
  },
};
