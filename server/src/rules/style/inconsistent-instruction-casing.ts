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
import { KNOWN_INSTRUCTIONS } from '../../model';
import type { Range } from '../../text';
import type { Rule } from '../types';
import en from './inconsistent-instruction-casing.md';
import zhCn from './inconsistent-instruction-casing.zh-cn.md';

interface CasingFact {
  /** Line 0 of the chunk, shifted to the file. */
  base: Range;
  lower: number;
  upper: number;
  /**
   * The keywords by case (0 lower, 1 upper, 2 mixed), each `line,start,end,instructionLine,word`
   * joined by `;` (chunk lines): plain strings, so moving the fact to its file lines costs
   * nothing, and only the minority list is ever decoded.
   */
  byCase: [string, string, string];
}

export const inconsistentInstructionCasing: Rule = {
  id: 'inconsistent-instruction-casing',
  defaultSeverity: 'warning',
  related: { buildkit: 'ConsistentInstructionCasing' },
  description: 'Instruction keywords are not all in the same case',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'the majority case (safe)',
  check(ctx) {
    const lists: [string[], string[], string[]] = [[], [], []];
    for (const ins of ctx.model.instructions) {
      const k = ins.keywordText;
      // Not a keyword at all (a half-typed line, a typo): unknown-instruction's, reported once there.
      if (/[^A-Za-z]/.test(k) || !KNOWN_INSTRUCTIONS.has(ins.keyword)) continue;
      const kind = k === k.toLowerCase() ? 0 : k === k.toUpperCase() ? 1 : 2;
      const p = ctx.model.lines.positionAt(ins.keywordStart);
      lists[kind].push(`${p.line},${p.character},${p.character + k.length},${ins.startLine},${k}`);
    }
    if (lists.every((l) => l.length === 0)) return;
    ctx.fact({ base: ctx.range(0, 0), lower: lists[0].length, upper: lists[1].length, byCase: [lists[0].join(';'), lists[1].join(';'), lists[2].join(';')] } satisfies CasingFact);
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
    const items: { line: number; s: number; e: number; insLine: number; word: string }[] = [];
    for (const f of facts) {
      const shift = f.base.start.line;
      for (const kind of [0, 1, 2]) {
        if (kind === want || f.byCase[kind] === '') continue;
        for (const item of f.byCase[kind].split(';')) {
          const [line, s, e, insLine, word] = item.split(',');
          items.push({ line: Number(line) + shift, s: Number(s), e: Number(e), insLine: Number(insLine) + shift, word });
        }
      }
    }
    items.sort((a, b) => a.line - b.line || a.s - b.s);
    for (const { line, s, e, insLine, word } of items) {
      const fixed = majorityLower ? word.toLowerCase() : word.toUpperCase();
      const range = { start: { line, character: s }, end: { line, character: e } };
      ctx.report({
        range,
        message: t('Command \'{0}\' should match the case of the command majority ({1})', word, caseName),
        instructionLine: insLine,
        fixes: [{ title: t('Change to {0}', fixed), safety: 'safe', edits: [{ range, newText: fixed }] }],
      });
    }
  },
};
