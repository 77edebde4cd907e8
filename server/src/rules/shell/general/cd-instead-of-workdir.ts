/**
 * cd-instead-of-workdir — `cd` that changes the directory of a RUN's own shell: WORKDIR says
 * it once, for every later instruction, and shows it in the image's config.
 *
 * Decided per case: a `cd` in a subshell `( cd x && make )`, in a command substitution
 * `$(cd … && pwd)`, in a function body, or in a nested `sh -c '…'` is scoped on purpose and
 * not reported; nor is a `cd` to a place only known at run time (`cd "$(mktemp -d)"`).
 * `pushd` … `popd`, and `cd x … cd -` / `cd "$OLDPWD"` / `cd /` (the official images' way of
 * building in /usr/src and going back before cleaning up) are scoped changes: a `cd` before the
 * last step back is not reported.
 * One finding per script: the first such `cd`.
 */
import { t } from '../../../l10n';
import type { Rule } from '../../types';
import en from './cd-instead-of-workdir.md';
import zhCn from './cd-instead-of-workdir.zh-cn.md';

/** `cd -`, `cd "$OLDPWD"`, `cd /`: going back to where the RUN started (or to the root). */
function isReturn(args: readonly string[]): boolean {
  const rest = args.filter((a) => a !== '-P' && a !== '-L');
  return rest.length === 1 && (rest[0] === '-' || rest[0] === '/' || /^"?\$\{?OLDPWD\}?"?$/.test(rest[0]));
}

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
      // The last step back (`popd`, `cd -`, `cd "$OLDPWD"`, `cd /`): a change before it is scoped.
      let lastReturn = -1;
      let lastPopd = -1;
      invs.forEach((x, i) => {
        if (!x.command.inMainShell) return;
        if (x.program === 'popd') lastPopd = i;
        else if (x.program === 'cd' && isReturn(x.args.map((w) => w.value ?? w.raw))) lastReturn = i;
      });
      const hit = invs.find((inv, i) => {
        if (!inv.command.inMainShell || inv.wrappers.length > 0) return false;
        if (inv.program !== 'cd' && inv.program !== 'pushd') return false;
        if (i <= lastReturn || (inv.program === 'pushd' && i < lastPopd)) return false;
        if (inv.args.some((w) => w.value === null && /\$\(|`/.test(w.raw))) return false;
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
