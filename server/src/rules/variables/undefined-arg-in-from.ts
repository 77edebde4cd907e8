/**
 * undefined-arg-in-from — BuildKit's UndefinedArgInFrom: a FROM (image or `--platform`) uses
 * `$name` that no ARG before the first FROM declares and BuildKit does not predefine. Global
 * ARGs live in the first chunk and FROM lines in every chunk: decided in `checkFile`.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { PLATFORM_ARGS, isPredefinedAnywhere, suggest } from './_vars';
import { recordFromFacts, type ArgFromFact } from './_from';
import en from './undefined-arg-in-from.md';
import zhCn from './undefined-arg-in-from.zh-cn.md';

export const undefinedArgInFrom: Rule = {
  id: 'undefined-arg-in-from',
  defaultSeverity: 'warning',
  related: { buildkit: 'UndefinedArgInFrom' },
  description: 'FROM uses an ARG that is not declared before the first FROM',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'the suggested name (unsafe); declare the global ARG (suggestion)',
  check: recordFromFacts,
  checkFile(ctx) {
    const facts = ctx.facts as ArgFromFact[];
    const globals: string[] = [];
    for (const f of facts) if (f.kind === 'global') for (const a of f.args) globals.push(a.name);
    const declared = new Set([...globals, ...PLATFORM_ARGS]);
    const first = facts.find((f) => f.kind === 'from');
    const insertAt = first?.kind === 'from' ? first.insertAt.start : { line: ctx.stages[0]?.line ?? 0, character: 0 };
    for (const f of facts) {
      if (f.kind !== 'from') continue;
      for (const r of f.refs) {
        if (declared.has(r.name) || isPredefinedAnywhere(r.name)) continue;
        const match = suggest(r.name, [...globals, ...PLATFORM_ARGS]);
        const fixes = [];
        if (match !== undefined) {
          const at = r.range.start.character + (isBraced(r) ? 2 : 1);
          fixes.push({
            title: t('Change to {0}', match),
            safety: 'unsafe' as const,
            edits: [{ range: { start: { line: r.range.start.line, character: at }, end: { line: r.range.start.line, character: at + r.name.length } }, newText: match }],
          });
        }
        fixes.push({
          title: t('Declare `ARG {0}` before the first FROM', r.name),
          safety: 'suggestion' as const,
          edits: [{ range: { start: insertAt, end: insertAt }, newText: `ARG ${r.name}=${f.eol}` }],
        });
        ctx.report({
          range: r.range,
          message: match !== undefined
            ? t('FROM argument \'{0}\' is not declared (did you mean {1}?)', r.name, match)
            : t('FROM argument \'{0}\' is not declared', r.name),
          instructionLine: f.instruction.start.line,
          fixes,
        });
      }
    }
  },
};

/** `${name…}` rather than `$name` (the range is on one line: a FROM word has no line break). */
function isBraced(r: { range: { start: { character: number }; end: { character: number } }; name: string }): boolean {
  return r.range.end.character - r.range.start.character !== r.name.length + 1;
}
