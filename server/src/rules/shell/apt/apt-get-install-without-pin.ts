/**
 * apt-get-install-without-pin — `apt-get install pkg` without `pkg=version`: the next build
 * may install another version. Operands that are not package names (a `./local.deb`, a
 * path), expansions (`$PKGS`) and packages from a release chosen with `pkg/release` or
 * `-t release` are not asked for a pin.
 */
import { nameList, t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { allAptCalls, aptOption, callRange } from './_apt';
import en from './apt-get-install-without-pin.md';
import zhCn from './apt-get-install-without-pin.zh-cn.md';

/** A package operand that needs no pin: versioned, a release, a file, or not a name we can read. */
function pinned(w: Word): boolean {
  const v = w.value;
  if (v === null) return true;
  // A glob (`android-tools*`) selects several packages: there is no version to give it.
  return v.includes('=') || v.includes('/') || v.endsWith('.deb') || v.endsWith('-') || v === '' || /[*?[]/.test(v);
}

export const aptGetInstallWithoutPin: Rule = {
  id: 'apt-get-install-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3008' },
  description: 'apt-get install without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { call } of allAptCalls(ctx)) {
      if (call.sub?.value !== 'install') continue;
      // `-t bookworm-backports pkg` picks the release the way `pkg/bookworm-backports` does.
      if (call.args.has('-t', '--target-release', '--default-release') || aptOption(call, 'APT::Default-Release') !== undefined) continue;
      const loose = call.operands.filter((w) => !pinned(w));
      if (loose.length === 0) continue;
      const names = nameList(loose.map((w) => w.value ?? w.raw));
      const { start } = callRange(call);
      const last = loose[loose.length - 1];
      ctx.report({ start, end: call.script.toDoc(last.end, true), message: t('Pin versions in {0} install ({1}): use {2}=<version>', call.tool, names, loose[0].value!) });
    }
  },
};
