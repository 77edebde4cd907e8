/**
 * pip-install-without-pin — `pip install flask` without a version specifier: the next build
 * may install another version. Requirements and constraints files (`-r`, `-c`, `--requirement=`),
 * editable and local installs (`-e .`, `.`, `./pkg`), wheels and sdists, URLs, pinned VCS URLs
 * (`git+https://…@v1.2`) and expansions are not asked for a pin.
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { pipCalls } from './_lang';
import en from './pip-install-without-pin.md';
import zhCn from './pip-install-without-pin.zh-cn.md';

const SPECIFIER = /==|>=|<=|~=|!=|<|>|===/;
const ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;
const VCS = /^(?:git|hg|svn|bzr)\+/i;

/** A VCS URL names a revision when its path (after the host) has `@ref`. */
function vcsPinned(url: string): boolean {
  const noFragment = url.split('#')[0];
  const scheme = noFragment.indexOf('://');
  const rest = scheme < 0 ? noFragment : noFragment.slice(scheme + 3);
  const slash = rest.indexOf('/');
  return slash >= 0 && rest.slice(slash).includes('@');
}

export function pipRequirementPinned(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '') return true;
  // A VCS URL without a revision follows a branch: not a pin.
  if (VCS.test(v) || / @ (?:git|hg|svn|bzr)\+/i.test(v)) return vcsPinned(v.slice(v.search(/(?:git|hg|svn|bzr)\+/i)));
  if (SPECIFIER.test(v) || / @ /.test(v)) return true;
  // A local directory or file, an archive, a URL: not resolved from the index.
  return v.startsWith('.') || v.includes('/') || ARCHIVE.test(v) || v.includes('://');
}

export const pipInstallWithoutPin: Rule = {
  id: 'pip-install-without-pin',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3013' },
  description: 'pip install without version pins',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const call of pipCalls(ctx, script)) {
        if (call.sub?.value !== 'install') continue;
        if (call.args.has('-r', '--requirement', '-c', '--constraint')) continue;
        const loose = call.operands.filter((w) => !pipRequirementPinned(w));
        if (loose.length === 0) continue;
        const names = loose.slice(0, 3).map((w) => w.value).join(', ') + (loose.length > 3 ? ', …' : '');
        ctx.report({
          start: script.toDoc(call.start),
          end: script.toDoc(loose[loose.length - 1].end, true),
          message: t('Pin versions in pip install ({0}): use {1}==<version> or a requirements file', names, loose[0].value!),
        });
      }
    }
  },
};
