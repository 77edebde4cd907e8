/**
 * Localisation of server messages with @vscode/l10n: the English text is the key, the
 * Simplified Chinese bundle (shared with the client) is bundled in. The server learns the
 * UI language from `initialize.locale`; the CLI from LANG/LC_ALL.
 */
import * as l10n from '@vscode/l10n';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

let current = 'en';

export function isChineseLocale(locale: string | undefined): boolean {
  if (!locale) return false;
  const l = locale.toLowerCase().replace('_', '-');
  return l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l.startsWith('zh-sg');
}

/** Selects the message language; unknown languages fall back to English. */
export function setLocale(locale: string | undefined): string {
  if (isChineseLocale(locale)) {
    l10n.config({ contents: zhCn as Record<string, string> });
    current = 'zh-cn';
  } else {
    l10n.config({ contents: {} });
    current = 'en';
  }
  return current;
}

export function locale(): string {
  return current;
}

/** Translates a message; `{0}`, `{1}` … are replaced by the arguments. */
export function t(message: string, ...args: (string | number)[]): string {
  return l10n.t(message, ...args);
}

/**
 * Names for a message: the first `max`, then "and N more". In English that stays ASCII: one
 * non-ASCII character (an ellipsis) made V8 encode the whole publication of a file's
 * diagnostics two bytes per character.
 */
export function nameList(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? t('{0} and {1} more', shown, names.length - max) : shown;
}
