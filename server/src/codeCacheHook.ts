/**
 * The link between bootstrap.ts (which loads the server bundle with a V8 code cache) and the
 * server (which says when the cache is worth saving: after its first lint, when the rules'
 * functions have been compiled). Absent when the server runs without a cache folder.
 */
export const CODE_CACHE_HOOK = Symbol.for('dockerfile-doctor.codeCache');

export interface CodeCacheHook {
  /** What happened at start: `none` (no cache yet), `used`, `rejected` (V8 refused it), `corrupt`. */
  readonly status: string;
  /** Writes the cache (once; not when the one used at start was accepted). Returns what it did, for the log. */
  save(): string | undefined;
}

export function codeCacheHook(): CodeCacheHook | undefined {
  return (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK] as CodeCacheHook | undefined;
}
