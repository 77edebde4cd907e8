/**
 * label-key-invalid — a LABEL key outside Docker's key format: lower-case letters and digits,
 * `.` and `-` between them, and none of Docker's own namespaces.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import en from './label-key-invalid.md';
import zhCn from './label-key-invalid.zh-cn.md';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a key is not a valid label key, or null. */
export function labelKeyProblem(key: string): string | null {
  if (key === '') return null;
  const ns = RESERVED.find((p) => key.startsWith(p));
  if (ns) return t('the namespace {0} is reserved for Docker', ns);
  if (!/^[a-z0-9.-]+$/.test(key)) return t('use only lower-case letters, digits, . and -');
  if (!/^[a-z]/.test(key)) return t('start with a lower-case letter');
  if (!/[a-z0-9]$/.test(key)) return t('end with a letter or digit');
  if (key.includes('..') || key.includes('--')) return t('no two separators in a row');
  return null;
}

export const labelKeyInvalid: Rule = {
  id: 'label-key-invalid',
  defaultSeverity: 'hint',
  scope: 'instruction',
  related: { hadolint: 'DL3048' },
  description: 'LABEL key not in the recommended format',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const outer of model.instructions) {
      const ins = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
      if (!ins || ins.keyword !== 'LABEL') continue;
      let props: { getName(): string; getNameRange(): Range }[] = [];
      try {
        props = (ins.node as unknown as { getProperties(): typeof props }).getProperties();
      } catch {
        continue;
      }
      for (const p of props) {
        const key = p.getName();
        if (key.includes('$')) continue;
        const problem = labelKeyProblem(key);
        if (!problem) continue;
        const r = p.getNameRange();
        report({ start: model.offset(r.start), end: model.offset(r.end), message: t('Label key {0}: {1}', key, problem) });
      }
    }
  },
};
