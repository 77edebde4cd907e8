/**
 * Shared readings of instruction arguments for the instruction and stage rules: the sources and
 * destination of COPY/ADD (JSON form, heredocs), image references of FROM, absolute paths.
 */
import { joinLogical, mapLogical, type ArgInfo, type DockerfileModel, type InstructionInfo } from '../../model';
import { unquoteSource } from './add-instead-of-copy';

export interface Word {
  /** Quotes removed, escapes applied. */
  value: string;
  /** As written. */
  raw: string;
  start: number;
  end: number;
}

export function word(a: ArgInfo, escape: string): Word {
  return { value: unquoteSource(a.value, escape).value, raw: a.value, start: a.start, end: a.end };
}

export interface CopyParts {
  /** Source words (heredoc sources `<<EOF` included, as written). */
  sources: Word[];
  dest: Word | null;
  /** JSON form: the words' offsets are the whole argument list (no per-element positions). */
  json: boolean;
}

/**
 * The words of `text[from, to)` as BuildKit splits them: continuations joined (comment lines in
 * them dropped), blanks outside quotes separate, quotes group, the escape character escapes.
 * Offsets are mapped back to the file.
 */
export function splitWords(text: string, from: number, to: number, escape: string): Word[] {
  const l = joinLogical(text, from, to, escape);
  const s = l.text;
  const out: Word[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= s.length) break;
    const start = i;
    let quote: string | null = null;
    for (; i < s.length; i++) {
      const c = s[i];
      if (quote === null && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) break;
      if (c === escape && quote !== "'" && i + 1 < s.length) {
        i++;
      } else if (quote !== null && c === quote) {
        quote = null;
      } else if (quote === null && (c === '"' || c === "'")) {
        quote = c;
      }
    }
    const raw = s.slice(start, i);
    out.push({ value: unquoteSource(raw, escape).value, raw, start: mapLogical(l, start), end: mapLogical(l, i, true) });
  }
  return out;
}

/** The sources and destination of a COPY or ADD; null when unreadable (malformed JSON, no arguments). */
export function copyParts(ins: InstructionInfo, model: DockerfileModel): CopyParts | null {
  const escape = model.escape;
  if (ins.json === null) return null;
  if (Array.isArray(ins.json)) {
    if (ins.json.length < 2 || ins.bodyStart === null) return null;
    const at = (v: string): Word => ({ value: v, raw: v, start: ins.bodyStart!, end: ins.end });
    return { sources: ins.json.slice(0, -1).map(at), dest: at(ins.json[ins.json.length - 1]), json: true };
  }
  if (ins.bodyStart === null) return null;
  // The heredoc bodies (and their delimiter lines) come after the instruction's own line.
  let end = ins.end;
  for (const h of ins.heredocs) end = Math.min(end, h.contentStart);
  const words = splitWords(model.text, ins.bodyStart, end, escape);
  if (words.length < 2) return null;
  return { sources: words.slice(0, -1), dest: words[words.length - 1], json: false };
}

/** A heredoc source (`<<EOF`, `<<-EOF`). */
export function isHeredocSource(w: Word): boolean {
  return /^<<-?/.test(w.raw);
}

/** `/x`, `\x`, `C:\x`, `C:/x`. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

/** The value of a flag (`--from=x`), unquoted; undefined when absent. */
export function flagValue(ins: InstructionInfo, name: string): string | undefined {
  const f = ins.flags.find((x) => x.name === name);
  if (!f) return undefined;
  return f.value === null ? '' : unquoteSource(f.value, '\\').value;
}

export interface ImageRef {
  /** The repository part (`registry:5000/org/name`). */
  repo: string;
  tag: string | null;
  digest: string | null;
  /** Offsets of the tag (after `:`) inside the written word, when there is one. */
  tagStart: number;
  tagEnd: number;
}

/** Splits `registry:5000/name:tag@sha256:…` (the tag's `:` is the last one after the last `/`). */
export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    return { repo: rest.slice(0, colon), tag: rest.slice(colon + 1), digest, tagStart: colon + 1, tagEnd: rest.length };
  }
  return { repo: rest, tag: null, digest, tagStart: -1, tagEnd: -1 };
}

/**
 * A repository name Docker accepts (`[host[:port]/]path`, the path in lower case): anything else
 * is a malformed reference, the syntax rules' finding, so the tag rules leave it alone.
 */
export function isValidRepo(repo: string): boolean {
  const parts = repo.split('/');
  // The first part is a registry host when it has a `.` or `:` or is `localhost`.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) {
    if (!/^[A-Za-z0-9.-]+(?::[0-9]+)?$/.test(parts[0])) return false;
    parts.shift();
  }
  return parts.length > 0 && parts.every((p) => /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p));
}

/** A FROM instruction read: image word, `AS name` word, `--platform`. */
export interface FromParts {
  image: Word | null;
  name: Word | null;
}

export function fromParts(ins: InstructionInfo, escape: string): FromParts {
  const image = ins.args[0] ? word(ins.args[0], escape) : null;
  const name = ins.args.length >= 3 && ins.args[1].value.toLowerCase() === 'as' ? word(ins.args[2], escape) : null;
  return { image, name };
}

/** Each instruction of the chunk with the FROM of its stage (instructions before any FROM are left out). */
export function* byStage(instructions: readonly InstructionInfo[]): Generator<{ from: InstructionInfo; body: InstructionInfo[] }> {
  let cur: { from: InstructionInfo; body: InstructionInfo[] } | null = null;
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      if (cur) yield cur;
      cur = { from: ins, body: [] };
    } else if (cur) {
      cur.body.push(ins);
    }
  }
  if (cur) yield cur;
}
