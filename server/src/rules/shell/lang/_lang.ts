/**
 * Reading language package managers from the shared invocations: pip (`pip`, `pip3.12`,
 * `python3 -m pip`), npm, gem, go, yarn, pecl. Each reader gives the subcommand word, the options
 * and the operands the way that tool reads its command line.
 */
import { parseArgs, type Invocation, type ParsedArgs } from '../../../shell/facts';
import type { Word } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import type { RuleContext } from '../../types';

export interface ToolCall {
  inv: Invocation;
  script: RunScript;
  /** The word that names the tool (`pip3`, or `python3` of `python3 -m pip`), in script offsets. */
  start: number;
  /** The subcommand word (`install` …), or null. */
  sub: Word | null;
  args: ParsedArgs;
  /** Positional words after the subcommand. */
  operands: Word[];
  /** Every argument word after the tool (options included). */
  words: Word[];
}

/** pip options (global and `install`) that take the next word as their value. */
export const PIP_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '-i', '--index-url',
  '--extra-index-url', '-f', '--find-links', '--prefix', '--root', '--src', '--platform', '--python-version',
  '--implementation', '--abi', '--progress-bar', '--trusted-host', '--upgrade-strategy', '--no-binary',
  '--only-binary', '-C', '--config-settings', '--global-option', '--build-option', '--install-option',
  '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert',
  '--report', '--python', '--root-user-action', '--use-feature', '--use-deprecated', '--keyring-provider',
  '-b', '--build', '--group',
]);

const PIP = /^pip(?:[0-9]+(?:\.[0-9]+)*)?$/;
const PYTHON = /^python(?:[0-9]+(?:\.[0-9]+)*)?$/;

/** `pip …`, `pip3.12 …`, `python3 -m pip …` (`python -I -m pip`), with the pip arguments. */
export function pipCalls(ctx: RuleContext, script: RunScript): ToolCall[] {
  const out: ToolCall[] = [];
  for (const inv of ctx.invocations(script)) {
    let words: Word[] | null = null;
    if (inv.program && PIP.test(inv.program)) words = inv.args;
    else if (inv.program && PYTHON.test(inv.program)) {
      for (let i = 0; i < inv.args.length; i++) {
        const v = inv.args[i].value;
        if (v === null) break;
        if ((v === '-m' && PIP.test(inv.args[i + 1]?.value ?? '')) || /^-mpip/.test(v)) {
          words = inv.args.slice(v === '-m' ? i + 2 : i + 1);
          break;
        }
        if (!v.startsWith('-') || v === '-c') break;
      }
    }
    if (!words) continue;
    out.push(toolCall(inv, script, words, PIP_VALUE_OPTIONS));
  }
  return out;
}

function toolCall(inv: Invocation, script: RunScript, words: Word[], valueOptions: ReadonlySet<string>): ToolCall {
  const args = parseArgs(words, valueOptions);
  const first = args.positionals[0];
  const sub = first && first.value !== null ? first : null;
  return { inv, script, start: inv.programStart, sub, args, operands: args.positionals.slice(1), words };
}

/** npm options that take the next word as their value. */
const NPM_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--prefix', '--registry', '--tag', '-w', '--workspace', '--cache', '--userconfig', '--globalconfig', '--omit',
  '--include', '--install-strategy', '--loglevel', '--save-prefix', '--location', '--os', '--cpu', '--libc',
  '--before', '--otp', '--script-shell', '-C', '--dir',
]);

/** The spellings npm accepts for `install`. */
export const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

export function npmCalls(ctx: RuleContext, script: RunScript): ToolCall[] {
  return ctx.invocations(script).filter((inv) => inv.program === 'npm').map((inv) => toolCall(inv, script, inv.args, NPM_VALUE_OPTIONS));
}

/** gem options that take the next word as their value. */
const GEM_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-p', '--http-proxy',
  '--build-root', '-P', '--trust-policy', '--target-rbconfig', '--config-file', '-g', '--file', '-B', '--bulk-threshold',
  '--without',
]);

/** `gem …`; the words after `--` are build options for the gems' extensions (`-- --use-system-libraries`), not gems. */
export function gemCalls(ctx: RuleContext, script: RunScript): ToolCall[] {
  return ctx.invocations(script).filter((inv) => inv.program === 'gem').map((inv) => {
    const dashes = inv.args.findIndex((w) => w.value === '--');
    return toolCall(inv, script, dashes < 0 ? inv.args : inv.args.slice(0, dashes), GEM_VALUE_OPTIONS);
  });
}

/** yarn options that take the next word as their value. */
const YARN_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--cache-folder', '--modules-folder', '--network-timeout', '--registry', '--global-folder', '--mutex', '--cwd', '--link-folder', '--network-concurrency',
]);

export function yarnCalls(ctx: RuleContext, script: RunScript): ToolCall[] {
  return ctx.invocations(script).filter((inv) => inv.program === 'yarn').map((inv) => toolCall(inv, script, inv.args, YARN_VALUE_OPTIONS));
}

/**
 * pecl options that take the next word as their value: the global ones before the command
 * (`-c`/`-C` config file, `-d`/`-D` `name=value`, `-u name`) and those of `install`
 * (`-R`/`--installroot`, `-P`/`--packagingroot`, `-F`/`--remoteconfig`, `-D`/`--configureoptions`).
 * The sets do not clash: `-D` takes a value in both places.
 */
const PECL_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-c', '-C', '-d', '-D', '-u', '-R', '--installroot', '-P', '--packagingroot', '-F', '--remoteconfig', '--configureoptions',
]);

/** `pecl`, and the versioned names some distributions install (`pecl8.3`, `pecl83`). */
const PECL = /^pecl(?:[0-9]+(?:\.[0-9]+)?)?$/;

/** `pecl [global options] <command> [options] operands…` */
export function peclCalls(ctx: RuleContext, script: RunScript): ToolCall[] {
  return ctx.invocations(script).filter((inv) => inv.program !== null && PECL.test(inv.program)).map((inv) => toolCall(inv, script, inv.args, PECL_VALUE_OPTIONS));
}

/** go flags that take the next word as their value (Go flags are single-dash long names). */
const GO_VALUE_FLAGS = new Set([
  'o', 'p', 'tags', 'ldflags', 'gcflags', 'asmflags', 'gccgoflags', 'mod', 'modfile', 'overlay', 'pkgdir', 'toolexec',
  'exec', 'C', 'buildmode', 'compiler', 'installsuffix', 'pgo', 'coverpkg', 'covermode', 'buildvcs', 'json',
]);

export interface GoCall {
  inv: Invocation;
  script: RunScript;
  sub: Word;
  /** The words that are not flags or flag values, after the subcommand. */
  operands: Word[];
}

/** `go install|get|run …`, flags read the way Go's flag package reads them (`-tags x`, `-ldflags=-s`). */
export function goCalls(ctx: RuleContext, script: RunScript): GoCall[] {
  const out: GoCall[] = [];
  for (const inv of ctx.invocations(script)) {
    if (inv.program !== 'go') continue;
    const sub = inv.args[0];
    if (!sub || sub.value === null) continue;
    const operands: Word[] = [];
    for (let i = 1; i < inv.args.length; i++) {
      const w = inv.args[i];
      const v = w.value;
      if (v !== null && v.startsWith('-') && operands.length === 0) {
        if (v === '--') continue;
        const name = v.replace(/^--?/, '');
        if (!name.includes('=') && GO_VALUE_FLAGS.has(name)) i++;
        continue;
      }
      operands.push(w);
    }
    out.push({ inv, script, sub, operands });
  }
  return out;
}
