/**
 * Global ARG defaults (the ARGs before the first FROM), recorded as facts by the FROM rules so
 * that `checkFile` can read `FROM ruby:${RUBY_VERSION}` as BuildKit does without build args.
 */
import type { RuleContext } from '../types';
import { unquoteSource } from './add-instead-of-copy';

export interface GlobalArg {
  kind: 'arg';
  name: string;
  /** The default, null when the ARG has none. */
  value: string | null;
}

/** Records the chunk's global ARGs (only the first chunk has any). */
export function recordGlobalArgs(ctx: RuleContext): void {
  for (const ins of ctx.model.instructions) {
    if (ins.keyword === 'FROM') break;
    if (ins.keyword !== 'ARG') continue;
    let prop: { getName(): string; getValue(): string | null } | null = null;
    try {
      prop = (ins.node as unknown as { getProperty(): typeof prop }).getProperty();
    } catch {
      prop = null;
    }
    if (!prop || !prop.getName()) continue;
    const v = prop.getValue();
    ctx.fact({ kind: 'arg', name: prop.getName(), value: v === null ? null : unquoteSource(v, ctx.model.escape).value } satisfies GlobalArg);
  }
}

/**
 * `text` with `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` replaced by the global
 * defaults; undefined when a variable has no known value (or another modifier is used).
 */
export function expandArgs(text: string, args: ReadonlyMap<string, string | null>): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    let name: string;
    let fallback: string | null = null;
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return undefined;
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?$/s.exec(inner);
      if (!m) return undefined;
      name = m[1];
      fallback = m[2] ?? null;
      i = close + 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1, i + 65));
      if (!m) return undefined;
      name = m[0];
      i += 1 + name.length;
    }
    const v = args.get(name);
    const value = v !== undefined && v !== null && v !== '' ? v : fallback;
    if (value === null || value.includes('$')) return undefined;
    out += value;
  }
  return out;
}

export function argMap(facts: readonly unknown[]): Map<string, string | null> {
  const m = new Map<string, string | null>();
  // In order: a default may use an earlier ARG (`ARG TAG=${VERSION}-slim`).
  for (const f of facts as GlobalArg[]) {
    if (f.kind !== 'arg') continue;
    const v = f.value !== null && f.value.includes('$') ? expandArgs(f.value, m) ?? f.value : f.value;
    m.set(f.name, v);
  }
  return m;
}
