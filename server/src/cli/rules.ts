/** `--list-rules` (text or JSON) and `--explain <id>` (a rule's docs, in the LANG language). */
import { locale, t } from '../l10n';
import { docsUrl, RULES, rulesByCode } from '../rules';

export function listRules(json: boolean): string {
  if (json) {
    return `${JSON.stringify(RULES.map((r) => ({
      id: r.id,
      severity: r.defaultSeverity,
      enabledByDefault: r.enabledByDefault !== false,
      related: r.related,
      description: t(r.description),
      fix: r.fixSummary ?? null,
      docs: docsUrl(r),
    })), null, 2)}\n`;
  }
  return RULES.map((r) => {
    const related = [r.related.hadolint, r.related.buildkit].filter(Boolean).join(', ');
    const severity = r.enabledByDefault === false ? `(${r.defaultSeverity})` : r.defaultSeverity;
    return `${r.id.padEnd(30)} ${severity.padEnd(10)} ${related.padEnd(10)} ${t(r.description)}\n`;
  }).join('');
}

/** The docs of the rules a code names (our id, hadolint code or BuildKit name), or undefined. */
export function explain(code: string): string | undefined {
  const rules = rulesByCode(code);
  if (rules.length === 0) return undefined;
  return rules.map((r) => `${(locale() === 'zh-cn' ? r.docs['zh-cn'] : r.docs.en).trimEnd()}\n\n${docsUrl(r)}\n`).join('\n');
}
