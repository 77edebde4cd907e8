/**
 * label-not-semver — Label value is not a semantic version (hadolint DL3056): a label the `label-schema` types `semver` whose value is not one.
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './label-not-semver.md';
import zhCn from './label-not-semver.zh-cn.md';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Semantic Versioning 2.0.0 (`1.2.3`, `1.0.0-rc.1+build.5`); a leading `v` is accepted, as tags often have it. */
export function valid(v: string): boolean {
  // Capped: no version is that long, and the pattern need not meet pathological input.
  return v.length <= 256 && SEMVER.test(v.trim().replace(/^v(?=\d)/, ''));
}

export const labelNotSemver = labelValueRule({
  id: 'label-not-semver',
  hadolint: 'DL3056',
  description: 'Label value is not a semantic version',
  docs: { en, 'zh-cn': zhCn },
  type: 'semver',
  problem: (e) => (valid(e.value) ? undefined : t('Label "{0}" is not a valid semantic version (e.g. 1.2.3)', e.name)),
});
