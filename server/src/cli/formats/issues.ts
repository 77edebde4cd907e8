/**
 * Issue-list formats of code-quality services: Code Climate (engine spec: each issue as JSON
 * followed by a NUL), GitLab code quality (one JSON array), SonarQube generic issues and Codacy
 * (one JSON object per line, as hadolint's `codacy` format writes it).
 */
import { docsUrl, RULES_BY_ID } from '../../rules';
import type { Severity } from '../../rules/types';
import { fingerprints, slashes, type FileResult } from './types';

const CODECLIMATE: Record<Severity, string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };
const SONAR: Record<Severity, string> = { error: 'CRITICAL', warning: 'MAJOR', info: 'MINOR', hint: 'INFO' };

function issues(results: readonly FileResult[]) {
  return results.flatMap((r) => {
    const prints = fingerprints(r);
    return r.findings.map((f, i) => ({ r, f, fingerprint: prints[i] }));
  });
}

export function formatCodeclimate(results: readonly FileResult[]): string {
  return issues(results).map(({ r, f, fingerprint }) => {
    const rule = RULES_BY_ID.get(f.ruleId);
    return `${JSON.stringify({
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      ...(rule ? { content: { body: `${rule.docs.en}\n\n${docsUrl(rule)}` } } : {}),
      categories: [f.severity === 'error' ? 'Bug Risk' : 'Style'],
      location: {
        path: slashes(r.file),
        positions: { begin: { line: f.range.start.line + 1, column: f.range.start.character + 1 }, end: { line: f.range.end.line + 1, column: f.range.end.character + 1 } },
      },
      severity: CODECLIMATE[f.severity],
      fingerprint,
    })}\u0000`;
  }).join('');
}

export function formatGitlab(results: readonly FileResult[]): string {
  const out = issues(results).map(({ r, f, fingerprint }) => ({
    description: `${f.ruleId}: ${f.message}`,
    check_name: f.ruleId,
    fingerprint,
    severity: CODECLIMATE[f.severity],
    categories: [f.severity === 'error' ? 'Bug Risk' : 'Style'],
    location: { path: slashes(r.file), lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function formatSonarqube(results: readonly FileResult[]): string {
  const out = issues(results).map(({ r, f }) => {
    const sameLine = f.range.start.line === f.range.end.line;
    // Sonar's columns are 0-based; an empty range on one line is given by its line only.
    const columns = !sameLine || f.range.end.character > f.range.start.character ? { startColumn: f.range.start.character, endColumn: f.range.end.character } : {};
    return {
      engineId: 'dockerfile-doctor',
      ruleId: f.ruleId,
      severity: SONAR[f.severity],
      type: f.severity === 'error' ? 'BUG' : 'CODE_SMELL',
      primaryLocation: {
        message: f.message,
        filePath: slashes(r.file),
        textRange: { startLine: f.range.start.line + 1, endLine: f.range.end.line + 1, ...columns },
      },
    };
  });
  return `${JSON.stringify({ issues: out }, null, 2)}\n`;
}

/**
 * Codacy's tool-result lines: `{"filename", "patternId", "message", "line"}`, one per line.
 * Codacy's hadolint patterns are hadolint's codes, so a rule with one reports it (DL3008); the
 * others report our id.
 */
export function formatCodacy(results: readonly FileResult[]): string {
  return issues(results).map(({ r, f }) => `${JSON.stringify({
    filename: slashes(r.file),
    patternId: f.related.hadolint ?? f.ruleId,
    message: f.message,
    line: f.range.start.line + 1,
  })}\n`).join('');
}
