/**
 * gem-install-without-pin — `gem install rails` (or `gem i rails`) without `-v` / `--version`
 * or `name:version`: the next build may get another version. Local `.gem` files, `-g Gemfile`
 * and expansions are not asked for a pin; nor are the build options after `--`, nor a word
 * right after a long option gem does not have (`--use-system-libraries true`: it may be that
 * option's value, we cannot tell).
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { gemCalls } from './_lang';
import en from './gem-install-without-pin.md';
import zhCn from './gem-install-without-pin.zh-cn.md';

/** The spellings RubyGems accepts for `install`: its alias `i` and the unambiguous prefixes. */
const INSTALL = new Set(['install', 'instal', 'insta', 'inst', 'ins', 'i']);

/** `gem install`'s long options that take no value (RubyGems 3): any other long option may take the next word. */
const GEM_FLAGS = new Set([
  '--vendor', '--no-document', '--document', '--env-shebang', '--no-env-shebang', '--force', '--no-force', '--wrappers',
  '--no-wrappers', '--ignore-dependencies', '--format-executable', '--no-format-executable', '--user-install',
  '--no-user-install', '--development', '--development-all', '--conservative', '--minimal-deps', '--post-install-message',
  '--no-post-install-message', '--default', '--explain', '--lock', '--no-lock', '--suggestions', '--no-suggestions',
  '--prerelease', '--no-prerelease', '--pre', '--local', '--remote', '--both', '--clear-sources', '--update-sources',
  '--no-update-sources', '--http-proxy', '--no-http-proxy', '--help', '--verbose', '--no-verbose', '--quiet', '--silent',
  '--backtrace', '--debug', '--norc', '--rdoc', '--no-rdoc', '--ri', '--no-ri', '--install-as-default', '--no-install-as-default',
]);

function pinned(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '') return true;
  return v.includes(':') || v.endsWith('.gem') || v.includes('/');
}

export const gemInstallWithoutPin: Rule = {
  id: 'gem-install-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3028' },
  description: 'gem install without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const call of gemCalls(ctx, script)) {
        if (!INSTALL.has(call.sub?.value ?? '') || call.args.has('-v', '--version', '-g', '--file')) continue;
        const index = new Map(call.words.map((w, i) => [w, i]));
        const loose = call.operands.filter((w) => {
          const before = call.words[index.get(w)! - 1]?.value;
          const optionValue = !!before && before.startsWith('--') && !before.includes('=') && !GEM_FLAGS.has(before);
          return !optionValue && !pinned(w);
        });
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
