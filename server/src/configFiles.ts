/**
 * Where a Dockerfile's `.hadolint.yaml` is, and reading it (cached by path and mtime).
 *
 * Lookup, the same in the editor and the CLI so both give the same findings: the Dockerfile's
 * folder, then each parent up to a stop folder (the editor: the workspace folder; the CLI: the
 * repository root, the first folder with `.git`, or the file system root), then the current
 * folder (hadolint's only place; the CLI only), then hadolint's user-level files.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { t } from './l10n';
import { parseProjectConfig, type ConfigProblem, type ProjectConfig } from './projectConfig';

export const CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export interface LookupOptions {
  /** Do not go above this folder (inclusive); without it, stop at a repository root or `/`. */
  stopAt?: string;
  /** Looked at after the walk up (the CLI passes process.cwd()). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function inFolder(dir: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const p = path.join(dir, name);
    if (isFile(p)) return p;
  }
  return undefined;
}

/** hadolint's user-level configuration files, in its order. */
export function userConfigCandidates(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string[] {
  const out: string[] = [];
  if (env.XDG_CONFIG_HOME) out.push(path.join(env.XDG_CONFIG_HOME, 'hadolint.yaml'));
  if (home) out.push(path.join(home, '.config', 'hadolint.yaml'), path.join(home, '.hadolint.yaml'));
  return out;
}

/** The configuration file that applies to a Dockerfile in `dir`, or undefined. */
export function findConfigFile(dir: string, opts: LookupOptions = {}): string | undefined {
  let d = path.resolve(dir);
  const stop = opts.stopAt ? path.resolve(opts.stopAt) : undefined;
  // A stop folder that does not contain the file is no stop: fall back to the CLI's rule.
  const bounded = stop !== undefined && (d === stop || d.startsWith(stop.endsWith(path.sep) ? stop : stop + path.sep));
  for (;;) {
    const found = inFolder(d);
    if (found) return found;
    if (bounded ? d === stop : fs.existsSync(path.join(d, '.git'))) break;
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  if (opts.cwd) {
    const found = inFolder(opts.cwd);
    if (found) return found;
  }
  return userConfigCandidates(opts.env, opts.home).find(isFile);
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
  let stamp = '';
  try {
    const st = fs.statSync(file);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    // Reported below by the read.
  }
  const hit = cache.get(file);
  if (hit && stamp && hit.stamp === stamp) return hit.loaded;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
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
