/** One line per finding: GNU's `file:line.col-line.col: severity: message` and GitHub workflow commands. */
import type { Severity } from '../../rules/types';
import type { FileResult } from './types';

export function formatGnu(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const f of r.findings) {
      const s = f.range.start;
      const e = f.range.end;
      const span = s.line === e.line ? `${s.line + 1}.${s.character + 1}-${e.character + 1}` : `${s.line + 1}.${s.character + 1}-${e.line + 1}.${e.character + 1}`;
      out += `${r.file}:${span}: ${f.severity}: ${f.message} [${f.ruleId}]\n`;
    }
  }
  return out;
}

const GITHUB: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations (`::warning file=…,line=…::message`). */
export function formatGithub(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const f of r.findings) {
      const related = [f.related.hadolint, f.related.buildkit].filter(Boolean).join(', ');
      const props = [
        `file=${prop(r.file)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${prop(related ? `${f.ruleId} (${related})` : f.ruleId)}`,
      ];
      out += `::${GITHUB[f.severity]} ${props.join(',')}::${data(f.message)}\n`;
    }
  }
  return out;
}
