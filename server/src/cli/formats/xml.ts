/** Checkstyle and JUnit XML (Jenkins, GitLab test reports, Azure Pipelines …). */
import type { Severity } from '../../rules/types';
import { xmlEscape as x, type FileResult } from './types';

const CHECKSTYLE: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

export function formatCheckstyle(results: readonly FileResult[]): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    out += `  <file name="${x(r.file)}">\n`;
    for (const f of r.findings) {
      out += `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${CHECKSTYLE[f.severity]}" message="${x(f.message)}" source="dockerfile-doctor.${x(f.ruleId)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
}

export function formatJunit(results: readonly FileResult[]): string {
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dockerfile-doctor" tests="${total}" failures="${failures}" errors="0">\n`;
  for (const r of results) {
    out += `  <testsuite name="${x(r.file)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0" skipped="0">\n`;
    if (r.findings.length === 0) out += `    <testcase name="dockerfile-doctor" classname="${x(r.file)}"/>\n`;
    for (const f of r.findings) {
      const where = `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out += `    <testcase name="${x(`${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`)}" classname="${x(r.file)}">\n`;
      out += `      <failure message="${x(f.message)}" type="${f.severity}">${x(`${where}: ${f.severity} ${f.ruleId}: ${f.message}`)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
}
