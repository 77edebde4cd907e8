/**
 * npm-install-without-pin — `npm install express` / `npm install -g yarn` without `@version`:
 * the next build may get another version. A git dependency (`git+https://…`, `github:o/r`,
 * `o/r`) without a `#<commit-ish>` follows its default branch: asked for one. `npm ci`,
 * `npm install` without package arguments (the lockfile decides), tarballs, paths and
 * expansions are not asked for a pin.
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { NPM_INSTALL, npmCalls } from './_lang';
import en from './npm-install-without-pin.md';
import zhCn from './npm-install-without-pin.zh-cn.md';

const GIT = /^(?:git(?:\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:)/i;

/** A git dependency: a git URL, a hosted-git prefix or the GitHub shorthand `user/repo` (npm-package-arg's reading). */
export function npmGitSpec(v: string): boolean {
  if (GIT.test(v)) return true;
  if (v.includes(':') || v.startsWith('@') || /^[.~/]/.test(v)) return false;
  return /^[^/\s]+\/[^/\s]+$/.test(v) && !/\.(?:tgz|tar\.gz|tar)$/i.test(v);
}

/** A git dependency without `#<commit-ish>` (`#v1.2.0`, `#3f2a1c9`, `#semver:^5.0`): it follows the default branch. */
export function npmGitUnpinned(w: Word): boolean {
  return w.value !== null && npmGitSpec(w.value) && !w.value.includes('#');
}

export function npmSpecPinned(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '') return true;
  if (npmGitSpec(v)) return v.includes('#');
  // `name@version`, `@scope/name@version`: an `@` after the first character.
  if (v.lastIndexOf('@') > 0) return true;
  if (v.includes('://') || /\.(?:tgz|tar\.gz|tar)$/i.test(v)) return true;
  // Paths (`.`, `./pkg`, `/src`, `~/x`, `file:…`).
  return v.startsWith('.') || v.startsWith('/') || v.startsWith('~') || v.startsWith('file:') || (!v.startsWith('@') && v.includes('/'));
}

export const npmInstallWithoutPin: Rule = {
  id: 'npm-install-without-pin',
  defaultSeverity: 'warning',
  scope: 'instruction',
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
          message: npmGitUnpinned(loose[0])
            ? t('Pin versions in npm install ({0}): add #<tag or commit> to the git dependency {1}', names, loose[0].value!)
            : t('Pin versions in npm install ({0}): use {1}@<version>', names, loose[0].value!),
        });
      }
    }
  },
};
