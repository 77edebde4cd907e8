/**
 * Findings → LSP diagnostics. The fixes stay on the server: a diagnostic carries only the
 * number of its fixes, and `codeAction` takes the edits from the findings the validator last
 * published for that document version (`FindingLookup`). Sending every fix's edits with every
 * publication made the payload 2–3× larger, and its JSON encoding the largest item of a
 * keystroke's profile.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../lint';
import { docsUrl, RULES_BY_ID } from '../rules';
import type { RelatedCodes, Severity } from '../rules/types';

export const SOURCE = 'dockerfile-doctor';

export interface DiagnosticData {
  /** hadolint code / BuildKit check name of the rule. */
  related: RelatedCodes;
  /** How many fixes the finding has (their edits come with the code actions). */
  fixes: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const hrefs = new Map<string, { href: string }>();

/**
 * The diagnostics of findings, by finding: the linter returns the same Finding objects for the
 * chunks a keystroke did not touch, so their diagnostics are made once (nothing in a diagnostic
 * depends on the document version; see FindingLookup for how code actions tell stale ones).
 */
const diagnostics = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(f: Finding): Diagnostic {
  let d = diagnostics.get(f);
  if (d) return d;
  const data: DiagnosticData = { related: f.related, fixes: f.fixes.length };
  let codeDescription = hrefs.get(f.ruleId);
  if (!codeDescription) hrefs.set(f.ruleId, (codeDescription = { href: docsUrl(RULES_BY_ID.get(f.ruleId)!) }));
  d = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription,
    message: f.message,
    data,
  };
  diagnostics.set(f, d);
  return d;
}

export function isOurs(d: Diagnostic): boolean {
  return d.source === SOURCE && typeof d.code === 'string';
}

function keyOf(code: string, r: Diagnostic['range'], message: string): string {
  return `${code}\u0000${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}\u0000${message}`;
}

/**
 * The findings of one published version, found again from the diagnostics a client sends back
 * (by rule, range and message; the index is built on the first code-action request).
 */
export class FindingLookup {
  private index?: Map<string, Finding>;

  constructor(readonly version: number, readonly findings: readonly Finding[]) {}

  /**
   * The finding a diagnostic the client sends back shows, if it is one of these: a diagnostic of
   * an older version matches only where the same problem is at the same place now, so its
   * fixes and ignore comments are made for the current text.
   */
  find(d: Diagnostic): Finding | undefined {
    if (!isOurs(d)) return undefined;
    if (!this.index) {
      this.index = new Map();
      for (const f of this.findings) {
        const k = keyOf(f.ruleId, f.range, f.message);
        if (!this.index.has(k)) this.index.set(k, f);
      }
    }
    return typeof d.message === 'string' ? this.index.get(keyOf(String(d.code), d.range, d.message)) : undefined;
  }
}
