/**
 * Reading `apt-get` / `apt` command lines for the apt rules: the subcommand, the options
 * (getopt-style, `-o Name=value` included) and the operands, from the shared invocations.
 */
import { parseArgs, type Invocation, type ParsedArgs } from '../../../shell/facts';
import type { Word } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import { recordSets, runGroups, type RunGroup } from '../../../shell/packages';
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

interface Mention {
  gi: number;
  si: number;
  offset: number;
}

const mentionCache = new WeakMap<readonly RunGroup[], Map<string, Mention>>();

/**
 * Whether the stage configures an apt item (`APT::Install-Recommends`, `APT::Get::Assume-Yes`)
 * before `call`, outside apt-get's own command line:
 * `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends` configures every
 * later apt-get of the stage. The first mention per stage is indexed once per chunk; an
 * `ONBUILD RUN` configures only later triggers (it runs in another build).
 */
export function configuredEarlier(ctx: RuleContext, group: RunGroup, call: AptCall, item: string): boolean {
  const groups = runGroups(ctx);
  let first = mentionCache.get(groups);
  if (!first) {
    first = new Map();
    groups.forEach((g, gi) => g.scripts.forEach((script, si) => {
      for (const inv of ctx.invocations(script)) {
        if (inv.program === 'apt-get' || inv.program === 'apt') continue;
        for (const w of inv.args) {
          const text = (w.value ?? w.raw).toLowerCase();
          for (const it of ['install-recommends', 'assume-yes']) {
            const key = `${g.ins.stage}:${g.trigger ? 'T' : 'R'}:${it}`;
            if (text.includes(it) && !first!.has(key)) first!.set(key, { gi, si, offset: inv.command.start });
          }
        }
      }
    }));
    mentionCache.set(groups, first);
  }
  const gi = group.index;
  const si = group.scripts.indexOf(call.script);
  const before = (m: Mention | undefined) => !!m && (m.gi < gi || (m.gi === gi && (m.si < si || (m.si === si && m.offset < call.inv.command.start))));
  const it = item.toLowerCase();
  return before(first.get(`${group.ins.stage}:R:${it}`)) || (group.trigger && before(first.get(`${group.ins.stage}:T:${it}`)));
}

/**
 * Records, for the stages built on this one (`FROM <stage>`), every RUN that configures `item`
 * (see `configuredEarlier`); `releaseHeld` reads these facts in `checkFile`.
 */
export function recordConfigured(ctx: RuleContext, item: string): void {
  const needle = item.toLowerCase();
  for (const g of runGroups(ctx)) {
    if (g.trigger) continue;
    const mentions = g.scripts.some((script) => ctx.invocations(script).some((inv) => inv.program !== 'apt-get' && inv.program !== 'apt'
      && inv.args.some((w) => (w.value ?? w.raw).toLowerCase().includes(needle))));
    if (mentions) recordSets(ctx, g.ins, [item]);
  }
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
