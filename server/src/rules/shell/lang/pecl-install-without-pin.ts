/**
 * pecl-install-without-pin — `pecl install redis` (or `redis-beta`, `redis-stable`) without a
 * version: the next build may compile another release of the extension. A version from a
 * variable (`redis-${REDIS_VERSION}`), local archives and `package.xml` files, URLs, and
 * operands that are wholly an expansion (`$EXT`) are not asked for a pin.
 */
import { nameList, t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { peclCalls } from './_lang';
import en from './pecl-install-without-pin.md';
import zhCn from './pecl-install-without-pin.zh-cn.md';

/** Stands for an expansion in a word's shape. */
const HOLE = '\u0000';

/**
 * Skips an expansion that starts at `raw[i] === '$'` (or a backquote); returns the index after
 * it, or -1 when the `$` is a plain character. Linear: brackets are counted, never re-scanned.
 */
function skipExpansion(raw: string, i: number): number {
  const c = raw[i];
  if (c === '`') {
    let k = i + 1;
    while (k < raw.length && raw[k] !== '`') k += raw[k] === '\\' ? 2 : 1;
    return Math.min(k + 1, raw.length);
  }
  const next = raw[i + 1];
  if (next === '{' || next === '(') {
    const close = next === '{' ? '}' : ')';
    let depth = 0;
    let k = i + 1;
    for (; k < raw.length; k++) {
      const d = raw[k];
      if (d === '\\') k++;
      else if (d === next) depth++;
      else if (d === close && --depth === 0) break;
    }
    return Math.min(k + 1, raw.length);
  }
  if (next !== undefined && /[A-Za-z_]/.test(next)) {
    let k = i + 2;
    while (k < raw.length && /[A-Za-z0-9_]/.test(raw[k])) k++;
    return k;
  }
  if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return i + 2;
  return -1;
}

/**
 * The word as the shell would pass it, with each expansion as one HOLE: quotes removed,
 * escapes resolved (`"redis-${V}"` → `redis-␀`).
 */
export function wordShape(raw: string): string {
  let out = '';
  let dq = false;
  for (let i = 0; i < raw.length; ) {
    const c = raw[i];
    if (c === '$' || c === '`') {
      if (c === '$' && !dq && raw[i + 1] === "'") {
        // `$'…'`: an ANSI-C string, literal for what we read here.
        const end = raw.indexOf("'", i + 2);
        out += raw.slice(i + 2, end < 0 ? raw.length : end);
        i = end < 0 ? raw.length : end + 1;
        continue;
      }
      const after = skipExpansion(raw, i);
      if (after > i) {
        out += HOLE;
        i = after;
        continue;
      }
      out += c;
      i++;
    } else if (dq) {
      if (c === '"') dq = false;
      else if (c === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw[i + 1])) out += raw[++i];
      else out += c;
      i++;
    } else if (c === '"') {
      dq = true;
      i++;
    } else if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end + 1;
    } else if (c === '\\') {
      out += raw[i + 1] ?? '';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Local release archives and package descriptors, as `pecl install` reads them. */
const ARTIFACT = /\.(?:tgz|tar|tar\.gz|tar\.bz2|tbz2?|zip|xml)$/i;
const URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

export type PeclPin = 'pinned' | 'loose' | 'unknown';

/**
 * How a `pecl install` operand (its shape, expansions as HOLEs) names its version:
 * `[channel://][channel/]name-1.2.3` is pinned, `name` and `name-beta` are loose, a
 * version from a variable (`name-${V}`) is pinned, and a word whose last path segment is
 * only expansions or has no `-` but an expansion (`$EXT`, `redis$SUFFIX`) cannot be judged.
 */
export function peclPin(shape: string): PeclPin {
  if (shape === '' || shape.startsWith('-')) return 'unknown';
  if (!shape.split(HOLE).join('')) return 'unknown';
  if (ARTIFACT.test(shape)) return 'pinned';
  const channelUri = shape.toLowerCase().startsWith('channel://');
  if (!channelUri && URL.test(shape)) return 'pinned';
  const spec = channelUri ? shape.slice('channel://'.length) : shape;
  const name = spec.slice(spec.lastIndexOf('/') + 1);
  const dash = name.lastIndexOf('-');
  if (dash < 0) return name.includes(HOLE) || name === '' ? 'unknown' : 'loose';
  const first = name[dash + 1];
  if (first === HOLE || (first !== undefined && first >= '0' && first <= '9')) return 'pinned';
  return 'loose';
}

/** `redis-beta` → `redis`, `channel://pecl.php.net/redis` stays: the name to write `-<version>` after. */
function baseName(w: Word): string {
  const v = w.value;
  if (v === null) return w.raw;
  const slash = v.lastIndexOf('/');
  const dash = v.lastIndexOf('-');
  return dash > slash ? v.slice(0, dash) : v;
}

const INSTALL = new Set(['install', 'i']);

export const peclInstallWithoutPin: Rule = {
  id: 'pecl-install-without-pin',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3068' },
  description: 'pecl install without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const call of peclCalls(ctx, script)) {
        if (!call.sub || !INSTALL.has(call.sub.value!)) continue;
        const loose = call.operands.filter((w) => peclPin(w.value ?? wordShape(w.raw)) === 'loose');
        if (loose.length === 0) continue;
        ctx.report({
          start: script.toDoc(call.start),
          end: script.toDoc(loose[loose.length - 1].end, true),
          message: t('Pin versions in pecl install ({0}): use {1}-<version>', nameList(loose.map((w) => w.value ?? w.raw)), baseName(loose[0])),
        });
      }
    }
  },
};
