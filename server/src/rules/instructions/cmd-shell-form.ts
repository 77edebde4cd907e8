/**
 * cmd-shell-form — `CMD npm start` / `ENTRYPOINT ./run.sh`: in shell form the process runs under
 * `/bin/sh -c`, which does not pass on SIGTERM, so `docker stop` waits and then kills it.
 * Not reported when the stage chose its shell with SHELL (BuildKit's exemption).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './cmd-shell-form.md';
import zhCn from './cmd-shell-form.zh-cn.md';

/** Words that need no shell: no quotes, expansions, globs, operators or escapes. */
const PLAIN = /^[A-Za-z0-9_./:=@%+,-]+$/;
/** Shell builtins and keywords: as the first exec-form word they would not be found. */
const BUILTINS = new Set([
  '.', ':', 'alias', 'bg', 'break', 'cd', 'command', 'continue', 'eval', 'exec', 'exit', 'export', 'fg', 'getopts', 'hash',
  'jobs', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'times', 'trap', 'type', 'ulimit', 'umask', 'unalias',
  'unset', 'wait', 'if', 'for', 'while', 'until', 'case', 'function', 'select', 'local', 'declare', 'typeset', 'let',
]);

export const cmdShellForm: Rule = {
  id: 'cmd-shell-form',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' },
  description: 'CMD or ENTRYPOINT in shell form',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'JSON form for plain words (unsafe)',
  check(ctx) {
    const { model, report } = ctx;
    for (const ins of model.instructions) {
      if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
      // Malformed JSON (`CMD ['a']`) is invalid-json-form's finding.
      if (ins.json !== undefined || ins.bodyStart === null || ins.args.length === 0) continue;
      // A SHELL in the stage (or inherited from the stage it starts from): the shell is wanted.
      if (ctx.shellOf(ins) !== null) continue;
      const words = ins.args.map((a) => a.value);
      const simple = ins.startLine === ins.endLine && words.every((w) => PLAIN.test(w)) && !BUILTINS.has(words[0]) && !words[0].includes('=');
      const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
      report({
        start: ins.bodyStart,
        end: ins.end,
        message: t('Use the JSON form for {0}: in shell form it runs under /bin/sh -c, which does not pass on stop signals', ins.keyword),
        fixes: simple
          ? [{ title: t('Write as {0} (the process no longer runs under a shell)', json), edits: [{ start: ins.bodyStart, end: ins.end, newText: json }], safety: 'unsafe' }]
          : [],
      });
    }
  },
};
