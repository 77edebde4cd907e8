/**
 * `.dockerignore` as BuildKit reads it (moby/patternmatcher): one pattern a line, `#`
 * comments, blank lines skipped, `!` re-includes, a leading `/` and `./` dropped, paths
 * cleaned; `*` and `?` do not cross `/`, `**` matches any number of folders, `[…]` classes,
 * `\` escapes. Patterns apply in order; one that matches the path or a parent folder excludes
 * it, or with `!` includes it again (MatchesOrParentMatches).
 */

interface Pattern {
  re: RegExp;
  exclusion: boolean;
  text: string;
}

export interface IgnoreMatcher {
  /** Which file it was read from (for messages). */
  file: string;
  /** The pattern that excludes `p` (a clean relative path), or undefined. */
  excludedBy(p: string): string | undefined;
}

/** `a/./b/../c/` → `a/c` (path.posix.normalize without a trailing slash). */
export function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

function toRegExp(pattern: string): RegExp | null {
  let re = '^';
  const n = pattern.length;
  for (let i = 0; i < n; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**` (and `**/`): any number of folders.
        while (pattern[i + 1] === '*') i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return null;
      let cls = pattern.slice(i + 1, close);
      if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < n) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else {
      re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return null;
  }
}

export function parseIgnore(text: string, file: string): IgnoreMatcher {
  const patterns: Pattern[] = [];
  for (const raw of text.split(/\r\n|\n|\r/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let exclusion = false;
    if (line.startsWith('!')) {
      exclusion = true;
      line = line.slice(1).trim();
    }
    const cleaned = cleanPath(line);
    if (cleaned === '') continue;
    const re = toRegExp(cleaned);
    if (re) patterns.push({ re, exclusion, text: raw.trim() });
  }
  return {
    file,
    excludedBy(p: string) {
      const clean = cleanPath(p);
      if (clean === '' || patterns.length === 0) return undefined;
      const parts = clean.split('/');
      const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
      // patternmatcher's MatchesOrParentMatches: in order, a pattern that matches the path or
      // one of its parent folders excludes it (or, with `!`, includes it again).
      let by: string | undefined;
      for (const pat of patterns) {
        if (pat.exclusion !== (by !== undefined)) continue;
        if (pat.re.test(clean) || parents.some((d) => pat.re.test(d))) by = pat.exclusion ? undefined : pat.text;
      }
      return by;
    },
  };
}
