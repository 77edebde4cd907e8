/**
 * Command facts shared by every shell rule: extracted once per parsed script (cached with it)
 * so that no rule walks the tree again.
 *
 * - `invocations(analysis)`: each command with the wrappers that run another command seen
 *   through (`sudo -u x env A=1 apt-get install …` → program `apt-get`, wrappers sudo, env);
 * - `parseArgs(words, valueOptions)`: options and positional words of a command line the way
 *   getopt-style tools read them (`-qy` is `-q -y`, `--opt=value`, `--` ends options).
 */
import type { Command, ScriptAnalysis, Word } from './parser';

export interface Invocation {
  command: Command;
  /** The program's base name (`apt-get` for `/usr/bin/apt-get`), or null when it is an expansion. */
  program: string | null;
  /** Offsets (in the script) of the word naming the program. */
  programStart: number;
  programEnd: number;
  /** The program's arguments (after wrappers and their options). */
  args: Word[];
  /** The wrappers seen through, outermost first (`sudo`, `env` …). */
  wrappers: string[];
  /** Variables set for this command: `A=1 cmd` and `env A=1 cmd`. */
  env: ReadonlyMap<string, string | null>;
}

/** Commands that run the command given in their arguments, and their options that take a value. */
export const WRAPPERS: Readonly<Record<string, ReadonlySet<string>>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group', '--chdir', '--close-from', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']),
  command: new Set(),
  exec: new Set(['-a']),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  time: new Set(['-f', '-o', '--format', '--output']),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  xargs: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--max-lines', '--max-chars', '--eof', '--replace']),
  chroot: new Set(['--userspec', '--groups']),
  gosu: new Set(),
  'su-exec': new Set(),
  tini: new Set(['-s', '-e', '-p']),
  unbuffer: new Set(),
  retry: new Set(['-t', '-d', '--tries', '--delay']),
};

function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash < 0 ? word : word.slice(slash + 1);
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Sees through wrappers; the program and its arguments. */
export function invocationOf(cmd: Command): Invocation {
  const env = new Map<string, string | null>(cmd.env.map((a) => [a.name, a.value]));
  const wrappers: string[] = [];
  if (cmd.name === null) {
    return { command: cmd, program: null, programStart: cmd.start, programEnd: cmd.start, args: cmd.args, wrappers, env };
  }
  let program = baseName(cmd.name);
  let programStart = cmd.nameStart;
  let programEnd = cmd.nameEnd;
  let i = 0;
  // `sudo env X=1 timeout 60 apk add`: wrappers may nest; bounded.
  for (let guard = 0; guard < 6; guard++) {
    const valueOptions = WRAPPERS[program];
    if (!valueOptions) break;
    // `chroot /newroot cmd`, `gosu user cmd`, `su-exec user cmd`, `timeout 60 cmd`: one positional first.
    let positionalPending = program === 'timeout' || program === 'chroot' || program === 'gosu' || program === 'su-exec' ? 1 : 0;
    let j = i;
    let dynamic = false;
    for (; j < cmd.args.length; j++) {
      const v = cmd.args[j].value;
      if (v === null) {
        dynamic = true;
        break;
      }
      if (v === '--' && program !== 'xargs') {
        j++;
        break;
      }
      if (v.startsWith('-') && v.length > 1) {
        if (valueOptions.has(v)) j++;
        continue;
      }
      if (program === 'env' || program === 'sudo') {
        const m = ASSIGNMENT.exec(v);
        if (m) {
          env.set(m[1], m[2]);
          continue;
        }
      }
      if (positionalPending > 0) {
        positionalPending--;
        continue;
      }
      break;
    }
    if (dynamic || j >= cmd.args.length) break;
    const next = cmd.args[j];
    wrappers.push(program);
    program = baseName(next.value!);
    programStart = next.start;
    programEnd = next.end;
    i = j + 1;
  }
  return { command: cmd, program, programStart, programEnd, args: wrappers.length === 0 ? cmd.args : cmd.args.slice(i), wrappers, env };
}

const cache = new WeakMap<ScriptAnalysis, Invocation[]>();

/** Every command of a script as an invocation, in source order; cached with the analysis. */
export function invocations(analysis: ScriptAnalysis): Invocation[] {
  let hit = cache.get(analysis);
  if (!hit) {
    hit = analysis.commands.map(invocationOf);
    cache.set(analysis, hit);
  }
  return hit;
}

export interface ParsedOption {
  /** `-y`, `--yes`; a cluster `-qy` gives `-q` and `-y`. */
  name: string;
  /** `--opt=value`, `-o value`, `-ovalue` for options that take one; else null. */
  value: string | null;
  word: Word;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Words that are not options (and not option values), in order; `value` null for expansions. */
  positionals: Word[];
  /** Words with expansions in option position (`$FLAGS`): they may hide options. */
  dynamic: Word[];
  has(...names: string[]): boolean;
  /** The value of the last occurrence of one of the options. */
  valueOf(...names: string[]): string | null | undefined;
}

/**
 * Reads a getopt-style command line. `valueOptions` lists the options that take the next word
 * as their value (`-t`, `--target-release`); everything after `--` is positional.
 */
export function parseArgs(words: readonly Word[], valueOptions: ReadonlySet<string> = new Set()): ParsedArgs {
  const options: ParsedOption[] = [];
  const positionals: Word[] = [];
  const dynamic: Word[] = [];
  let onlyPositional = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (v === null) {
      if (!onlyPositional && /^["']?\$/.test(w.raw) && !positionals.length) dynamic.push(w);
      positionals.push(w);
      continue;
    }
    if (onlyPositional || !v.startsWith('-') || v === '-') {
      positionals.push(w);
      continue;
    }
    if (v === '--') {
      onlyPositional = true;
      continue;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq > 0) options.push({ name: v.slice(0, eq), value: v.slice(eq + 1), word: w });
      else if (valueOptions.has(v) && i + 1 < words.length) options.push({ name: v, value: words[++i].value, word: w });
      else options.push({ name: v, value: null, word: w });
      continue;
    }
    // A short option or a cluster of them.
    if (valueOptions.has(v) && i + 1 < words.length) {
      options.push({ name: v, value: words[++i].value, word: w });
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const name = `-${v[k]}`;
      if (valueOptions.has(name)) {
        const rest = v.slice(k + 1);
        if (rest !== '') options.push({ name, value: rest, word: w });
        else if (i + 1 < words.length) options.push({ name, value: words[++i].value, word: w });
        else options.push({ name, value: null, word: w });
        break;
      }
      options.push({ name, value: null, word: w });
    }
  }
  return {
    options,
    positionals,
    dynamic,
    has: (...names) => options.some((o) => names.includes(o.name)),
    valueOf: (...names) => {
      for (let k = options.length - 1; k >= 0; k--) if (names.includes(options[k].name)) return options[k].value;
      return undefined;
    },
  };
}

/**
 * A glob (`*`, `?`, `[`), a brace or a leading tilde outside quotes, in a word as written: the
 * shell may turn it into other or several words.
 */
export function patternWord(raw: string): boolean {
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{' || c === '}' || (c === '~' && i === 0)) return true;
  }
  return false;
}
