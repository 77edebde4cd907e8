/**
 * What a rule is and what it reports. Rules never build LSP objects: they report offsets,
 * a message and fixes; `lint.ts` maps those to positions and `diagnostics.ts` to the protocol.
 *
 * Two kinds of check:
 * - `check(ctx)` runs on one chunk of the file (one or more whole stages, parsed once and
 *   cached by text): everything a rule can decide inside its stage.
 * - `checkFile(ctx)` runs after the chunks, on the small facts the rule's `check` recorded
 *   with `ctx.fact(…)` in every chunk (stage names, `COPY --from` references …): what needs
 *   the whole file. It is cheap (no parsing), so a keystroke still re-parses only its chunk.
 */
import type { DockerfileModel, InstructionInfo, StageFacts } from '../model';
import type { Invocation } from '../shell/facts';
import type { RunScript } from '../shell/script';
import type { Settings } from '../settings';
import type { OffsetEdit, Range } from '../text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * - safe: the built image cannot change; preferred, applied by fix-all and `--fix`.
 * - unsafe: very likely wanted but can change the result; offered, never preferred or automatic.
 * - suggestion: a template the user completes (a placeholder tag …); never automatic.
 */
export type FixSafety = 'safe' | 'unsafe' | 'suggestion';

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

/** A POSIX shell script of a RUN (or `ONBUILD RUN`) instruction, with the instruction. */
export interface ShellScript {
  ins: InstructionInfo;
  script: RunScript;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  report(report: Report): void;
  /** The shell scripts of a RUN instruction, parsed once and cached (any shell). */
  scripts(ins: InstructionInfo): RunScript[];
  /**
   * Every script a POSIX shell runs in this chunk: shell-form and heredoc `RUN`, `ONBUILD RUN`,
   * exec form `["sh", "-c", "…"]`, nested `sh -c '…'`. RUNs whose shell is PowerShell or cmd
   * (a SHELL in the stage or inherited, or a Windows base image) are left out.
   */
  shellScripts(): readonly ShellScript[];
  /** The commands of a script with wrappers (`sudo`, `env X=1`, `xargs` …) seen through; cached. */
  invocations(script: RunScript): readonly Invocation[];
  /** The SHELL in force for an instruction: its JSON array, `null` for the default, `undefined` when unreadable. */
  shellOf(ins: InstructionInfo): string[] | null | undefined;
  /** What the whole file says about the stage an instruction is in (undefined before the first FROM). */
  stageOf(ins: InstructionInfo): StageView | undefined;
  /** Records a fact for this rule's `checkFile` (plain JSON data; ranges made with `ctx.range`). */
  fact(data: unknown): void;
  /** A range of this chunk, for facts (shifted to file lines before `checkFile` sees it). */
  range(start: number, end: number): Range;
}

/**
 * A stage as a chunk's rules may see it: no line numbers (a chunk's result is cached by its
 * text and reused when lines above it move), but what it inherits and where its layers go.
 */
export interface StageView {
  name: string | null;
  from: string;
  inherited: StageFacts['inherited'];
  /** Its layers end up in the final image (the last stage or an ancestor of it). */
  reachesFinal: boolean;
  /** It is the last stage of the file. */
  isLast: boolean;
}

export interface FileReport {
  range: Range;
  message: string;
  /** The first line of the instruction (where an ignore comment goes). */
  instructionLine: number;
  fixes?: { title: string; safety: FixSafety; edits: { range: Range; newText: string }[] }[];
}

/**
 * Where the Dockerfile is on disk and what it is built with (absolute paths). Absent for
 * untitled buffers, files outside the workspace, and callers that do not pass it: rules that
 * need the file system then report nothing.
 */
export interface LintContext {
  dockerfile: string;
  /** The build context folder: `dockerfileDoctor.buildContext` / `--context`, else the Dockerfile's folder. */
  buildContext: string;
  /** Whether the build context was set explicitly (else it is the Dockerfile's folder by default). */
  buildContextSet?: boolean;
  /** The workspace folder holding the Dockerfile, when known. */
  workspaceRoot?: string;
}

export interface FileRuleContext<T = unknown> {
  /** The facts every chunk recorded for this rule, in file order, ranges in file positions. */
  readonly facts: readonly T[];
  /** Every stage of the file. */
  readonly stages: readonly StageFacts[];
  /** The file's place on disk and its build context, when known (never part of a chunk's cache). */
  readonly context?: LintContext;
  /**
   * The settings (trusted registries, label schema …). Read here, never in `check`: a chunk's
   * result is cached by its text alone, file-level checks run on every lint.
   */
  readonly settings: Settings;
  report(report: FileReport): void;
}

export interface RelatedCodes {
  hadolint?: string;
  buildkit?: string;
}

export interface Rule {
  /** Stable id naming the flagged pattern; also the diagnostic code. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** False for opt-in rules (hadolint DL3057, experimental BuildKit checks): off unless a setting turns them on. */
  readonly enabledByDefault?: boolean;
  /**
   * BuildKit marks the check experimental: `# check=experimental=<name>` (or `all`) turns it on
   * there, and `skip=` (even `skip=all`) never turns a check so named off.
   */
  readonly buildkitExperimental?: boolean;
  readonly related: RelatedCodes;
  /** One line, English (localised through the l10n bundle). */
  readonly description: string;
  /** Markdown docs, English and Simplified Chinese. */
  readonly docs: { readonly en: string; readonly 'zh-cn': string };
  /** What its fixes do, for the README table (English, short): e.g. "`COPY` (safe)". */
  readonly fixSummary?: string;
  /**
   * `'instruction'`: what the rule reports on an instruction depends on nothing but that
   * instruction (its text, ONBUILD trigger and heredocs included), the SHELL in force, its
   * stage's view (`ctx.stageOf`) and the file's escape and style; each report and fix stays in
   * the instruction's lines, and the rule records no facts. After a keystroke inside one
   * instruction the linter runs it on that instruction only (its `ctx.model.instructions` and
   * `ctx.shellScripts()` hold just that one) and keeps its findings on the others from the
   * chunk's previous version. Absent: it reads the whole chunk.
   */
  readonly scope?: 'instruction';
  check(ctx: RuleContext): void;
  checkFile?(ctx: FileRuleContext): void;
}
