/**
 * Reading yum / dnf / microdnf / zypper command lines (RPM-based images) from the shell facts:
 * which tool, its subcommand (after global options), its options and its package words.
 */
import { parseArgs, type Invocation, type ParsedArgs } from './facts';
import type { RunScript } from './script';
import type { Word } from './parser';

export type RpmFamily = 'yum' | 'dnf' | 'zypper';

/** The programs of each family: `dnf5` and `microdnf` read dnf's command line. */
const FAMILY: Readonly<Record<string, RpmFamily>> = {
  yum: 'yum', dnf: 'dnf', dnf5: 'dnf', 'dnf-3': 'dnf', microdnf: 'dnf', zypper: 'zypper',
};

/** Options that take the next word as their value (global or of a subcommand). */
const YUM_DNF_VALUES = new Set([
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '--installroot', '--enablerepo', '--disablerepo',
  '--repo', '--repoid', '-x', '--exclude', '--excludepkgs', '--releasever', '--setopt', '--downloaddir', '--destdir',
  '--color', '--disableexcludes', '--rpmverbosity', '--forcearch', '--advisory', '--advisories', '--bz', '--bzs',
  '--cve', '--cves', '--sec-severity', '--secseverity', '--repofrompath', '--enableplugin', '--disableplugin',
  '--comment', '-R', '--randomwait', '--noplugins-except', '--platform-module', '--use-host-config', '--skip-unavailable-except',
]);
const ZYPPER_VALUES = new Set([
  '-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '-p', '--plus-repo', '--userdata', '-t', '--type', '-r', '--repo', '--from', '--download',
  '--oldpackage-dir', '--plus-content', '--allow-vendor-change', '--category', '--severity', '--date', '-b', '--bugzilla',
  '--cve', '--issues',
]);

export interface RpmCall {
  inv: Invocation;
  family: RpmFamily;
  /** `yum`, `dnf`, `microdnf`, `zypper` … */
  program: string;
  /** The subcommand word (`install`, `in`, `clean` …), null when none is literal. */
  sub: Word | null;
  /** `group install`, `module install`: the second word; else null. */
  sub2: Word | null;
  /** Options and positionals of the whole command line. */
  parsed: ParsedArgs;
  /** Positional words after the subcommand (and after `sub2`). */
  operands: Word[];
}

/** Reads an invocation as a yum/dnf/zypper call, or null. */
export function readRpm(inv: Invocation): RpmCall | null {
  if (inv.program === null) return null;
  const family = FAMILY[inv.program];
  if (!family) return null;
  const parsed = parseArgs(inv.args, family === 'zypper' ? ZYPPER_VALUES : YUM_DNF_VALUES);
  const [first, second, ...rest] = parsed.positionals;
  const sub = first && first.value !== null ? first : null;
  const nested = sub !== null && (sub.value === 'group' || sub.value === 'groups' || sub.value === 'module');
  const sub2 = nested && second && second.value !== null ? second : null;
  const operands = sub === null ? [] : nested ? (sub2 ? rest : []) : parsed.positionals.slice(1);
  return { inv, family, program: inv.program, sub, sub2, parsed, operands };
}

const callCache = new WeakMap<readonly Invocation[], RpmCall[]>();

/** Every yum/dnf/zypper call of a script, in source order; cached with the script's invocations. */
export function rpmCalls(invs: readonly Invocation[]): RpmCall[] {
  let out = callCache.get(invs);
  if (out) return out;
  out = [];
  for (const inv of invs) {
    const call = readRpm(inv);
    if (call) out.push(call);
  }
  callCache.set(invs, out);
  return out;
}

/** The subcommand, with `group install` read as `group install` (aliases kept as written). */
export function subcommand(call: RpmCall): string {
  const s = call.sub?.value ?? '';
  return call.sub2 ? `${s} ${call.sub2.value}` : s;
}

/** dnf's (and dnf5's, microdnf's, RHEL 8+ yum's) short command names. */
const DNF_ALIASES: Readonly<Record<string, string>> = {
  in: 'install', rei: 'reinstall', up: 'upgrade', 'up-min': 'upgrade-minimal', dg: 'downgrade', rm: 'remove',
};

/** The subcommand with dnf's aliases read as the command they name (`in` → `install`); zypper's as written. */
export function command(call: RpmCall): string {
  const s = call.sub?.value ?? '';
  const name = call.family === 'zypper' ? s : DNF_ALIASES[s] ?? s;
  return call.sub2 ? `${name} ${call.sub2.value}` : name;
}

const YUM_DNF_INSTALLS = new Set([
  'install', 'localinstall', 'groupinstall', 'reinstall', 'group install', 'groups install', 'module install',
]);
const ZYPPER_INSTALLS = new Set(['install', 'in', 'source-install', 'si', 'install-new-recommends', 'inr']);

/** A call that installs packages (and so fills the package cache). */
export function installs(call: RpmCall): boolean {
  const s = command(call);
  return call.family === 'zypper' ? ZYPPER_INSTALLS.has(s) : YUM_DNF_INSTALLS.has(s);
}

const YUM_DNF_UPDATES = new Set([
  'update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'downgrade', 'distro-sync', 'distrosync', 'dsync',
  'groupupdate', 'group update', 'group upgrade', 'groups update', 'groups upgrade', 'module update', 'swap',
]);
const ZYPPER_UPDATES = new Set(['update', 'up', 'dist-upgrade', 'dup', 'patch']);

/** A call that downloads packages: an install or an update. */
export function downloads(call: RpmCall): boolean {
  const s = command(call);
  return installs(call) || (call.family === 'zypper' ? ZYPPER_UPDATES.has(s) : YUM_DNF_UPDATES.has(s));
}

const YUM_DNF_ASKS = new Set([
  ...YUM_DNF_INSTALLS, ...YUM_DNF_UPDATES, 'remove', 'erase', 'autoremove', 'groupremove', 'groupupgrade', 'groupinstall',
  'group remove', 'groups remove', 'module remove', 'module enable', 'module disable', 'module reset', 'module switch-to',
  'history undo', 'history redo', 'history rollback',
]);
const ZYPPER_ASKS = new Set([...ZYPPER_INSTALLS, ...ZYPPER_UPDATES, 'remove', 'rm', 'patch']);

/** A call that asks for confirmation unless told not to. */
export function asksConfirmation(call: RpmCall): boolean {
  const s = command(call);
  if (call.family === 'zypper') return ZYPPER_ASKS.has(s);
  if (s === 'history' && call.sub2 === null) {
    const next = call.parsed.positionals[1]?.value;
    return next === 'undo' || next === 'redo' || next === 'rollback';
  }
  return YUM_DNF_ASKS.has(s);
}

/** `-y`, `--assumeyes` (yum/dnf); `-n`, `--non-interactive`, `-y`, `--no-confirm` (zypper). */
export function isNonInteractive(call: RpmCall): boolean {
  if (call.family === 'zypper') return call.parsed.has('-n', '--non-interactive', '-y', '--no-confirm');
  return call.parsed.has('-y', '--assumeyes', '--assumeno');
}

/** An expansion among the options may bring `-y` (`yum $YUM_OPTS install x`). */
export function hasDynamicOptions(call: RpmCall): boolean {
  return call.parsed.dynamic.length > 0 || call.inv.args.some((w) => w.value === null && /^["']?\$/.test(w.raw) && (call.sub === null || w.start < call.sub.start));
}

/** `yum clean all`, `dnf clean all`, `zypper clean` / `cc`: clears the cache. */
export function isCacheClean(call: RpmCall): boolean {
  const s = call.sub?.value;
  if (call.family === 'zypper') return s === 'clean' || s === 'cc';
  if (s !== 'clean') return false;
  const what = call.parsed.positionals.slice(1).map((w) => w.value);
  return what.includes('all') || (what.includes('packages') && what.includes('metadata'));
}

/** The cache directories of each family (yum on RHEL 8+ is dnf; microdnf keeps /var/cache/yum). */
export const CACHE_DIRS: Readonly<Record<RpmFamily, readonly string[]>> = {
  yum: ['/var/cache/yum', '/var/cache/dnf'],
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'],
  zypper: ['/var/cache/zypp'],
};

/** `rm -rf /var/cache/yum`, `rm -rf /var/cache/dnf/*` … : removes one of `dirs`. */
export function removesCache(inv: Invocation, dirs: readonly string[]): boolean {
  if (inv.program !== 'rm') return false;
  return inv.args.some((w) => {
    const v = (w.value ?? w.raw).replace(/^["']|["']$/g, '');
    return dirs.some((d) => v === d || v === `${d}/` || v === `${d}/*` || v === `${d}/*/`);
  });
}

/** A package operand that is not a package name: a file, URL, expansion, group, or option value. */
export function isLocalOrDynamic(w: Word): boolean {
  if (w.value === null) return true;
  const v = w.value;
  return v === '' || v.startsWith('@') || v.includes('/') || /\.rpm$/i.test(v) || v.includes('$');
}

/** The script's offset of the call's program word, for reports. */
export function callRange(script: RunScript, call: RpmCall, to?: Word): { start: number; end: number } {
  const end = to ?? call.sub2 ?? call.sub;
  return { start: script.toDoc(call.inv.programStart), end: script.toDoc(end ? end.end : call.inv.programEnd, true) };
}
