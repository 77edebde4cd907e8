/**
 * Semantic tokens, so themes colour what the TextMate grammar cannot tell apart. Legend
 * (standard token types, nothing custom):
 *
 * | what                                            | type        | modifiers                    |
 * | ----------------------------------------------- | ----------- | ---------------------------- |
 * | instruction keywords, `AS`, ONBUILD's trigger    | `keyword`   |                              |
 * | flag names (`--from`, `--mount`)                 | `parameter` |                              |
 * | stage names (`AS build`, `FROM build`, `--from=build`, `from=build`) | `class` | `declaration` at `AS` |
 * | ARG/ENV names, `$X` / `${X` references           | `variable`  | `declaration`; `defaultLibrary` for BuildKit's automatic platform ARGs |
 * | heredoc delimiters (`<<EOF` and the closing `EOF`) | `string`  |                              |
 * | parser directive names (`# syntax=`)             | `macro`     |                              |
 * | parser directive values                          | `string`    |                              |
 */
import type { SemanticTokens, SemanticTokensLegend, Range } from 'vscode-languageserver';
import type { InstructionInfo } from '../model';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { heredocMarkers, indexFor, type SymbolIndex } from './symbolsIndex';

export const TOKEN_TYPES = ['keyword', 'parameter', 'class', 'variable', 'string', 'macro'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const T = Object.fromEntries(TOKEN_TYPES.map((k, i) => [k, i])) as Record<(typeof TOKEN_TYPES)[number], number>;
const DECLARATION = 1;
const DEFAULT_LIBRARY = 2;

/** BuildKit's automatic ARGs (https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope). */
const AUTOMATIC_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETSTAGE',
  'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_DOCKERFILE_CHECK', 'SOURCE_DATE_EPOCH', 'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY',
  'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
]);

/** A token: line, character, length, type, modifiers; sorted by position. */
type Token = [number, number, number, number, number];

const cache = new WeakMap<SymbolIndex, Token[]>();

function tokensOf(index: SymbolIndex): Token[] {
  let tokens = cache.get(index);
  if (!tokens) {
    tokens = collect(index);
    cache.set(index, tokens);
  }
  return tokens;
}

function collect(index: SymbolIndex): Token[] {
  const { model } = index;
  const text = model.text;
  const raw: [number, number, number, number][] = []; // start, end, type, modifiers
  const DIRECTIVE = /^([ \t]*#[ \t]*)([A-Za-z][A-Za-z0-9_-]*)([ \t]*=[ \t]*)(.*?)[ \t]*$/;
  for (const d of model.directives) {
    const lineStart = model.lines.starts[d.line];
    const m = DIRECTIVE.exec(model.lines.lineText(d.line));
    if (!m) continue;
    const ns = lineStart + m[1].length;
    raw.push([ns, ns + m[2].length, T.macro, 0]);
    const vs = ns + m[2].length + m[3].length;
    if (m[4].length > 0) raw.push([vs, vs + m[4].length, T.string, 0]);
  }
  for (const ins of model.instructions) {
    raw.push([ins.keywordStart, ins.keywordEnd, T.keyword, 0]);
    for (const f of ins.flags) {
      const eq = text.indexOf('=', f.start);
      raw.push([f.start, eq >= 0 && eq < f.end ? eq : f.end, T.parameter, 0]);
    }
    if (ins.keyword === 'FROM' && ins.args.length >= 2 && ins.args[1].value.toLowerCase() === 'as') raw.push([ins.args[1].start, ins.args[1].end, T.keyword, 0]);
    if (ins.keyword === 'ONBUILD' && ins.args.length > 0 && /^[A-Za-z]+$/.test(ins.args[0].value)) raw.push([ins.args[0].start, ins.args[0].end, T.keyword, 0]);
    if (ins.heredocs.length > 0) heredocTokens(model, ins, raw);
  }
  for (const o of index.occurrences) {
    if (o.kind === 'stage') {
      raw.push([o.start, o.end, T.class, o.declaration ? DECLARATION : 0]);
    } else {
      const name = text.slice(o.start, o.end);
      raw.push([o.declaration ? o.start : o.exprStart, o.end, T.variable, (o.declaration ? DECLARATION : 0) | (AUTOMATIC_ARGS.has(name) ? DEFAULT_LIBRARY : 0)]);
    }
  }
  // Stage references that are not stages in the index (`FROM $BASE`) stay plain. Sorted, no overlaps, one line each.
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Token[] = [];
  let last = -1;
  for (const [s, e, type, mods] of raw) {
    if (s < last || e <= s) continue;
    const p = model.lines.positionAt(s);
    const lineEnd = model.lines.lineEnd(p.line);
    const end = Math.min(e, lineEnd);
    if (end <= s) continue;
    out.push([p.line, p.character, end - s, type, mods]);
    last = end;
  }
  return out;
}

/** `<<EOF` / `<<-"EOF"` on the instruction's line and each terminated heredoc's closing delimiter. */
function heredocTokens(model: SymbolIndex['model'], ins: InstructionInfo, raw: [number, number, number, number][]): void {
  const text = model.text;
  const markers = heredocMarkers(model, ins);
  ins.heredocs.forEach((h, k) => {
    const m = markers[k];
    if (m) raw.push([m.start, m.end, T.string, 0]);
    if (!h.terminated) return;
    // The delimiter is the line after the body.
    let at = h.contentEnd;
    if (text.charCodeAt(at) === 13) at++;
    if (text.charCodeAt(at) === 10) at++;
    const line = model.lines.positionAt(at).line;
    const lineText = model.lines.lineText(line);
    const lead = lineText.length - lineText.trimStart().length;
    if (lineText.trim() === h.name) raw.push([model.lines.starts[line] + lead, model.lines.starts[line] + lead + h.name.length, T.string, 0]);
  });
}

function encode(tokens: readonly Token[]): number[] {
  const data: number[] = new Array(tokens.length * 5);
  let line = 0;
  let char = 0;
  let k = 0;
  for (const [l, c, len, type, mods] of tokens) {
    data[k++] = l - line;
    data[k++] = l === line ? c - char : c;
    data[k++] = len;
    data[k++] = type;
    data[k++] = mods;
    line = l;
    char = c;
  }
  return data;
}

export function semanticTokens(doc: TextDocument): SemanticTokens {
  const index = indexFor(doc);
  return { data: index ? encode(tokensOf(index)) : [] };
}

export function semanticTokensRange(doc: TextDocument, range: Range): SemanticTokens {
  const index = indexFor(doc);
  if (!index) return { data: [] };
  const tokens = tokensOf(index);
  // Binary search for the first token on the range's first line.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid][0] < range.start.line) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && tokens[end][0] <= range.end.line) end++;
  return { data: encode(tokens.slice(lo, end)) };
}
