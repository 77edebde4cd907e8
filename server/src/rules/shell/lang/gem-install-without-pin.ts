/**
 * gem-install-without-pin — `gem install rails` without `-v` / `--version` or `name:version`:
 * the next build may get another version. Local `.gem` files, `-g Gemfile` and expansions are
 * not asked for a pin.
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { gemCalls } from './_lang';
import en from './gem-install-without-pin.md';
import zhCn from './gem-install-without-pin.zh-cn.md';

function pinned(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '') return true;
  return v.includes(':') || v.endsWith('.gem') || v.includes('/');
}

export const gemInstallWithoutPin: Rule = {
  id: 'gem-install-without-pin',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3028' },
  description: 'gem install without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const call of gemCalls(ctx, script)) {
        if (call.sub?.value !== 'install' || call.args.has('-v', '--version', '-g', '--file')) continue;
        const loose = call.operands.filter((w) => !pinned(w));
        if (loose.length === 0) continue;
        const names = loose.slice(0, 3).map((w) => w.value).join(', ') + (loose.length > 3 ? ', …' : '');
        ctx.report({
          start: script.toDoc(call.start),
          end: script.toDoc(loose[loose.length - 1].end, true),
          message: t('Pin versions in gem install ({0}): use {1}:<version> or -v <version>', names, loose[0].value!),
        });
      }
    }
  },
};
