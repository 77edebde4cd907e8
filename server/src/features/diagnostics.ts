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
  instructionLine: number;
  /** The document version the diagnostic was computed for. */
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const hrefs = new Map<string, { href: string }>();

export function toDiagnostic(f: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { related: f.related, fixes: f.fixes.length, instructionLine: f.instructionLine, version };
  let codeDescription = hrefs.get(f.ruleId);
  if (!codeDescription) hrefs.set(f.ruleId, (codeDescription = { href: docsUrl(RULES_BY_ID.get(f.ruleId)!) }));
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription,
    message: f.message,
    data,
  };
}

export function isOurs(d: Diagnostic): d is Diagnostic & { data: DiagnosticData } {
  const data = d.data as DiagnosticData | undefined;
  return d.source === SOURCE && typeof d.code === 'string' && !!data && typeof data.version === 'number' && typeof data.instructionLine === 'number';
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

  find(d: Diagnostic): Finding | undefined {
    if (!isOurs(d) || d.data.version !== this.version) return undefined;
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
