/**
 * `RUN --mount=…` as the shell rules need it: is a directory covered by a cache or tmpfs mount
 * (so nothing the RUN writes there stays in the layer)?
 */
import type { InstructionInfo } from '../model';

export interface MountInfo {
  type: string;
  target: string;
  options: ReadonlyMap<string, string>;
}

/** The `--mount` flags of a RUN, read the way BuildKit reads them (`type` defaults to bind). */
export function mountsOf(ins: InstructionInfo): MountInfo[] {
  const out: MountInfo[] = [];
  for (const f of ins.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const options = new Map<string, string>();
    for (const kv of f.value.split(',')) {
      const eq = kv.indexOf('=');
      const k = (eq < 0 ? kv : kv.slice(0, eq)).trim().toLowerCase();
      options.set(k, eq < 0 ? '' : kv.slice(eq + 1).trim().replace(/^["']|["']$/g, ''));
    }
    const target = (options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '').replace(/\/+$/, '') || '/';
    out.push({ type: (options.get('type') ?? 'bind').toLowerCase(), target, options });
  }
  return out;
}

/**
 * Whether a cache or tmpfs mount covers `dir` (the mount's target is `dir` or a parent of it).
 * `dirs` may list several equivalent paths (`/var/cache/apk`, `/etc/apk/cache`).
 */
export function hasCacheOrTmpfsMount(ins: InstructionInfo, ...dirs: string[]): boolean {
  return mountsOf(ins).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && dirs.some((d) => mountCovers(m.target, d.replace(/\/+$/, ''))));
}

/** A mount on `target` (no trailing slash) covers `dir`: it is `dir` or a parent of it. */
export function mountCovers(target: string, dir: string): boolean {
  return target === '/' || target === dir || dir.startsWith(`${target}/`);
}
