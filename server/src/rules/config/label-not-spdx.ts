/**
 * label-not-spdx — Label value is not an SPDX license expression (hadolint DL3054): a label the `label-schema` types `spdx` whose value is not one.
 * Licences are looked up in the SPDX licence list (the CC0 `spdx-license-ids` package, bundled).
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import licenseIds from 'spdx-license-ids/index.json';
import deprecatedIds from 'spdx-license-ids/deprecated.json';
import en from './label-not-spdx.md';
import zhCn from './label-not-spdx.zh-cn.md';

/** SPDX licence identifiers, current and deprecated, lower-cased (SPDX matches them case-insensitively). */
const LICENSES: ReadonlySet<string> = new Set([...licenseIds, ...deprecatedIds].map((x) => x.toLowerCase()));
const REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;
const WORDS = /\s*(\(|\)|[^\s()]+)/g;
const OPERATOR = /^(?:AND|OR|WITH)$/;

/** A licence: a listed SPDX identifier (`MIT`, `apache-2.0`), optionally with `+`, or a `LicenseRef-…`. */
function license(id: string): boolean {
  if (REF.test(id)) return true;
  const bare = id.endsWith('+') ? id.slice(0, -1) : id;
  return LICENSES.has(bare.toLowerCase());
}

/**
 * An SPDX license expression: licences (see `license`) joined by AND / OR, `WITH` an
 * exception (its syntax is checked: `Classpath-exception-2.0`, `AdditionRef-…`), in parentheses.
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
    if (!id || OPERATOR.test(id) || !license(id)) return false;
    i++;
    if (tokens[i] === 'WITH') {
      i++;
      const ex = tokens[i];
      if (!ex || !ID.test(ex) || OPERATOR.test(ex)) return false;
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
