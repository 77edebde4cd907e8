/**
 * Reading `apt-get` / `apt` command lines for the apt rules: the subcommand, the options
 * (getopt-style, `-o Name=value` included) and the operands, from the shared invocations.
 */
import { parseArgs, type Invocation, type ParsedArgs } from '../../../shell/facts';
import type { Word } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import { earlierInStage, runGroups, type RunGroup } from '../../../shell/packages';
import type { RuleContext } from '../../types';

/** apt-get / apt options that take the next word as their value. */
export const APT_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release',
  '-a', '--host-architecture', '-P', '--build-profiles', '--solver',
]);

export interface AptCall {
  inv: Invocation;
  /** `apt-get` or `apt`. */
  tool: 'apt-get' | 'apt';
  args: ParsedArgs;
  /** The subcommand word (`install`, `update` …); null when missing or an expansion. */
  sub: Word | null;
  /** The words after the subcommand that are not options: packages, files, patterns. */
  operands: Word[];
  script: RunScript;
}

/** Subcommands that install, upgrade or remove packages: apt asks for confirmation before them. */
export const CHANGING_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove',
  'autopurge', 'build-dep', 'satisfy',
]);

export function aptCalls(ctx: RuleContext, script: RunScript): AptCall[] {
  const out: AptCall[] = [];
  for (const inv of ctx.invocations(script)) {
    if (inv.program !== 'apt-get' && inv.program !== 'apt') continue;
    const args = parseArgs(inv.args, APT_VALUE_OPTIONS);
    const first = args.positionals[0];
    const sub = first && first.value !== null ? first : null;
    out.push({ inv, tool: inv.program, args, sub, operands: args.positionals.slice(1), script });
  }
  return out;
}

/** The value of `-o Name=value` options, by lower-case name (the last one wins). */
export function aptOption(call: AptCall, name: string): string | undefined {
  let found: string | undefined;
  for (const o of call.args.options) {
    if ((o.name !== '-o' && o.name !== '--option') || o.value === null) continue;
    const eq = o.value.indexOf('=');
    if (eq > 0 && o.value.slice(0, eq).trim().toLowerCase() === name.toLowerCase()) found = o.value.slice(eq + 1).trim();
  }
  return found;
}

/** apt's boolean option values. */
export function aptTrue(v: string | undefined): boolean {
  return v !== undefined && /^(?:1|true|yes|on|"(?:1|true|yes|on)")$/i.test(v);
}

export function aptFalse(v: string | undefined): boolean {
  return v !== undefined && /^(?:0|false|no|off|"(?:0|false|no|off)")$/i.test(v);
}

/**
 * Whether an earlier RUN of the stage (or earlier in this script) mentions an apt configuration
 * item (`APT::Install-Recommends`, `APT::Get::Assume-Yes`) outside apt-get's own command line:
 * `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends` configures every
 * later apt-get.
 */
export function configuredEarlier(ctx: RuleContext, scripts: readonly { script: RunScript; before: number }[], item: string): boolean {
  const needle = item.toLowerCase();
  for (const { script, before } of scripts) {
    for (const inv of ctx.invocations(script)) {
      if (inv.command.start >= before) continue;
      if (inv.program === 'apt-get' || inv.program === 'apt') continue;
      if (inv.args.some((w) => (w.value ?? w.raw).toLowerCase().includes(needle))) return true;
    }
  }
  return false;
}

/** The scripts that run before `call` in its stage: earlier RUNs whole, and this RUN up to the call. */
export function scriptsBefore(ctx: RuleContext, group: RunGroup, call: AptCall): { script: RunScript; before: number }[] {
  const out: { script: RunScript; before: number }[] = [];
  for (const ins of earlierInStage(ctx.model, group.ins)) {
    const run = ins.keyword === 'RUN' ? ins : ins.keyword === 'ONBUILD' && ins.trigger?.keyword === 'RUN' && group.trigger ? ins.trigger : undefined;
    if (run) for (const s of ctx.scripts(run)) out.push({ script: s, before: Infinity });
  }
  for (const s of group.scripts) {
    if (s === call.script) {
      out.push({ script: s, before: call.inv.command.start });
      break;
    }
    out.push({ script: s, before: Infinity });
  }
  return out;
}

/** Every apt call of the chunk's POSIX scripts, with its RUN. */
export function allAptCalls(ctx: RuleContext): { group: RunGroup; call: AptCall }[] {
  const out: { group: RunGroup; call: AptCall }[] = [];
  for (const group of runGroups(ctx)) for (const s of group.scripts) for (const call of aptCalls(ctx, s)) out.push({ group, call });
  return out;
}

/** The range a finding on an apt call covers: from the program word to the end of the subcommand. */
export function callRange(call: AptCall): { start: number; end: number } {
  const s = call.script;
  return { start: s.toDoc(call.inv.programStart), end: s.toDoc((call.sub ?? { end: call.inv.programEnd }).end, true) };
}
