/**
 * directive-invalid — a parser directive BuildKit rejects: a second `escape`, `syntax` or
 * `check` ("only one … parser directive can be used"), `# escape=` with anything but `\` or
 * a backtick, a `# syntax=` value that is no image reference, a `# check=` that is not
 * `skip=…;error=true|false;experimental=…`.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { topDirectives } from './_directives';
import { referenceProblem } from './_words';
import en from './directive-invalid.md';
import zhCn from './directive-invalid.zh-cn.md';

export const directiveInvalid: Rule = {
  id: 'directive-invalid',
  defaultSeverity: 'error',
  related: {},
  description: 'Invalid parser directive',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    const seen = new Set<string>();
    for (const d of topDirectives(model)) {
      if (seen.has(d.name)) {
        report({ start: d.nameStart, end: d.valueEnd, message: t('Only one {0} parser directive can be used', d.name) });
        continue;
      }
      seen.add(d.name);
      if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') {
        report({ start: d.valueStart, end: d.valueEnd, message: t('Invalid escape character "{0}": use {1} or {2}', d.value, '\\', '`') });
      } else if (d.name === 'syntax' && !d.value.includes('$')) {
        const p = referenceProblem(d.value);
        if (p) report({ start: d.valueStart, end: d.valueEnd, message: t('The syntax directive needs an image reference, e.g. docker/dockerfile:1 ("{0}" is not one)', d.value) });
      } else if (d.name === 'check') {
        let at = d.valueStart;
        for (const part of d.value.split(';').slice(0, 3)) {
          const start = at;
          at += part.length + 1;
          if (part.trim() === '') continue;
          const eq = part.indexOf('=');
          const key = (eq < 0 ? part : part.slice(0, eq)).trim();
          const value = eq < 0 ? '' : part.slice(eq + 1).trim();
          if (eq < 0) {
            report({ start, end: start + part.length, message: t('Invalid check option "{0}": expected key=value (skip, error or experimental)', part.trim()) });
          } else if (!['skip', 'error', 'experimental'].includes(key)) {
            report({ start, end: start + eq, message: t('Invalid check option "{0}": use skip, error or experimental', key) });
          } else if (key === 'error' && !['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) {
            report({ start: start + eq + 1, end: start + part.length, message: t('check error= expects true or false, not "{0}"', value) });
          }
        }
      }
    }
  },
};
