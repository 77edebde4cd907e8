/**
 * key-value-invalid — ENV, LABEL and ARG pairs BuildKit rejects: a word without `=` after a
 * `name=value` pair ("can't find = in …"), an empty name (`=value`), `ENV NAME` with no value,
 * and a value that leaves a quote open (`ENV A="b`), which fails when BuildKit expands it.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { openQuote, wordsOf } from './_words';
import { withTriggers } from './_flags';
import en from './key-value-invalid.md';
import zhCn from './key-value-invalid.zh-cn.md';

export const keyValueInvalid: Rule = {
  id: 'key-value-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Malformed ENV, LABEL or ARG pair',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    // ONBUILD triggers too: they fail in the build that uses this image.
    for (const ins of withTriggers(model)) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL' && ins.keyword !== 'ARG') continue;
      let words = wordsOf(model, ins);
      // BuildKit splits leading `--flags` off first (flag-unknown reports them).
      let skip = 0;
      while (skip < words.length && words[skip].text.startsWith('--')) skip++;
      words = words.slice(skip);
      if (words.length === 0) continue;
      const quoteCheck = (w: { text: string; end: number; offsets: number[] }, from: number) => {
        const q = openQuote(w.text.slice(from), model.escape);
        if (q >= 0) {
          const kind = w.text[from + q] === '"' ? t('double') : t('single');
          report({ start: w.offsets[from + q], end: w.end, message: t('Unterminated {0} quote: BuildKit fails to expand this value', kind) });
          return true;
        }
        return false;
      };
      if (ins.keyword !== 'ARG' && !words[0].text.includes('=')) {
        // The legacy form `ENV NAME value words…`: the value is the rest of the line.
        if (words.length === 1) {
          report({ start: words[0].start, end: words[0].end, message: t('{0} {1} has no value: write {1}=value', ins.keyword, words[0].text) });
        } else {
          for (let i = 1; i < words.length; i++) if (quoteCheck(words[i], 0)) break;
        }
        continue;
      }
      for (const w of words) {
        const eq = w.text.indexOf('=');
        if (eq < 0) {
          if (ins.keyword === 'ARG') continue;
          report({ start: w.start, end: w.end, message: t('"{0}" has no "=": after a name=value pair, every word must be name=value (quote values with spaces)', w.text) });
          continue;
        }
        if (eq === 0) {
          report({ start: w.start, end: w.end, message: t('{0} names cannot be blank: "{1}"', ins.keyword, w.text) });
          continue;
        }
        if (quoteCheck(w, 0)) continue;
      }
    }
  },
};
