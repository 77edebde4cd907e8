/**
 * Findings → LSP diagnostics. The fixes travel in `data`, so code actions are stateless.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, FindingFix } from '../lint';
import { docsUrl, RULES_BY_ID } from '../rules';
import type { RelatedCodes, Severity } from '../rules/types';

export const SOURCE = 'dockerfile-doctor';

export interface DiagnosticData {
  related: RelatedCodes;
  fixes: FindingFix[];
  instructionLine: number;
  /** The document version the fixes were computed for. */
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { related: f.related, fixes: f.fixes, instructionLine: f.instructionLine, version };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: docsUrl(RULES_BY_ID.get(f.ruleId)!) },
    message: f.message,
    data,
  };
}

export function isOurs(d: Diagnostic): d is Diagnostic & { data: DiagnosticData } {
  const data = d.data as DiagnosticData | undefined;
  return d.source === SOURCE && typeof d.code === 'string' && !!data && Array.isArray(data.fixes);
}
