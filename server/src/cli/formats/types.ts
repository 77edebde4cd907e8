/** What every report format gets: each file's findings (and its text, for code frames and fingerprints). */
import { createHash } from 'node:crypto';
import type { Finding } from '../../lint';
import { LineIndex } from '../../text';

export interface FileResult {
  /** The path as reported (`--file-path-in-report` for standard input). */
  file: string;
  text: string;
  findings: Finding[];
}

export interface FormatOptions {
  color: boolean;
  version: string;
}

export type Formatter = (results: readonly FileResult[], opts: FormatOptions) => string;

/**
 * A fingerprint that survives lines moving: the rule, the file, the trimmed text of the
 * flagged line and which occurrence of that (rule, line text) pair in the file it is.
 */
export function fingerprints(result: FileResult): string[] {
  const lines = new LineIndex(result.text);
  const seen = new Map<string, number>();
  return result.findings.map((f) => {
    const l = f.range.start.line;
    const lineText = l < lines.lineCount ? lines.lineText(l).trim() : '';
    const key = `${f.ruleId}\u0000${result.file}\u0000${lineText}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** `file` with forward slashes (report formats expect them on every OS). */
export function slashes(file: string): string {
  return file.replace(/\\/g, '/');
}
