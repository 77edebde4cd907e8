/**
 * label-not-url — Label value is not a URL (hadolint DL3052): a label the `label-schema` types `url` whose value is not one.
 * Values with a variable are not judged (their build-time text is unknown); empty values are
 * empty-label's.
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './label-not-url.md';
import zhCn from './label-not-url.zh-cn.md';

/** An absolute URL: a scheme, `://` and a host (`https://github.com/org/repo`). */
export function valid(v: string): boolean {
  return v.length <= 4096 && /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#@]+(?:@[^\s/?#]+)?(?:[/?#]\S*)?$/.test(v.trim());
}

export const labelNotUrl = labelValueRule({
  id: 'label-not-url',
  hadolint: 'DL3052',
  description: 'Label value is not a URL',
  docs: { en, 'zh-cn': zhCn },
  type: 'url',
  problem: (e) => (valid(e.value) ? undefined : t('Label "{0}" is not a valid URL', e.name)),
});
