/**
 * healthcheck-invalid — a HEALTHCHECK BuildKit rejects: a type other than CMD or NONE
 * (`HEALTHCHECK curl -f …`: "Unknown type … (try CMD)"), or `HEALTHCHECK CMD` without a
 * command ("Missing command after HEALTHCHECK CMD"). Arguments after NONE are extra-arguments;
 * the flags are checked by the flag rules.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { plainArgs } from './_words';
import { parseJsonForm } from '../../model';
import en from './healthcheck-invalid.md';
import zhCn from './healthcheck-invalid.zh-cn.md';

export const healthcheckInvalid: Rule = {
  id: 'healthcheck-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid HEALTHCHECK',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'insert `CMD` (unsafe)',
  check({ model, report }) {
    for (const ins of model.instructions) {
      const hc = ins.keyword === 'HEALTHCHECK' ? ins : ins.trigger?.keyword === 'HEALTHCHECK' ? ins.trigger : undefined;
      if (!hc) continue;
      const args = plainArgs(hc);
      if (args.length === 0) continue; // missing-arguments
      const type = args[0].value.toUpperCase();
      if (type === 'NONE') continue;
      if (type !== 'CMD') {
        report({
          start: args[0].start,
          end: args[0].end,
          message: t('Unknown HEALTHCHECK type "{0}": write HEALTHCHECK CMD <command> (or NONE)', args[0].value),
          fixes: [{ title: t('Insert CMD before the command'), edits: [{ start: args[0].start, end: args[0].start, newText: 'CMD ' }], safety: 'unsafe' }],
        });
        continue;
      }
      const body = args.length > 1 ? parseJsonForm(model.text.slice(args[1].start, hc.end), model.escape) : undefined;
      if (args.length === 1 || (Array.isArray(body) && body.length === 0)) {
        report({ start: args[0].start, end: args[args.length - 1].end, message: t('Missing command after HEALTHCHECK CMD') });
      }
    }
  },
};
