/**
 * stopsignal-invalid — a STOPSIGNAL that is no signal: BuildKit accepts a signal name with or
 * without `SIG` in any case (`SIGTERM`, `term`, `SIGRTMIN+3`) or a number, and fails on
 * anything else ("Invalid signal"). Numbers must be 1–64 (Linux signals). `$VAR` is not judged.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { closest } from './_flags';
import { plainArgs } from './_words';
import en from './stopsignal-invalid.md';
import zhCn from './stopsignal-invalid.zh-cn.md';

const NAMES = [
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR',
  'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'UNUSED', 'URG', 'USR1', 'USR2', 'VTALRM',
  'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
];

export function isSignal(value: string): boolean {
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 64;
  return NAMES.includes(value.toUpperCase().replace(/^SIG/, ''));
}

export const stopsignalInvalid: Rule = {
  id: 'stopsignal-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid STOPSIGNAL',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'closest signal name (unsafe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'STOPSIGNAL') continue;
      const arg = plainArgs(ins)[0];
      if (!arg || /[$"'\\`]/.test(arg.value) || isSignal(arg.value)) continue;
      const raw = model.text.slice(arg.start, arg.end);
      const guess = /^\d+$/.test(arg.value) ? undefined : closest(arg.value.toUpperCase().replace(/^SIG/, ''), NAMES);
      report({
        start: arg.start,
        end: arg.end,
        message: /^-?\d+$/.test(arg.value)
          ? t('Invalid signal {0}: signal numbers are 1 to 64', arg.value)
          : guess ? t('Invalid signal "{0}" (did you mean SIG{1}?)', arg.value, guess) : t('Invalid signal "{0}": use a name such as SIGTERM or a number', arg.value),
        fixes: guess && raw === arg.value ? [{ title: t('Change to {0}', `SIG${guess}`), edits: [{ start: arg.start, end: arg.end, newText: `SIG${guess}` }], safety: 'unsafe' }] : [],
      });
    }
  },
};
