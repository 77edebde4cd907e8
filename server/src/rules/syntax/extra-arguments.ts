/**
 * extra-arguments — words an instruction does not take: `FROM image name` (no `AS`),
 * `FROM a AS b c`, `HEALTHCHECK NONE --x`, `STOPSIGNAL SIGTERM 9`, `USER app admin`.
 * BuildKit stops ("FROM requires either one or three arguments", "HEALTHCHECK NONE takes no
 * arguments") or fails on the value it reads (`USER "app admin"`, signal "SIGTERM 9").
 */
import { t } from '../../l10n';
import type { Fix, Rule } from '../types';
import { healthcheckType } from './_flags';
import { plainArgs } from './_words';
import en from './extra-arguments.md';
import zhCn from './extra-arguments.zh-cn.md';

export const extraArguments: Rule = {
  id: 'extra-arguments',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Extra arguments',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`AS` before the stage name (unsafe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM' && ins.keyword !== 'HEALTHCHECK' && ins.keyword !== 'STOPSIGNAL' && ins.keyword !== 'USER') continue;
      const args = plainArgs(ins);
      const rest = (from: number) => ({ start: args[from].start, end: args[args.length - 1].end });
      switch (ins.keyword) {
        case 'FROM': {
          if (args.length === 2 && args[1].value.toLowerCase() !== 'as') {
            const fixes: Fix[] = [{ title: t('Insert AS: FROM … AS {0}', args[1].value), edits: [{ start: args[1].start, end: args[1].start, newText: ins.keywordText === ins.keywordText.toLowerCase() ? 'as ' : 'AS ' }], safety: 'unsafe' }];
            report({ ...rest(1), message: t('FROM takes an image and optionally AS <name>: "{0}" needs AS before it', args[1].value), fixes });
          } else if (args.length >= 3 && args[1].value.toLowerCase() !== 'as') {
            report({ start: args[1].start, end: args[1].end, message: t('FROM takes an image and optionally AS <name>: expected AS, found "{0}"', args[1].value) });
          } else if (args.length > 3) {
            report({ ...rest(3), message: t('FROM takes an image and optionally AS <name>: unexpected "{0}"', args[3].value) });
          }
          break;
        }
        case 'HEALTHCHECK': {
          if (healthcheckType(model, ins) !== 'NONE') break;
          const at = args.findIndex((a) => a.value.toUpperCase() === 'NONE');
          if (at >= 0 && at < args.length - 1) report({ ...rest(at + 1), message: t('HEALTHCHECK NONE takes no arguments') });
          break;
        }
        case 'STOPSIGNAL':
        case 'USER':
          if (args.length > 1) {
            report({ ...rest(1), message: t('{0} takes one value: BuildKit reads "{1}" as a single value and fails on it', ins.keyword, args.map((a) => a.value).join(' ')) });
          }
          break;
        default:
          break;
      }
    }
  },
};
