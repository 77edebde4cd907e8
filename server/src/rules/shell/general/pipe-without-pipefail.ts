/**
 * pipe-without-pipefail — a pipe in a RUN whose shell does not run with `pipefail`: the RUN
 * succeeds when only the last command of `curl … | tar -x` succeeds, so a failed download
 * builds a broken image.
 *
 * Satisfied by a shell started with `-o pipefail` (the SHELL in force, inherited through
 * `FROM <stage>` too; the shell of an exec-form `["bash", "-o", "pipefail", "-c", …]`; the
 * shell reading a heredoc, `RUN bash -o pipefail <<EOF`), or by `set -o pipefail` (any
 * `set -…o pipefail`) earlier in the same script's own shell.
 *
 * Which shells have pipefail (checked, see the docs): bash, zsh, ksh, mksh, busybox ash
 * (Alpine's /bin/sh; built with ASH_BASH_COMPAT, the default); dash only since Debian's
 * 0.5.12-7 (Debian 13, Ubuntu 26.04) — Debian 12's and Ubuntu 24.04's /bin/sh rejects
 * `set -o pipefail`. Not reported under an explicit `dash` / `posh` shell. The fixes follow the
 * base image: `set -o pipefail &&` where /bin/sh has it (Alpine, busybox, Fedora/RHEL family),
 * else a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` line. Both unsafe: a build whose
 * pipe hid a failure fails afterwards, which is the point but changes the result.
 *
 * Better than hadolint: pipes whose every command but the last is `echo` / `printf` / `true`
 * (cannot fail: `echo "$SUM  f" | sha256sum -c -`) are not reported; nor `yes | …`, which
 * pipefail would break (yes dies of SIGPIPE); nor scripts nested in `sh -c '…'`, whose shell
 * options are the nested shell's.
 */
import { t } from '../../../l10n';
import { matchKeywordCase } from '../../../text';
import type { InstructionInfo } from '../../../model';
import type { Command } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import type { Fix, Rule, RuleContext } from '../../types';
import { baseImageOf, isBusyboxImage } from './_general';
import en from './pipe-without-pipefail.md';
import zhCn from './pipe-without-pipefail.zh-cn.md';

/** Base images whose /bin/sh is bash (pipefail works in `sh -c`). */
const BASH_SH_IMAGE = /(?:^|[/:@-])(?:fedora|centos|rhel\d*|ubi\d*(?:-\w+)?|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse|sles|archlinux|photon)(?:$|[/:@.-])/i;

/** Debian 13 (trixie) and later: its dash has pipefail (0.5.12-7). */
const NEW_DEBIAN_IMAGE = /(?:^|[/:@-])(?:trixie|forky|sid)(?:$|[/:@.-])|^(?:[\w.-]+\/)*debian:(?:1[3-9]|[2-9]\d)(?:$|[.-])/i;

/** Shells without a pipefail option (or, for dash, only in the newest releases). */
const NO_PIPEFAIL = /(?:^|\/)(?:dash|posh)$/;

/** `-o pipefail` (or `-eo pipefail`, `-euxo pipefail`) among a shell's or set's words. */
export function turnsOnPipefail(words: readonly (string | null)[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (/^-[A-Za-z]*o$/.test(words[i] ?? '') && words[i + 1] === 'pipefail') return true;
  }
  return false;
}

const HARMLESS = new Set(['echo', 'printf', 'true']);

/** The shell words that run a script, or null for the default `/bin/sh -c`. */
function shellWords(ctx: RuleContext, ins: InstructionInfo, script: RunScript, at: InstructionInfo): readonly string[] | null | undefined {
  if (script.kind === 'exec-form' && Array.isArray(ins.json)) {
    const c = ins.json.findIndex((a, i) => i > 0 && /^-[A-Za-z]*c[A-Za-z]*$/.test(a));
    return ins.json.slice(0, c < 0 ? 1 : c);
  }
  if (script.kind === 'heredoc-body') {
    const cmdLine = ctx.scripts(ins).find((x) => x.kind === 'heredoc-command');
    const first = cmdLine?.analysis.commands[0];
    if (first && first.name) return [first.name, ...first.args.map((w) => w.value ?? w.raw)];
  }
  return ctx.shellOf(at);
}

/** The commands inside a pipeline; `cmds` is in source order (binary search: linear overall). */
function pipelineCommands(cmds: readonly Command[], p: { start: number; end: number }): Command[] {
  let lo = 0;
  let hi = cmds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmds[mid].start < p.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Command[] = [];
  for (let i = lo; i < cmds.length && cmds[i].start < p.end; i++) if (cmds[i].inPipeline && cmds[i].end <= p.end) out.push(cmds[i]);
  return out;
}

export const pipeWithoutPipefail: Rule = {
  id: 'pipe-without-pipefail',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL4006' },
  description: 'A pipe in RUN without pipefail',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`set -o pipefail &&` or a `SHELL` with `-o pipefail` (unsafe)',
  check(ctx) {
    // ONBUILD triggers: the SHELL in force is the one at their ONBUILD line.
    const triggers = new Map<InstructionInfo, InstructionInfo>();
    for (const i of ctx.model.instructions) if (i.trigger) triggers.set(i.trigger, i);
    for (const { ins, script } of ctx.shellScripts()) {
      if (script.kind === 'nested') continue;
      const a = script.analysis;
      if (a.pipelines.length === 0) continue;
      const shell = shellWords(ctx, ins, script, triggers.get(ins) ?? ins);
      if (shell === undefined) continue;
      if (shell !== null && (NO_PIPEFAIL.test(shell[0] ?? '') || turnsOnPipefail(shell))) continue;
      let firstSet = Infinity;
      for (const c of a.commands) {
        if (c.name === 'set' && c.inMainShell && turnsOnPipefail(c.args.map((w) => w.value))) {
          firstSet = c.start;
          break;
        }
      }
      const hit = a.pipelines.find((p) => {
        if (firstSet < p.start) return false;
        const cmds = pipelineCommands(a.commands, p);
        if (cmds.length < 2) return false;
        if (cmds.some((c) => c.name === 'yes')) return false;
        const last = cmds.reduce((x, y) => (y.start > x.start ? y : x));
        return !cmds.every((c) => c === last || (c.name !== null && HARMLESS.has(c.name)));
      });
      if (!hit) continue;
      const first = pipelineCommands(a.commands, hit).reduce((x, y) => (y.start < x.start ? y : x));
      const image = baseImageOf(ctx, ins);
      const busybox = isBusyboxImage(image);
      // `sh` named explicitly is the image's /bin/sh, like the default.
      const defaultLike = shell === null || /(?:^|\/)sh$/.test(shell[0] ?? '');
      const setWorks = !defaultLike || busybox || BASH_SH_IMAGE.test(image) || NEW_DEBIAN_IMAGE.test(image);
      const fixes: Fix[] = [];
      if (setWorks && !script.readOnly && (script.kind === 'shell' || script.kind === 'exec-form')) {
        const lead = /^\s*/.exec(script.text)![0].length;
        const at = script.toDoc(lead);
        fixes.push({ title: t('Add set -o pipefail && at the start of the RUN'), edits: [{ start: at, end: at, newText: 'set -o pipefail && ' }], safety: 'unsafe' });
      }
      if (defaultLike && !triggers.has(ins) && script.kind !== 'exec-form') {
        const json = busybox ? '["/bin/ash", "-o", "pipefail", "-c"]' : '["/bin/bash", "-o", "pipefail", "-c"]';
        const lineStart = ctx.model.lines.starts[ins.startLine];
        const indent = /^[ \t]*/.exec(ctx.model.text.slice(lineStart, ins.start))![0];
        fixes.push({ title: t('Add SHELL {0} before this RUN', json), edits: [{ start: lineStart, end: lineStart, newText: `${indent}${matchKeywordCase(ins.keywordText, 'SHELL')} ${json}${ctx.model.eol}` }], safety: 'unsafe' });
      }
      const message = !defaultLike
        ? t('A pipe hides the failure of every command but the last: add "-o", "pipefail" to the SHELL, or start the RUN with set -o pipefail &&')
        : busybox
          ? t('A pipe hides the failure of every command but the last: start the RUN with set -o pipefail && (busybox ash, the /bin/sh of Alpine, supports it)')
          : setWorks
            ? t('A pipe hides the failure of every command but the last: start the RUN with set -o pipefail &&, or use SHELL ["/bin/bash", "-o", "pipefail", "-c"]')
            : t('A pipe hides the failure of every command but the last: use SHELL ["/bin/bash", "-o", "pipefail", "-c"] (the /bin/sh of Debian 12, Ubuntu 24.04 and older is dash, which has no pipefail)');
      ctx.report({ start: script.toDoc(first.start), end: script.toDoc(first.end, true), message, fixes });
    }
  },
};

