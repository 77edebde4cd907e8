/**
 * label-not-email — Label value is not an email address (hadolint DL3058): a label the `label-schema` types `email` whose value is not one.
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './label-not-email.md';
import zhCn from './label-not-email.zh-cn.md';

/** `dev@example.com` or `Dev Team <dev@example.com>` (RFC 5322's addr-spec and name-addr, in practice). */
export function valid(v: string): boolean {
  const s = v.trim();
  const lt = s.lastIndexOf('<');
  const addr = lt >= 0 && s.endsWith('>') ? s.slice(lt + 1, -1).trim() : s;
  const at = addr.lastIndexOf('@');
  if (at <= 0 || /[\s<>()[\],;:"]/.test(addr)) return false;
  const local = addr.slice(0, at);
  const domain = addr.slice(at + 1);
  const dot = domain.indexOf('.');
  return !local.includes('@') && dot > 0 && !domain.endsWith('.') && !domain.includes('..');
}

export const labelNotEmail = labelValueRule({
  id: 'label-not-email',
  hadolint: 'DL3058',
  description: 'Label value is not an email address',
  docs: { en, 'zh-cn': zhCn },
  type: 'email',
  problem: (e) => (valid(e.value) ? undefined : t('Label "{0}" is not a valid email address', e.name)),
});
