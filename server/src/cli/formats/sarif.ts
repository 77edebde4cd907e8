/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps …): the tool with every rule's metadata
 * (description, help text and docs URI), results with regions, the fixes as SARIF `fixes`,
 * and `partialFingerprints` so a finding keeps its identity when lines move.
 */
import { t } from '../../l10n';
import { docsUrl, RULES } from '../../rules';
import type { Severity } from '../../rules/types';
import type { Range } from '../../text';
import { fingerprints, slashes, type FileResult, type FormatOptions } from './types';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative URI reference for a path (absolute paths become file: URIs). */
export function artifactUri(file: string): string {
  const p = slashes(file);
  if (/^[A-Za-z]:\//.test(p)) return `file:///${encodeURI(p)}`;
  if (p.startsWith('/')) return `file://${encodeURI(p)}`;
  return encodeURI(p).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

function region(r: Range): object {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(results: readonly FileResult[], opts: FormatOptions): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: t(r.description) },
    fullDescription: { text: t(r.description) },
    help: { text: `${t(r.description)}\n${docsUrl(r)}`, markdown: r.docs.en },
    helpUri: docsUrl(r),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity], enabled: r.enabledByDefault !== false },
    properties: {
      tags: [r.related.hadolint, r.related.buildkit].filter(Boolean),
      ...(r.related.hadolint ? { hadolint: r.related.hadolint } : {}),
      ...(r.related.buildkit ? { buildkit: r.related.buildkit } : {}),
    },
  }));
  const out: object[] = [];
  for (const res of results) {
    const prints = fingerprints(res);
    const uri = artifactUri(res.file);
    res.findings.forEach((f, i) => {
      out.push({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(f.range) } }],
        partialFingerprints: { 'dockerfileDoctor/v1': prints[i] },
        ...(f.fixes.length > 0 ? {
          fixes: f.fixes.map((fix) => ({
            description: { text: fix.safety === 'safe' ? fix.title : `${fix.title} (${fix.safety})` },
            artifactChanges: [{
              artifactLocation: { uri },
              replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            }],
          })),
        } : {}),
      });
    });
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'dockerfile-doctor',
          version: opts.version,
          semanticVersion: opts.version,
          informationUri: 'https://github.com/dockerfile-doctor/dockerfile-doctor',
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results: out,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
