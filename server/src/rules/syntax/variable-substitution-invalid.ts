/**
 * variable-substitution-invalid — a `${…}` BuildKit's expander rejects in the instructions it
 * expands (ADD, ARG, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR):
 * an unsupported modifier (`${A:0:3}`, `${A=x}`, `${A:#x}`), `${}` or `${:x}`, and a `${`
 * never closed. Supported: `-` `:-` `+` `:+` `?` `:?` `#` `##` `%` `%%` `/` `//`.
 * RUN, CMD and ENTRYPOINT are left alone: the shell expands those.
 */
import { joinLogical, mapLogical } from '../../model';
import { t } from '../../l10n';
import type { Rule } from '../types';
import { withTriggers } from './_flags';
import en from './variable-substitution-invalid.md';
import zhCn from './variable-substitution-invalid.zh-cn.md';

const EXPANDED = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** Problems of `${` expressions in a text: [start, end, message] relative to it. */
export function substitutionProblems(s: string, escape: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote === "'") {
      if (ch === "'") quote = '';
      continue;
    }
    if (ch === escape) {
      i++;
      continue;
    }
    if (ch === '"') quote = quote ? '' : '"';
    else if (ch === "'" && !quote) quote = "'";
    if (ch !== '$' || s[i + 1] !== '{') continue;
    const start = i;
    let j = i + 2;
    const first = s[j];
    if (first === undefined || first === '\n') {
      out.push([start, j, t('"{0}" is not closed: add "}"', '${')]);
      break;
    }
    if (first === '{' || first === '}' || first === ':') {
      const close = s.indexOf('}', j);
      out.push([start, close < 0 ? j : close + 1, t('Bad substitution "{0}": a variable name must follow "{1}"', s.slice(start, close < 0 ? j : close + 1), '${')]);
      i = close < 0 ? j : close;
      continue;
    }
    // A special parameter (`${@}`, `${#}` …) is a name of its own.
    if ('*#@!?-$'.includes(first) && s[j + 1] === '}') j++;
    else while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
    const name = s.slice(i + 2, j);
    const mod = s[j];
    // Find the matching `}` (nested `${…}` inside a default value are fine).
    let depth = 1;
    let k = j;
    for (; k < s.length && depth > 0; k++) {
      if (s[k] === escape) k++;
      else if (s[k] === '$' && s[k + 1] === '{') {
        depth++;
        k++;
      } else if (s[k] === '}') depth--;
    }
    if (depth > 0) {
      out.push([start, Math.min(s.length, j + 1), t('"{0}" is not closed: add "}"', `\${${name}`)]);
      break;
    }
    const end = k;
    let bad: string | null = null;
    if (mod === '}') bad = null;
    else if (mod === ':') bad = '+-?'.includes(s[j + 1] ?? '') ? null : `:${s[j + 1] ?? ''}`;
    else if (!'+-?#%/'.includes(mod ?? '')) bad = mod ?? '';
    if (name === '' && !bad) bad = mod ?? '';
    if (bad !== null) {
      out.push([start, end, t('Unsupported modifier "{0}" in "{1}": BuildKit supports :- :+ :? - + ? # ## % %% / //', bad, s.slice(start, end))]);
    }
    i = end - 1;
  }
  return out;
}

export const variableSubstitutionInvalid: Rule = {
  id: 'variable-substitution-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid variable substitution',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    // ONBUILD triggers too: they fail in the build that uses this image.
    for (const ins of withTriggers(model)) {
      if (!EXPANDED.has(ins.keyword)) continue;
      const to = ins.heredocs.length > 0 ? Math.max(ins.keywordEnd, ins.heredocs[0].contentStart - 1) : ins.end;
      const logical = joinLogical(model.text, ins.keywordEnd, to, model.escape);
      if (!logical.text.includes('${')) continue;
      for (const [s, e, message] of substitutionProblems(logical.text, model.escape)) {
        report({ start: mapLogical(logical, s), end: mapLogical(logical, e, true), message });
      }
    }
  },
};
