/** JSON: one array of findings with positions (1-based), related codes and the fixes offered. */
import { docsUrl, RULES_BY_ID } from '../../rules';
import type { FileResult } from './types';

export function formatJson(results: readonly FileResult[]): string {
  const out: object[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const rule = RULES_BY_ID.get(f.ruleId);
      out.push({
        file: r.file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        rule: f.ruleId,
        related: f.related,
        message: f.message,
        fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety })),
        ...(rule ? { docs: docsUrl(rule) } : {}),
      });
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
