/**
 * Reading `apk` command lines (Alpine's package manager) from the shell parse.
 */
import type { Command, Word } from './parser';

/** apk global options that take a value as the next word. */
const VALUE_OPTIONS = new Set([
  '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir',
  '--timeout', '--cache-max-age', '--progress-fd', '-t', '--virtual', '--wait', '--from',
]);

export interface ApkCall {
  command: Command;
  /** The `apk` word itself (the command name, or after `sudo`/`env`/… ). */
  apkStart: number;
  /** The subcommand word (`add`, `update` …), null when missing. */
  subcommand: Word | null;
  /** Every option word, before and after the subcommand. */
  options: string[];
  /** Arguments that are expansions and could hide options (`$APK_FLAGS`): their raw text. */
  dynamicArgs: string[];
}

const APK_NAMES = new Set(['apk', '/sbin/apk', '/usr/sbin/apk', '/bin/apk', '/usr/bin/apk']);

/** Commands that run the command given in their arguments, and their options taking a value. */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
  command: new Set(),
  exec: new Set(['-a']),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  time: new Set(['-f', '-o', '--format', '--output']),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  xargs: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs']),
};

/** Where `apk` starts among the command's words: 0 for the name, i+1 for `args[i]`, -1 if none. */
function apkIndex(cmd: Command): number {
  if (cmd.name !== null && APK_NAMES.has(cmd.name)) return 0;
  let wrapper = cmd.name;
  let i = 0;
  // `sudo env X=1 apk add`: wrappers may nest.
  for (let guard = 0; wrapper !== null && guard < 4; guard++) {
    const base = wrapper.split('/').pop()!;
    const valueOptions = WRAPPERS[base];
    if (!valueOptions) return -1;
    let durationPending = base === 'timeout';
    for (; i < cmd.args.length; i++) {
      const v = cmd.args[i].value;
      if (v === null) return -1;
      if (v.startsWith('-')) {
        if (valueOptions.has(v)) i++;
        continue;
      }
      if ((base === 'env' || base === 'sudo') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) continue;
      if (durationPending) {
        durationPending = false;
        continue;
      }
      break;
    }
    if (i >= cmd.args.length) return -1;
    const next = cmd.args[i].value!;
    if (APK_NAMES.has(next)) return i + 1;
    wrapper = next;
    i++;
  }
  return -1;
}

export function isApk(cmd: Command): boolean {
  return apkIndex(cmd) >= 0;
}

export function readApk(cmd: Command): ApkCall | null {
  const at = apkIndex(cmd);
  if (at < 0) return null;
  let subcommand: Word | null = null;
  const options: string[] = [];
  const dynamicArgs: string[] = [];
  for (let i = at; i < cmd.args.length; i++) {
    const w = cmd.args[i];
    if (w.value === null) {
      dynamicArgs.push(w.raw);
      continue;
    }
    if (w.value.startsWith('-')) {
      const name = w.value.split('=')[0];
      options.push(name);
      if (VALUE_OPTIONS.has(name) && !w.value.includes('=')) i++;
      continue;
    }
    if (!subcommand) subcommand = w;
  }
  return { command: cmd, apkStart: at === 0 ? cmd.start : cmd.args[at - 1].start, subcommand, options, dynamicArgs };
}

/** `--no-cache`, or `--no-network` (nothing is fetched, so no index lands in the cache). */
export function hasNoCache(call: ApkCall): boolean {
  return call.options.includes('--no-cache') || call.options.includes('--no-network');
}

/**
 * Whether an expansion among the arguments may bring `--no-cache` (`apk add $APK_ARGS curl`
 * with `ARG APK_ARGS="--no-cache"` or `APK_ARGS=--no-cache; …`): some definition of one of its
 * variables in the Dockerfile mentions `no-cache`. Linear in the text.
 */
export function mayBringNoCache(call: ApkCall, docText: string): boolean {
  for (const raw of call.dynamicArgs) {
    for (const m of raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (definesNoCache(m[1], docText)) return true;
    }
  }
  return false;
}

// One text at a time (a chunk being checked): each variable is looked up once.
let definedIn = '';
const definitions = new Map<string, boolean>();

function definesNoCache(name: string, docText: string): boolean {
  if (definedIn !== docText) {
    definedIn = docText;
    definitions.clear();
  }
  let known = definitions.get(name);
  if (known === undefined) {
    known = scanDefinitions(name, docText);
    definitions.set(name, known);
  }
  return known;
}

function scanDefinitions(name: string, docText: string): boolean {
  for (let at = docText.indexOf(name); at !== -1; at = docText.indexOf(name, at + name.length)) {
    const after = docText[at + name.length];
    if (after !== '=' && after !== ' ' && after !== '\t') continue;
    let eol = docText.indexOf('\n', at);
    if (eol === -1) eol = docText.length;
    if (docText.slice(at + name.length, Math.min(eol, at + name.length + 300)).includes('no-cache')) return true;
  }
  return false;
}

/** `rm` of apk's cache: `rm -rf /var/cache/apk/*` and friends. */
export function cacheCleanupTargets(cmd: Command): Word[] {
  if (cmd.name !== 'rm' && cmd.name !== '/bin/rm') return [];
  return cmd.args.filter((w) => {
    const v = w.value ?? w.raw;
    return /^\/var\/cache\/apk(?:\/\*?)?$/.test(v) || /^\/etc\/apk\/cache(?:\/\*?)?$/.test(v);
  });
}
