/**
 * missing-label — a label the `label-schema` requires is not set (hadolint DL3049). Checked
 * on each stage that can be an image of its own (see _labels.ts), with the labels it
 * inherits through `FROM <stage>`; reported on its FROM. Nothing without a schema.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { recordLabelFacts, stageLabels, type LabelFact } from './_labels';
import en from './missing-label.md';
import zhCn from './missing-label.zh-cn.md';

export const missingLabel: Rule = {
  id: 'missing-label',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3049' },
  description: 'Label required by the label schema is missing',
  docs: { en, 'zh-cn': zhCn },
  check: recordLabelFacts,
  checkFile(ctx) {
    const required = Object.keys(ctx.settings.labelSchema ?? {});
    if (required.length === 0) return;
    for (const st of stageLabels(ctx.facts as LabelFact[])) {
      if (!st.output) continue;
      for (const name of required) {
        if (!st.labels.has(name)) ctx.report({ range: st.from, message: t('Label "{0}" is missing', name), instructionLine: st.from.start.line });
      }
    }
  },
};
