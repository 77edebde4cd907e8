/**
 * Where a Dockerfile's `.hadolint.yaml` is, and reading it (cached by path and mtime).
 *
 * Lookup, the same in the editor and the CLI so both give the same findings: the Dockerfile's
 * folder, then each parent up to a stop folder (the editor: the workspace folder; the CLI: the
 * repository root, the first folder with `.git`, or the file system root), then the current
 * folder (hadolint's only place; the CLI only), then hadolint's user-level files.
 *
 * Files are read through the platform host: without a file system (the browser) no file is
 * found and the defaults and editor settings apply.
 */
import { hostFs, type HostFs } from './host/host';
import { t } from './l10n';
import { parseProjectConfig, type ConfigProblem, type ProjectConfig } from './projectConfig';

export const CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export interface LookupOptions {
  /** Do not go above this folder (inclusive); without it, stop at a repository root or `/`. */
  stopAt?: string;
  /** Looked at after the walk up (the CLI passes process.cwd()). */
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  home?: string;
}

function isFile(fs: HostFs, p: string): boolean {
  return fs.stat(p)?.isFile === true;
}

function inFolder(fs: HostFs, dir: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const p = fs.path.join(dir, name);
    if (isFile(fs, p)) return p;
  }
  return undefined;
}

/** hadolint's user-level configuration files, in its order (none without a file system). */
export function userConfigCandidates(env?: Readonly<Record<string, string | undefined>>, home?: string): string[] {
  const fs = hostFs();
  if (!fs) return [];
  const path = fs.path;
  env ??= fs.env;
  home ??= fs.homedir();
  const out: string[] = [];
  if (env.XDG_CONFIG_HOME) out.push(path.join(env.XDG_CONFIG_HOME, 'hadolint.yaml'));
  if (home) out.push(path.join(home, '.config', 'hadolint.yaml'), path.join(home, '.hadolint.yaml'));
  return out;
}

/** The configuration file that applies to a Dockerfile in `dir`, or undefined. */
export function findConfigFile(dir: string, opts: LookupOptions = {}): string | undefined {
  const fs = hostFs();
  if (!fs) return undefined;
  const path = fs.path;
  let d = path.resolve(dir);
  const stop = opts.stopAt ? path.resolve(opts.stopAt) : undefined;
  // A stop folder that does not contain the file is no stop: fall back to the CLI's rule.
  const bounded = stop !== undefined && (d === stop || d.startsWith(stop.endsWith(path.sep) ? stop : stop + path.sep));
  for (;;) {
    const found = inFolder(fs, d);
    if (found) return found;
    if (bounded ? d === stop : fs.stat(path.join(d, '.git')) !== undefined) break;
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  if (opts.cwd) {
    const found = inFolder(fs, opts.cwd);
    if (found) return found;
  }
  return userConfigCandidates(opts.env, opts.home).find((p) => isFile(fs, p));
}

export interface LoadedConfig {
  file: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
  /** The problems as one line each: `file:line:col: message`. */
  messages: string[];
}

const cache = new Map<string, { stamp: string; loaded: LoadedConfig }>();

/** Reads and parses a configuration file; an unreadable file is one problem, never a throw. */
export function loadConfigFile(file: string): LoadedConfig {
  const fs = hostFs();
  const st = fs?.stat(file);
  // Else reported below by the read.
  const stamp = st ? `${st.mtimeMs}:${st.size}` : '';
  const hit = cache.get(file);
  if (hit && stamp && hit.stamp === stamp) return hit.loaded;
  let text: string;
  try {
    if (!fs) throw Object.assign(new Error('no file system'), { code: 'ENOSYS' });
    text = fs.readFile(file);
  } catch (e) {
    const message = t('Cannot read the file: {0}', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
    return { file, config: { settings: {} }, problems: [{ line: 0, character: 0, endLine: 0, endCharacter: 0, message }], messages: [`${file}: ${message}`] };
  }
  const { config, problems } = parseProjectConfig(text);
  const loaded = { file, config, problems, messages: problems.map((p) => `${file}:${p.line + 1}:${p.character + 1}: ${p.message}`) };
  if (stamp) cache.set(file, { stamp, loaded });
  return loaded;
}

/** Forgets cached files (the editor calls it when a watched configuration file changes). */
export function forgetConfigFiles(): void {
  cache.clear();
}
