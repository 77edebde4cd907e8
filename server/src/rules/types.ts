/**
 * What a rule is and what it reports. Rules never build LSP objects: they report offsets,
 * a message and fixes; `lint.ts` maps those to positions and `diagnostics.ts` to the protocol.
 */
import type { DockerfileModel, InstructionInfo } from '../model';
import type { RunScript } from '../shell/script';
import type { OffsetEdit } from '../text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * - safe: the built image cannot change; preferred, applied by fix-all and `--fix`.
 * - unsafe: very likely wanted but can change the result; offered, never preferred or automatic.
 */
export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  safety: FixSafety;
}

export interface Report {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext {
  readonly model: DockerfileModel;
  report(report: Report): void;
  /** The shell scripts of a RUN instruction, parsed once and cached. */
  scripts(ins: InstructionInfo): RunScript[];
}

export interface RelatedCodes {
  hadolint?: string;
  buildkit?: string;
}

export interface Rule {
  /** Stable id naming the flagged pattern; also the diagnostic code. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly related: RelatedCodes;
  /** One line, English (localised through the l10n bundle). */
  readonly description: string;
  /** Markdown docs, English and Simplified Chinese. */
  readonly docs: { readonly en: string; readonly 'zh-cn': string };
  check(ctx: RuleContext): void;
}
