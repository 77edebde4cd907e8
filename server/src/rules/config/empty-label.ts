/**
 * empty-label — a label the `label-schema` lists is set to an empty value (hadolint DL3051).
 */
import { t } from '../../l10n';
import { labelValueRule } from './_labels';
import en from './empty-label.md';
import zhCn from './empty-label.zh-cn.md';

export const emptyLabel = labelValueRule({
  id: 'empty-label',
  hadolint: 'DL3051',
  description: 'Label in the label schema has an empty value',
  docs: { en, 'zh-cn': zhCn },
  type: 'any',
  problem: (e) => (e.value.trim() === '' && !e.dynamic ? t('Label "{0}" is empty', e.name) : undefined),
});
