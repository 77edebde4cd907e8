/**
 * File-system facts for the build-context rules, cached so a keystroke never waits on the
 * disk: each answer is kept for a few seconds (and dropped at once when the server hears that
 * an ignore file changed: `clearContextCache`). Synchronous `stat`/`readFile` of a handful of
 * small files: microseconds once the OS has them cached.
 *
 * The files are read through the platform host (host/host.ts): where there is no file system
 * (the browser) nothing exists, no ignore file is read and the rules report nothing.
 */
import { hostFs } from '../../host/host';
import { parseIgnore, type IgnoreMatcher } from './_ignore';

const TTL_MS = 3000;
const MAX_ENTRIES = 5000;

interface Entry<T> {
  at: number;
  value: T;
}

const exists = new Map<string, Entry<boolean>>();
const ignores = new Map<string, Entry<IgnoreMatcher | null>>();

function fresh<T>(map: Map<string, Entry<T>>, key: string, load: () => T): T {
  const now = Date.now();
  const e = map.get(key);
  if (e && now - e.at < TTL_MS) return e.value;
  if (map.size > MAX_ENTRIES) map.clear();
  const value = load();
  map.set(key, { at: now, value });
  return value;
}

/** Whether a file or folder exists (cached). */
export function pathExists(p: string): boolean {
  const fs = hostFs();
  if (!fs) return false;
  return fresh(exists, p, () => fs.stat(p) !== undefined);
}

function readIgnore(file: string): IgnoreMatcher | null {
  const fs = hostFs();
  if (!fs) return null;
  return fresh(ignores, file, () => {
    try {
      return parseIgnore(fs.readFile(file), fs.path.basename(file));
    } catch {
      return null;
    }
  });
}

/**
 * The ignore file BuildKit uses for a Dockerfile: `<Dockerfile name>.dockerignore` beside the
 * Dockerfile when there is one, else `.dockerignore` at the root of the build context.
 */
export function ignoreFor(dockerfile: string, context: string): IgnoreMatcher | null {
  const fs = hostFs();
  if (!fs) return null;
  const own = readIgnore(`${dockerfile}.dockerignore`);
  if (own) return own;
  return readIgnore(fs.path.join(context, '.dockerignore'));
}

/** Forgets every cached answer (an ignore file or the tree changed). */
export function clearContextCache(): void {
  exists.clear();
  ignores.clear();
}

/**
 * The lint context of a Dockerfile on disk: its build context is `setting` (absolute, relative
 * to the workspace folder, `${workspaceFolder}` expanded) or else its own folder. With
 * `workspaceRoots` given, a file outside all of them gets no context (undefined). Without a
 * file system (the browser) there is no context either.
 */
export function resolveContext(dockerfile: string, setting: string | undefined, workspaceRoots?: readonly string[]): { dockerfile: string; buildContext: string; buildContextSet: boolean; workspaceRoot?: string } | undefined {
  const path = hostFs()?.path;
  if (!path) return undefined;
  const file = path.resolve(dockerfile);
  let root: string | undefined;
  for (const r of workspaceRoots ?? []) {
    const abs = path.resolve(r);
    const rel = path.relative(abs, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel) && (!root || abs.length > root.length)) root = abs;
  }
  if (workspaceRoots && workspaceRoots.length > 0 && !root) return undefined;
  const dir = path.dirname(file);
  if (setting && setting.trim() !== '') {
    const expanded = setting.trim().replace(/\$\{workspaceFolder\}/g, root ?? dir);
    return { dockerfile: file, buildContext: path.resolve(root ?? dir, expanded), buildContextSet: true, workspaceRoot: root };
  }
  return { dockerfile: file, buildContext: dir, buildContextSet: false, workspaceRoot: root };
}
