/**
 * Shared readers for the syntax rules: the arguments of an instruction without its heredoc
 * bodies, image references as distribution/reference parses them, and the words of
 * ENV/LABEL/ARG as BuildKit's parser splits them (quotes kept), with offsets.
 */
import { joinLogical, mapLogical, type ArgInfo, type DockerfileModel, type InstructionInfo } from '../../model';

/** The arguments before any heredoc body (dockerfile-ast lists the body lines as arguments too). */
export function headArgs(ins: InstructionInfo): ArgInfo[] {
  if (ins.heredocs.length === 0) return ins.args;
  const cut = ins.heredocs[0].contentStart;
  return ins.args.filter((a) => a.start < cut);
}

/** The arguments after the flags and before heredoc bodies. */
export function plainArgs(ins: InstructionInfo): ArgInfo[] {
  const lastFlag = ins.flags.length > 0 ? ins.flags[ins.flags.length - 1].end : ins.keywordEnd;
  const args = headArgs(ins).filter((a) => a.start >= lastFlag);
  // BuildKit splits leading `--words` off every instruction (dockerfile-ast only off some).
  let i = 0;
  while (i < args.length && args[i].value.startsWith('--')) i++;
  return i === 0 ? args : args.slice(i);
}

export interface RefProblem {
  start: number;
  end: number;
  kind: 'name' | 'uppercase' | 'tag' | 'digest' | 'empty' | 'length';
}

const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/**
 * What is wrong with an image reference (`[host[:port]/]path[:tag][@digest]`), as Docker's
 * reference.ParseNormalizedNamed judges it; offsets are relative to `ref`. null when valid.
 */
export function referenceProblem(ref: string): RefProblem | null {
  if (ref === '') return { start: 0, end: 0, kind: 'empty' };
  let nameEnd = ref.length;
  const at = ref.indexOf('@');
  if (at >= 0) {
    if (!DIGEST.test(ref.slice(at + 1))) return { start: at + 1, end: ref.length, kind: 'digest' };
    nameEnd = at;
  }
  const lastSlash = ref.lastIndexOf('/', nameEnd - 1);
  const colon = ref.indexOf(':', lastSlash + 1);
  if (colon >= 0 && colon < nameEnd) {
    if (!TAG.test(ref.slice(colon + 1, nameEnd))) return { start: colon + 1, end: nameEnd, kind: 'tag' };
    nameEnd = colon;
  }
  const name = ref.slice(0, nameEnd);
  if (name.length === 0) return { start: 0, end: nameEnd, kind: 'name' };
  if (name.length > 255) return { start: 0, end: nameEnd, kind: 'length' };
  // The first component is a registry host when it has a dot or a port, is localhost, or has upper case.
  const firstSlash = name.indexOf('/');
  let pathStart = 0;
  if (firstSlash > 0) {
    const first = name.slice(0, firstSlash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      const [host, port] = first.startsWith('[') ? [first.slice(0, first.indexOf(']') + 1), first.slice(first.indexOf(']') + 2)] : first.split(':', 2);
      const hostOk = host.startsWith('[') ? /^\[[0-9a-fA-F:.]+\]$/.test(host) : host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
      if (!hostOk || (first.includes(':') && !first.startsWith('[') && !/^\d+$/.test(port ?? '')) ) return { start: 0, end: firstSlash, kind: 'name' };
      pathStart = firstSlash + 1;
    }
  }
  let pos = pathStart;
  for (const comp of name.slice(pathStart).split('/')) {
    if (!PATH_COMPONENT.test(comp)) {
      const kind = PATH_COMPONENT.test(comp.toLowerCase()) ? 'uppercase' : 'name';
      return { start: pos, end: pos + comp.length, kind };
    }
    pos += comp.length + 1;
  }
  return null;
}

/** A word of ENV/LABEL/ARG as BuildKit's parseWords splits it: quotes and escapes kept. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** The file offset of each character of `text`. */
  offsets: number[];
}

/** The words after the keyword (logical line: continuations joined, comment lines dropped). */
export function wordsOf(model: DockerfileModel, ins: InstructionInfo): Word[] {
  const logical = joinLogical(model.text, ins.keywordEnd, ins.end, model.escape);
  const s = logical.text;
  const esc = model.escape;
  const words: Word[] = [];
  let word = '';
  let offsets: number[] = [];
  let quote = '';
  let inWord = false;
  const push = () => {
    if (word.length > 0) words.push({ text: word, start: offsets[0], end: offsets[offsets.length - 1] + 1, offsets });
    word = '';
    offsets = [];
    inWord = false;
  };
  const add = (i: number) => {
    word += s[i];
    offsets.push(mapLogical(logical, i));
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (!inWord) {
      if (/\s/.test(ch)) continue;
      inWord = true;
    }
    if (!quote) {
      if (/\s/.test(ch)) {
        push();
        continue;
      }
      if (ch === "'" || ch === '"') quote = ch;
      if (ch === esc) {
        if (i + 1 >= s.length) continue;
        add(i);
        i++;
      }
      add(i);
      continue;
    }
    if (ch === quote) quote = '';
    else if (ch === esc && quote !== "'") {
      if (i + 1 >= s.length) continue;
      add(i);
      i++;
    }
    add(i);
  }
  push();
  return words;
}

/**
 * Where a word leaves a quote open, as BuildKit's shell lexer reads it (single quotes literal,
 * the escape character escaping outside single quotes): the index of the opening quote, or -1.
 */
export function openQuote(text: string, escape: string): number {
  let quote = '';
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = '';
      continue;
    }
    if (ch === escape) {
      i++;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      at = i;
    }
  }
  return quote ? at : -1;
}
