/** Helpers for the syntax rule tests: what text a finding covers, findings as `rule text` lines. */
import type { Finding } from '../../../server/src/lint';
import { findingsOf } from '../../helpers';
import { LineIndex } from '../../../server/src/text';

/** The text a finding's range covers. */
export function covered(text: string, f: Finding): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
}

/** The texts covered by a rule's findings, in order. */
export function marks(text: string, ruleId: string): string[] {
  return findingsOf(text, ruleId).map((f) => covered(text, f));
}
