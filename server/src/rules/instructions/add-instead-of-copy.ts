/**
 * add-instead-of-copy — `ADD` of local files or folders. `ADD` also fetches URLs, clones git
 * repositories and unpacks local tar archives; for plain files `COPY` says what happens.
 * The fix only renames the keyword, so flags, JSON form, heredocs and continuations stay.
 */
import { matchKeywordCase } from '../../text';
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './add-instead-of-copy.md';
import zhCn from './add-instead-of-copy.zh-cn.md';

/** Flags only ADD understands: with them ADD is the right instruction. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** Archive names ADD unpacks (it detects by content; these are the names that say so). */
const ARCHIVE = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|tar\.(?:gz|bz2|xz|lz|lzma|z|zst|zstd))$/i;
/** Single compressed files that may hold a tar. */
const COMPRESSED = /\.(?:gz|bz2|xz|zst|lz|lzma|z)$/i;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;

export type SourceKind = 'local' | 'remote' | 'archive' | 'variable' | 'glob';

export function classifySource(src: string): SourceKind {
  if (REMOTE.test(src) || /\.git(?:#.*)?$/.test(src)) return 'remote';
  if (src.includes('$')) return 'variable';
  const base = src.replace(/\/+$/, '').split('/').pop() ?? src;
  if (ARCHIVE.test(base) || COMPRESSED.test(base)) return 'archive';
  // A wildcard whose matches could be archives (`*`, `*.t?z`); `*.txt` cannot.
  if (/[*?[]/.test(base)) {
    const ext = /\.([A-Za-z0-9]+)$/.exec(base);
    if (!ext || /[*?[]/.test(ext[1]) || ARCHIVE.test(base) || COMPRESSED.test(base)) return 'glob';
  }
  return 'local';
}

/**
 * A source word as BuildKit reads it (its shell-word expander): quotes removed, escapes applied.
 * Inside double quotes the escape character escapes only `"`, `$` and itself, and stays before
 * anything else (`"C:\Program Files"` keeps its backslash), as BuildKit's lexer does.
 */
export function unquoteSource(word: string, escape: string): { value: string } {
  let value = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else value += c;
    } else if (c === escape && i + 1 < word.length) {
      // Inside double quotes the escape quotes only `"`, `$` and itself (BuildKit's shell lexer):
      // "C:\tools\x" keeps its backslashes.
      const next = word[++i];
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) value += c;
      value += next;
    } else if (quote === '"' && c === '"') {
      quote = null;
    } else if (quote === null && (c === '"' || c === "'")) {
      quote = c;
    } else {
      value += c;
    }
  }
  return { value };
}

export const addInsteadOfCopy: Rule = {
  id: 'add-instead-of-copy',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3020' },
  description: 'ADD used for local files',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`COPY` (safe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'ADD') continue;
      if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) continue;
      let sources: string[];
      let args = ins.args;
      if (ins.heredocs.length > 0) {
        // The words of a heredoc's body are file content, not sources.
        args = args.filter((a) => !ins.heredocs.some((h) => a.start >= h.contentStart && a.start <= h.contentEnd));
      }
      if (Array.isArray(ins.json)) sources = ins.json.slice(0, -1);
      else if (ins.json === null) continue;
      else {
        if (args.length < 2 && ins.heredocs.length === 0) continue;
        sources = [];
        for (const a of args.slice(0, -1)) {
          // Heredoc sources (`ADD <<EOF /x`) are inline files.
          if (/^<<-?/.test(a.value)) continue;
          // A quoted `'$x'` is literal, but such names are rare: treated as variables anyway.
          sources.push(unquoteSource(a.value, model.escape).value);
        }
      }
      const kinds = sources.map(classifySource);
      if (kinds.some((k) => k === 'remote' || k === 'archive' || k === 'variable')) continue;
      const wildcard = kinds.includes('glob');
      const copy = matchKeywordCase(ins.keywordText, 'COPY');
      report({
        start: ins.keywordStart,
        end: ins.keywordEnd,
        message: wildcard
          ? t('Use COPY instead of ADD for files and folders (check that the wildcard matches no tar archive: ADD unpacks those)')
          : t('Use COPY instead of ADD for files and folders'),
        fixes: [{
          title: wildcard ? t('Use COPY instead of ADD (a matched tar archive would no longer be unpacked)') : t('Use COPY instead of ADD'),
          edits: [{ start: ins.keywordStart, end: ins.keywordEnd, newText: copy }],
          safety: wildcard ? 'unsafe' : 'safe',
        }],
      });
    }
  },
};
