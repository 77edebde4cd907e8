/**
 * label-not-datetime — Label value is not an RFC 3339 time (hadolint DL3053): a label the `label-schema` types `rfc3339` whose value is not one.
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './label-not-datetime.md';
import zhCn from './label-not-datetime.zh-cn.md';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** `2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.5+02:00`: the format and the ranges of each field. */
export function valid(v: string): boolean {
  const m = RFC3339.exec(v.trim());
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] || h > 23 || mi > 59 || s > 60) return false;
  return m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
}

export const labelNotDatetime = labelValueRule({
  id: 'label-not-datetime',
  hadolint: 'DL3053',
  description: 'Label value is not an RFC 3339 time',
  docs: { en, 'zh-cn': zhCn },
  type: 'rfc3339',
  problem: (e) => (valid(e.value) ? undefined : t('Label "{0}" is not a valid RFC 3339 time (e.g. 2024-05-01T12:30:00Z)', e.name)),
});
