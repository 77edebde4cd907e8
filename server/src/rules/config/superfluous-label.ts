/**
 * superfluous-label — with `strict-labels`, a label the `label-schema` does not list
 * (hadolint DL3050). Reported on each such label, so the message says which one.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { labelEntries, recordLabelFacts, type LabelFact } from './_labels';
import en from './superfluous-label.md';
import zhCn from './superfluous-label.zh-cn.md';

export const superfluousLabel: Rule = {
  id: 'superfluous-label',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3050' },
  description: 'Label not in the label schema (strict labels)',
  docs: { en, 'zh-cn': zhCn },
  check: recordLabelFacts,
  checkFile(ctx) {
    const schema = ctx.settings.labelSchema ?? {};
    if (!ctx.settings.strictLabels || Object.keys(schema).length === 0) return;
    for (const e of labelEntries(ctx.facts as LabelFact[])) {
      if (!(e.name in schema)) ctx.report({ range: e.range, message: t('Label "{0}" is not in the label schema', e.name), instructionLine: e.insLine ?? e.range.start.line });
    }
  },
};
