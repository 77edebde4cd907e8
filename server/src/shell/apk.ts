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
  /** The subcommand word (`add`, `update` …), null when missing. */
  subcommand: Word | null;
  /** Every option word, before and after the subcommand. */
  options: string[];
  /** True when an argument is an expansion that could hide options (`$APK_FLAGS`). */
  hasDynamicArgs: boolean;
}

export function isApk(cmd: Command): boolean {
  return cmd.name === 'apk' || cmd.name === '/sbin/apk' || cmd.name === '/usr/sbin/apk';
}

export function readApk(cmd: Command): ApkCall | null {
  if (!isApk(cmd)) return null;
  let subcommand: Word | null = null;
  const options: string[] = [];
  let hasDynamicArgs = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const w = cmd.args[i];
    if (w.value === null) {
      hasDynamicArgs = true;
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
  return { command: cmd, subcommand, options, hasDynamicArgs };
}

export function hasNoCache(call: ApkCall): boolean {
  return call.options.includes('--no-cache');
}

/** `rm` of apk's cache: `rm -rf /var/cache/apk/*` and friends. */
export function cacheCleanupTargets(cmd: Command): Word[] {
  if (cmd.name !== 'rm' && cmd.name !== '/bin/rm') return [];
  return cmd.args.filter((w) => {
    const v = w.value ?? w.raw;
    return /^\/var\/cache\/apk(?:\/\*?)?$/.test(v) || /^\/etc\/apk\/cache(?:\/\*?)?$/.test(v);
  });
}
