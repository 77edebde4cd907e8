/**
 * go-install-without-version — `go install example.com/cmd/tool` (or `go get`, `go run` of a
 * remote package) without `@version`, or with a moving one (`@latest`, `@master`, `@main`,
 * `@HEAD`): the next build may get another version. Local packages (`.`, `./...`, `./cmd/x`,
 * `/src/x`), `.go` files, standard-library style paths without a domain (`cmd/x`, `std`) and
 * expansions are not asked for a version.
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Rule } from '../../types';
import { goCalls } from './_lang';
import en from './go-install-without-version.md';
import zhCn from './go-install-without-version.zh-cn.md';

const MOVING = new Set(['latest', 'master', 'main', 'head', 'upgrade', 'patch']);

/** Null when the word needs no version; else what is wrong. */
function missingVersion(w: Word): boolean {
  const v = w.value;
  if (v === null || v === '' || v.startsWith('.') || v.startsWith('/') || v.endsWith('.go')) return false;
  const at = v.lastIndexOf('@');
  const path = at < 0 ? v : v.slice(0, at);
  // Only module paths with a domain (`golang.org/x/tools/…`) come from the network.
  if (!path.split('/')[0].includes('.')) return false;
  return at < 0 || MOVING.has(v.slice(at + 1).toLowerCase());
}

export const goInstallWithoutVersion: Rule = {
  id: 'go-install-without-version',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3062' },
  description: 'go install without @version',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const { script } of ctx.shellScripts()) {
      for (const call of goCalls(ctx, script)) {
        const sub = call.sub.value!;
        if (sub !== 'install' && sub !== 'get' && sub !== 'run') continue;
        // `go run pkg args…`: only the first operand is a package.
        const pkgs = sub === 'run' ? call.operands.slice(0, 1) : call.operands;
        for (const w of pkgs.filter(missingVersion)) {
          ctx.report({
            start: script.toDoc(w.start),
            end: script.toDoc(w.end, true),
            message: t('Pin the version in go {0}: use {1}@<version> (a tag like v1.2.3, not latest)', sub, w.value!.split('@')[0]),
          });
        }
      }
    }
  },
};
