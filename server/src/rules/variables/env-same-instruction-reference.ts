/**
 * env-same-instruction-reference — hadolint DL3044: `ENV A=1 B=$A`. BuildKit expands the
 * whole ENV line before setting any of it, so `$A` is A's value from before the line (empty
 * when there was none), not `1`. Not reported when A was set earlier in the stage (then the
 * old value may be what was meant) — hadolint's rule, and BuildKit's UndefinedVar is silent too.
 */
import { t } from '../../l10n';
import { matchKeywordCase } from '../../text';
import type { Rule } from '../types';
import { instructionRefs } from './undefined-variable';
import { keyValues } from './_vars';
import en from './env-same-instruction-reference.md';
import zhCn from './env-same-instruction-reference.zh-cn.md';

export const envSameInstructionReference: Rule = {
  id: 'env-same-instruction-reference',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: { hadolint: 'DL3044' },
  description: 'ENV refers to a variable set in the same ENV instruction',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'split the ENV before the pair that uses it (unsafe)',
  check(ctx) {
    const { model } = ctx;
    let defined = new Set<string>();
    for (const ins of model.instructions) {
      if (ins.keyword === 'FROM') {
        defined = new Set();
        continue;
      }
      if (ins.keyword === 'ARG') {
        for (const kv of keyValues(model, ins)) defined.add(kv.name);
        continue;
      }
      if (ins.keyword !== 'ENV') continue;
      const pairs = keyValues(model, ins);
      const { refs } = instructionRefs(ctx, ins);
      const reported = new Set<string>();
      for (const r of refs) {
        if (defined.has(r.name) || reported.has(r.name)) continue;
        const setAt = pairs.findIndex((p) => p.name === r.name && (p.valueEnd ?? p.nameEnd) <= r.start);
        if (setAt < 0) continue;
        reported.add(r.name);
        // The pair holding the reference: split the ENV just before it.
        const user = pairs.findIndex((p) => p.nameStart <= r.start && r.start <= (p.valueEnd ?? p.nameEnd));
        const fixes = [];
        // Only on one line: a continuation would need its own re-indenting.
        if (user > setAt && pairs[user].equals && pairs.every((p) => p.equals)) {
          const prevEnd = pairs[user - 1].valueEnd ?? pairs[user - 1].nameEnd;
          const between = model.text.slice(prevEnd, pairs[user].nameStart);
          if (!between.includes('\n') && !between.includes('\r') && /^[ \t]+$/.test(between)) {
            fixes.push({
              title: t('Split the ENV so that {0} is set first', r.name),
              safety: 'unsafe' as const,
              edits: [{ start: prevEnd, end: pairs[user].nameStart, newText: `${model.eol}${matchKeywordCase(ins.keywordText, 'ENV')} ` }],
            });
          }
        }
        ctx.report({
          start: r.start,
          end: r.end,
          message: t('{0} is set in this same ENV instruction: here it still has its value from before the line (empty); set it in an earlier ENV', r.name),
          fixes,
        });
      }
      for (const p of pairs) defined.add(p.name);
    }
  },
};
