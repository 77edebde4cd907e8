/**
 * apk-add-without-pin — `apk add pkg` without a version constraint (`pkg=1.2.3-r0`,
 * `pkg~1.2`, `pkg>=1.2`): the next build may install another version. The `--virtual` name,
 * `.apk` files and paths, and packages from an expansion (`$PKGS`) are not asked for a pin.
 */
import { nameList, t } from '../../../l10n';
import { readApk } from '../../../shell/apk';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import en from './apk-add-without-pin.md';
import zhCn from './apk-add-without-pin.zh-cn.md';

function pinned(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '') return true;
  return /[=<>~]/.test(v) || v.includes('/') || v.endsWith('.apk');
}

export const apkAddWithoutPin: Rule = {
  id: 'apk-add-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3018' },
  description: 'apk add without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const inv of ctx.invocations(script)) {
        const call = readApk(inv);
        if (!call || call.subcommand?.value !== 'add') continue;
        const loose = call.operands.filter((w) => !pinned(w));
        if (loose.length === 0) continue;
        const names = nameList(loose.map((w) => w.value ?? w.raw));
        ctx.report({
          start: script.toDoc(call.apkStart),
          end: script.toDoc(loose[loose.length - 1].end, true),
          message: t('Pin versions in apk add ({0}): use {1}=<version>', names, loose[0].value!),
        });
      }
    }
  },
};
