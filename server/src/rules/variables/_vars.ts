/**
 * Variables as BuildKit's shell-word expander (frontend/dockerfile/shell/lex.go) reads them:
 * `$name`, `${name}`, `${name:-word}` (and `-`, `+`, `:+`, `?`, `:?`, `#`, `##`, `%`, `%%`,
 * `/pat/rep`), single quotes literal, the escape character escaping the next character.
 * Written from the behaviour, not the code: one linear pass, no regular expressions on user text.
 */
import type { DockerfileModel, InstructionInfo } from '../../model';

export interface VarRef {
  name: string;
  /** Offsets of the whole reference (`$x` or `${x…}`) in the scanned text's coordinates. */
  start: number;
  end: number;
}

export interface Expansion {
  value: string;
  refs: VarRef[];
  /** A syntax error BuildKit would stop on (`${`, unterminated quote …). */
  error: boolean;
}

const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || (c > '\u007f' && /\p{L}|\p{N}/u.test(c));
}

/**
 * Expands `text` (offsets reported from `base`), looking variables up with `lookup`
 * (undefined: not set). `rawQuotes`: quotes are ordinary characters (heredoc bodies).
 */
export function expandWord(text: string, escape: string, lookup: (name: string) => string | undefined = () => undefined, base = 0, rawQuotes = false): Expansion {
  const refs: VarRef[] = [];
  let error = false;
  let i = 0;
  const n = text.length;

  const get = (name: string, start: number, end: number): string | undefined => {
    refs.push({ name, start: base + start, end: base + end });
    return lookup(name);
  };

  // Reads a name at i (digits-only names and special parameters as BuildKit does).
  const readName = (): string => {
    const s = i;
    if (i < n && text[i] >= '0' && text[i] <= '9') {
      while (i < n && text[i] >= '0' && text[i] <= '9') i++;
      return text.slice(s, i);
    }
    if (i < n && SPECIAL.has(text[i])) return text[i++];
    while (i < n && isNameChar(text[i])) i++;
    return text.slice(s, i);
  };

  // Processes until `stop` (consumed) or the end; returns the text made.
  const until = (stop: string | null, depth: number): string => {
    let out = '';
    while (i < n) {
      const c = text[i];
      if (stop !== null && c === stop) {
        i++;
        return out;
      }
      if (c === '$') {
        out += dollar(depth);
      } else if (!rawQuotes && c === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) {
          error = true;
          out += text.slice(i + 1);
          i = n;
        } else {
          out += text.slice(i + 1, close);
          i = close + 1;
        }
      } else if (!rawQuotes && c === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const d = text[i];
          if (d === '"') {
            i++;
            closed = true;
            break;
          }
          if (d === '$') {
            out += dollar(depth);
            continue;
          }
          if (d === escape && i + 1 < n && (text[i + 1] === '"' || text[i + 1] === '$' || text[i + 1] === escape)) {
            out += text[i + 1];
            i += 2;
            continue;
          }
          out += d;
          i++;
        }
        if (!closed) error = true;
      } else if (c === escape) {
        if (i + 1 < n) out += text[i + 1];
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
    if (stop !== null) error = true;
    return out;
  };

  const dollar = (depth: number): string => {
    const start = i;
    i++; // $
    if (text[i] !== '{') {
      const name = readName();
      if (name === '') return '$';
      return get(name, start, i) ?? '';
    }
    i++; // {
    if (i >= n || text[i] === '{' || text[i] === '}' || text[i] === ':') {
      error = true;
      // Skip to a closing brace so the rest still scans.
      const close = text.indexOf('}', i);
      i = close < 0 ? n : close + 1;
      return '';
    }
    const name = readName();
    const op = text[i];
    if (op === '}') {
      i++;
      return get(name, start, i) ?? '';
    }
    if (depth > 20) {
      error = true;
      i = n;
      return '';
    }
    let nullIsUnset = false;
    let mod = op;
    i++;
    if (op === ':') {
      nullIsUnset = true;
      mod = text[i];
      i++;
    }
    if (mod === '-' || mod === '+' || mod === '?' || mod === '#' || mod === '%') {
      const word = until('}', depth + 1);
      const value = get(name, start, i);
      const set = value !== undefined;
      const empty = !set || (nullIsUnset && value === '');
      if (mod === '-') return empty ? word : value!;
      if (mod === '+') return empty ? '' : word;
      if (mod === '?') {
        if (empty) error = true;
        return value ?? '';
      }
      // `#` / `%`: trimming a pattern; for our purposes the value (untrimmed) is enough.
      return value ?? '';
    }
    if (op === '/') {
      if (text[i] === '/') i++;
      until('/', depth + 1);
      until('}', depth + 1);
      return get(name, start, i) ?? '';
    }
    error = true;
    const close = text.indexOf('}', i);
    i = close < 0 ? n : close + 1;
    return '';
  };

  const value = until(null, 0);
  return { value, refs, error };
}

/** The variable references in a text (nothing looked up). */
export function varRefs(text: string, escape: string, base = 0, rawQuotes = false): VarRef[] {
  if (text.indexOf('$') < 0) return [];
  return expandWord(text, escape, undefined, base, rawQuotes).refs;
}

export interface KeyValue {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Offsets of the value as written (quotes included), or null when there is none. */
  valueStart: number | null;
  valueEnd: number | null;
  /** `=` between name and value (false: the legacy `ENV key value` form, or no value). */
  equals: boolean;
}

interface AstProperty {
  getName(): string;
  getNameRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
  getValueRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null;
  getAssignmentOperator(): string | null;
}

const kvCache = new WeakMap<InstructionInfo, KeyValue[]>();

/** The key/value pairs of an ENV, ARG or LABEL instruction, with offsets (read once per instruction). */
export function keyValues(model: DockerfileModel, ins: InstructionInfo): KeyValue[] {
  let kv = kvCache.get(ins);
  if (!kv) {
    kv = readKeyValues(model, ins);
    kvCache.set(ins, kv);
  }
  return kv;
}

function readKeyValues(model: DockerfileModel, ins: InstructionInfo): KeyValue[] {
  const node = ins.node as unknown as { getProperties?: () => AstProperty[] };
  if (typeof node.getProperties !== 'function') return [];
  let props: AstProperty[];
  try {
    props = node.getProperties();
  } catch {
    return [];
  }
  const out: KeyValue[] = [];
  for (const p of props) {
    try {
      const nr = p.getNameRange();
      const vr = p.getValueRange();
      out.push({
        name: p.getName(),
        nameStart: model.offset(nr.start),
        nameEnd: model.offset(nr.end),
        valueStart: vr ? model.offset(vr.start) : null,
        valueEnd: vr ? model.offset(vr.end) : null,
        equals: p.getAssignmentOperator() === '=',
      });
    } catch {
      // A half-typed property: skipped.
    }
  }
  return out;
}

/** The keyword and flags of an instruction end here: the text after it is the body. */
export function bodyRange(ins: InstructionInfo): { start: number; end: number } | null {
  if (ins.bodyStart === null) return null;
  return { start: ins.bodyStart, end: ins.end };
}

/**
 * Build arguments BuildKit defines in the global scope (usable in FROM without an ARG;
 * inside a stage they need `ARG <name>` like any global ARG).
 */
export const PLATFORM_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETOSVERSION', 'TARGETSTAGE',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'BUILDOSVERSION',
]);

/** Example values for the platform arguments (for checking what a FROM expands to). */
export const PLATFORM_VALUES: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '', TARGETOSVERSION: '', TARGETSTAGE: '',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '', BUILDOSVERSION: '',
};

/** The proxy build arguments Docker predefines (passed to RUN without an ARG). */
export const PROXY_ARGS = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

/** Names that are never reported as undefined: proxy arguments and BuildKit's own `BUILDKIT_*`. */
export function isPredefinedAnywhere(name: string): boolean {
  return PROXY_ARGS.has(name) || name.startsWith('BUILDKIT_');
}

/** Levenshtein distance, capped: returns `cap` when it is at least `cap`. */
export function distance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin >= cap) return cap;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length], cap);
}

/** BuildKit's "did you mean": the first option at the smallest distance below 3, or undefined. */
export function suggest(name: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let min = 3;
  for (const opt of options) {
    if (opt === name) return undefined;
    const d = distance(name, opt, min);
    if (d < min) {
      min = d;
      best = opt;
    }
  }
  return best;
}
