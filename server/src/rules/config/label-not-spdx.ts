/**
 * label-not-spdx — Label value is not an SPDX license expression (hadolint DL3054): a label the `label-schema` types `spdx` whose value is not one.
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './label-not-spdx.md';
import zhCn from './label-not-spdx.zh-cn.md';

const ID = /^(?:LicenseRef-|DocumentRef-[A-Za-z0-9.-]+:LicenseRef-)?[A-Za-z0-9][A-Za-z0-9.-]*\+?$/;
const WORDS = /\s*(\(|\)|[^\s()]+)/g;

/**
 * An SPDX license expression: identifiers (`MIT`, `Apache-2.0`, `GPL-2.0-or-later`,
 * `LicenseRef-…`) joined by AND / OR, `WITH` an exception, in parentheses. The syntax is
 * checked, not the list of licence names (a well-formed unknown id passes).
 */
export function valid(v: string): boolean {
  const tokens = [...v.matchAll(WORDS)].map((m) => m[1]);
  if (tokens.length === 0) return false;
  let i = 0;
  const term = (): boolean => {
    if (tokens[i] === '(') {
      i++;
      if (!expr() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    const id = tokens[i];
    if (!id || /^(?:AND|OR|WITH)$/.test(id) || !ID.test(id)) return false;
    i++;
    if (tokens[i] === 'WITH') {
      i++;
      const ex = tokens[i];
      if (!ex || !ID.test(ex) || /^(?:AND|OR|WITH)$/.test(ex)) return false;
      i++;
    }
    return true;
  };
  const expr = (): boolean => {
    if (!term()) return false;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      i++;
      if (!term()) return false;
    }
    return true;
  };
  return expr() && i === tokens.length;
}

export const labelNotSpdx = labelValueRule({
  id: 'label-not-spdx',
  hadolint: 'DL3054',
  description: 'Label value is not an SPDX license expression',
  docs: { en, 'zh-cn': zhCn },
  type: 'spdx',
  problem: (e) => (valid(e.value) ? undefined : t('Label "{0}" is not a valid SPDX license expression (e.g. MIT, Apache-2.0 OR MIT)', e.name)),
});
