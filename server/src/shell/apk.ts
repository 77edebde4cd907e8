/**
 * Reading `apk` command lines (Alpine's package manager) from the shared invocations
 * (`shell/facts.ts`: wrappers seen through, getopt-style options).
 */
import { parseArgs, type Invocation, type ParsedArgs } from './facts';
import type { Command, Word } from './parser';

/** apk global options that take a value as the next word. */
const VALUE_OPTIONS = new Set([
  '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir',
  '--timeout', '--cache-max-age', '--progress-fd', '-t', '--virtual', '--wait', '--from',
]);

export interface ApkCall {
  inv: Invocation;
  command: Command;
  /** The `apk` word itself (the command name, or after `sudo`/`env`/… ), in script offsets. */
  apkStart: number;
  /** The subcommand word (`add`, `update` …), null when missing. */
  subcommand: Word | null;
  /** Every option word, before and after the subcommand (names, without `=value`). */
  options: string[];
  /** Arguments that are expansions and could hide options (`$APK_FLAGS`): their raw text. */
  dynamicArgs: string[];
  args: ParsedArgs;
  /** The words after the subcommand that are not options or option values (packages for `add`/`del`). */
  operands: Word[];
}

/** Reads an `apk` invocation (wrappers such as `sudo`, `env X=1`, `xargs` already seen through). */
export function readApk(inv: Invocation): ApkCall | null {
  if (inv.program !== 'apk') return null;
  const args = parseArgs(inv.args, VALUE_OPTIONS);
  const first = args.positionals.findIndex((w) => w.value !== null);
  const subcommand = first >= 0 ? args.positionals[first] : null;
  return {
    inv,
    command: inv.command,
    apkStart: inv.programStart,
    subcommand,
    options: args.options.map((o) => o.name),
    dynamicArgs: inv.args.filter((w) => w.value === null).map((w) => w.raw),
    args,
    operands: first >= 0 ? args.positionals.slice(first + 1) : [],
  };
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
export function cacheCleanupTargets(inv: Invocation): Word[] {
  if (inv.program !== 'rm') return [];
  return inv.args.filter((w) => {
    const v = w.value ?? w.raw;
    return /^\/var\/cache\/apk(?:\/\*?)?$/.test(v) || /^\/etc\/apk\/cache(?:\/\*?)?$/.test(v);
  });
}
