/**
 * label-not-git-hash — Label value is not a git commit hash (hadolint DL3055): a label the `label-schema` types `hash` whose value is not one.
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './label-not-git-hash.md';
import zhCn from './label-not-git-hash.zh-cn.md';

/** A git commit id: 7 to 40 hex digits (SHA-1, abbreviated or full) or 64 (SHA-256). */
export function valid(v: string): boolean {
  return /^(?:[0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$/.test(v.trim());
}

export const labelNotGitHash = labelValueRule({
  id: 'label-not-git-hash',
  hadolint: 'DL3055',
  description: 'Label value is not a git commit hash',
  docs: { en, 'zh-cn': zhCn },
  type: 'hash',
  problem: (e) => (valid(e.value) ? undefined : t('Label "{0}" is not a valid git commit hash', e.name)),
});
