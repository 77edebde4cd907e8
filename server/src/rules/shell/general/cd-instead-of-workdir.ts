/**
 * cd-instead-of-workdir — `cd` that changes the directory of a RUN's own shell: WORKDIR says
 * it once, for every later instruction, and shows it in the image's config.
 *
 * Decided per case: a `cd` in a subshell `( cd x && make )`, in a command substitution
 * `$(cd … && pwd)`, in a function body, or in a nested `sh -c '…'` is scoped on purpose and
 * not reported; nor is a `cd` to a place only known at run time (`cd "$(mktemp -d)"`).
 * `pushd` is reported like `cd` unless a `popd` follows it in the same shell (a scoped change).
 * One finding per script: the first such `cd`.
 */
import { t } from '../../../l10n';
import type { Rule } from '../../types';
import en from './cd-instead-of-workdir.md';
import zhCn from './cd-instead-of-workdir.zh-cn.md';

export const cdInsteadOfWorkdir: Rule = {
  id: 'cd-instead-of-workdir',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3003' },
  description: 'cd in RUN instead of WORKDIR',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      if (s.script.kind === 'nested') continue;
      const invs = ctx.invocations(s.script);
      let lastPopd = -1;
      invs.forEach((x, i) => {
        if (x.program === 'popd' && x.command.inMainShell) lastPopd = i;
      });
      const hit = invs.find((inv, i) => {
        if (!inv.command.inMainShell || inv.wrappers.length > 0) return false;
        if (inv.program !== 'cd' && inv.program !== 'pushd') return false;
        if (inv.args.some((w) => w.value === null && /\$\(|`/.test(w.raw))) return false;
        if (inv.program === 'pushd') return lastPopd < i;
        return true;
      });
      if (!hit) continue;
      ctx.report({
        start: s.script.toDoc(hit.command.start),
        end: s.script.toDoc(hit.command.end, true),
        message: t('Use WORKDIR to change the directory: {0} lasts only for this RUN, WORKDIR sets it for every later instruction', hit.program!),
      });
    }
  },
};
