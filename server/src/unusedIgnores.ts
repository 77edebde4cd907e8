/**
 * The unused-ignore report, after every rule ran: which codes of which ignore comments
 * suppressed nothing. The engine (lint.ts) passes the comment lines, the codes it saw used
 * (`line:start`) and the severities; this reads the comments again and builds the findings.
 */
import { t } from './l10n';
import type { Finding } from './lint';
import { RULES_BY_ID, rulesByCode } from './rules';
import { UNUSED_IGNORE } from './rules/config/unused-ignore';
import type { Rule, Severity } from './rules/types';
import { parsePragma } from './suppressions';
import type { LineIndex } from './text';

const COMMENT_LINE = /^[ \t]*#/;
const DIRECTIVE = /^[ \t]*#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*)$/;

/**
 * Ignore comments that suppressed nothing (ruff's unused-noqa): a hint on each such code, with
 * a fix that removes it (the whole comment when nothing in it is used). Codes of rules that are
 * off, and codes we do not know (hadolint rules we lack), are left alone.
 */
export function unusedIgnores(lines: LineIndex, at: ReadonlySet<number>, used: ReadonlySet<string>, severityOf: (rule: Rule) => Severity | 'off'): Finding[] {
  const rule = RULES_BY_ID.get(UNUSED_IGNORE);
  if (!rule) return [];
  const severity = severityOf(rule);
  if (severity === 'off') return [];
  const out: Finding[] = [];
  const names = (l: number) => {
    const p = parsePragma(lines.lineText(l));
    return p?.kind === 'ignore' && p.scope !== 'global' && p.entries.some((e) => e.code === UNUSED_IGNORE);
  };
  /**
   * `# dockerfile-doctor ignore=unused-ignore` in the same comment block keeps the block's
   * comments. Lines come in ascending order: each block is read once.
   */
  let blockEnd = -1;
  let blockKept = false;
  const keptBlock = (l: number): boolean => {
    if (l > blockEnd) {
      let start = l;
      while (start > 0 && COMMENT_LINE.test(lines.lineText(start - 1))) start--;
      blockEnd = l;
      while (blockEnd + 1 < lines.lineCount && COMMENT_LINE.test(lines.lineText(blockEnd + 1))) blockEnd++;
      blockKept = false;
      for (let k = start; k <= blockEnd && !blockKept; k++) blockKept = names(k);
    }
    return blockKept;
  };
  for (const l of [...at].sort((a, b) => a - b)) {
    const text = lines.lineText(l);
    const pragma = parsePragma(text);
    if (pragma?.kind !== 'ignore' || pragma.tool === 'check' || keptBlock(l)) continue;
    const unused = pragma.entries.filter((e) => {
      if (e.code === UNUSED_IGNORE) return false;
      const rules = rulesByCode(e.code);
      return rules.length > 0 && rules.some((r) => severityOf(r) !== 'off') && !used.has(`${l}:${e.start}`);
    });
    if (unused.length === 0) continue;
    const removeLine = unused.length === pragma.entries.length;
    // Removing a comment above the first instruction can turn a comment below it into a parser directive.
    const nextIsDirective = l + 1 < lines.lineCount && DIRECTIVE.test(lines.lineText(l + 1));
    for (const e of unused) {
      const edit = removeLine
        ? { range: { start: { line: l, character: 0 }, end: l + 1 < lines.lineCount ? { line: l + 1, character: 0 } : { line: l, character: text.length } }, newText: '' }
        : { range: { start: { line: l, character: pragma.listStart }, end: { line: l, character: pragma.listEnd } }, newText: pragma.entries.filter((x) => x !== e).map((x) => x.code).join(text.slice(pragma.listStart, pragma.listEnd).includes(', ') ? ', ' : ',') };
      out.push({
        ruleId: rule.id,
        instructionLine: l,
        severity,
        message: t('"{0}" suppresses nothing here', e.code),
        range: { start: { line: l, character: e.start }, end: { line: l, character: e.end } },
        related: rule.related,
        fixes: [{ title: removeLine ? t('Remove the unused ignore comment') : t('Remove "{0}" from the ignore comment', e.code), // A `# hadolint …` comment may still be needed by hadolint itself (its rules differ from ours
        // in places): offered, never removed automatically.
        safety: pragma.tool === 'hadolint' || (removeLine && nextIsDirective) ? 'unsafe' : 'safe', edits: [edit] }],
      });
    }
  }
  return out;
}

