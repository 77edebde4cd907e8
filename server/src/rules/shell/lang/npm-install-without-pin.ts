/**
 * npm-install-without-pin — `npm install express` / `npm install -g yarn` without `@version`:
 * the next build may get another version. `npm ci`, `npm install` without package arguments
 * (the lockfile decides), tarballs, git URLs, paths and expansions are not asked for a pin.
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { NPM_INSTALL, npmCalls } from './_lang';
import en from './npm-install-without-pin.md';
import zhCn from './npm-install-without-pin.zh-cn.md';

const GIT = /^(?:git(?:\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:)/i;

export function npmSpecPinned(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '') return true;
  // `name@version`, `@scope/name@version`: an `@` after the first character.
  if (v.lastIndexOf('@') > 0) return true;
  if (GIT.test(v) || v.includes('://') || /\.(?:tgz|tar\.gz|tar)$/i.test(v)) return true;
  // Paths (`.`, `./pkg`, `/src`, `~/x`, `file:…`) and GitHub shorthands (`user/repo`).
  return v.startsWith('.') || v.startsWith('/') || v.startsWith('~') || v.startsWith('file:') || (!v.startsWith('@') && v.includes('/'));
}

export const npmInstallWithoutPin: Rule = {
  id: 'npm-install-without-pin',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3016' },
  description: 'npm install without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const call of npmCalls(ctx, script)) {
        if (!call.sub || !NPM_INSTALL.has(call.sub.value!)) continue;
        const loose = call.operands.filter((w) => !npmSpecPinned(w));
        if (loose.length === 0) continue;
        const names = loose.slice(0, 3).map((w) => w.value).join(', ') + (loose.length > 3 ? ', …' : '');
        ctx.report({
          start: script.toDoc(call.start),
          end: script.toDoc(loose[loose.length - 1].end, true),
          message: t('Pin versions in npm install ({0}): use {1}@<version>', names, loose[0].value!),
        });
      }
    }
  },
};
