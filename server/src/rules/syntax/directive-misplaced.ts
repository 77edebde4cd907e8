/**
 * directive-misplaced — a `# syntax=`, `# escape=` or `# check=` comment that is not in the
 * directive block at the very top (after a blank line, another comment or an instruction):
 * BuildKit takes it for a plain comment, so the frontend, escape character or checks it names
 * are silently not used.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { lateDirectives, topDirectives } from './_directives';
import en from './directive-misplaced.md';
import zhCn from './directive-misplaced.zh-cn.md';

export const directiveMisplaced: Rule = {
  id: 'directive-misplaced',
  defaultSeverity: 'warning',
  related: {},
  description: 'Parser directive not at the top of the file',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    const top = topDirectives(model);
    const starts = new Set(model.instructions.map((i) => i.startLine));
    for (const d of lateDirectives(model, top.length)) {
      // `# check=skip=…` right above an instruction (or stage) is the per-instruction form of the
      // check pragma (dockerfile 1.21): honoured, not misplaced.
      if (d.name === 'check') {
        let l = model.lines.positionAt(d.nameStart).line + 1;
        while (l < model.lines.lineCount && /^[ \t]*#/.test(model.lines.lineText(l))) l++;
        if (starts.has(l)) continue;
      }
      report({
        start: d.nameStart,
        end: d.valueEnd,
        message: t('"{0}" is read as a plain comment: parser directives work only at the very top of the file, before any comment, blank line or instruction', `${d.name}=${d.value}`),
      });
    }
  },
};
