/**
 * wget-without-progress — GNU wget's default progress bar writes thousands of lines into a
 * build log that is not a terminal (its `dot` style: a line per 50 KB). `--progress=dot:giga`
 * prints a dot per MB and a line per 32 MB; * `-q`/`-nv` say less; `-o`/`-a` log to a file.
 *
 * Fix (safe, GNU wget): `--progress=dot:giga` after `wget`. Not offered on Alpine / busybox
 * base images, whose wget (busybox) has no `--progress` option and would fail: the message
 * says to use `-q` there.
 */
import { t } from '../../../l10n';
import type { Word } from '../../../shell/parser';
import type { Fix, Rule } from '../../types';
import { baseImageOf, isBusyboxImage, isLookup } from './_general';
import en from './wget-without-progress.md';
import zhCn from './wget-without-progress.zh-cn.md';

/** GNU wget short options that take a value (the rest of a cluster, or the next word). */
const SHORT_VALUES = new Set([...'OoaPUetTwQlARDIXiB']);

/** Whether wget's options quiet the progress bar or send the log elsewhere. */
export function quietsProgress(args: readonly Word[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === null) continue;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const name = v.split('=')[0];
      if (['--progress', '--quiet', '--no-verbose', '--output-file', '--append-output', '--show-progress'].includes(name)) return name !== '--show-progress';
      continue;
    }
    if (!v.startsWith('-') || v === '-') continue;
    // `-nv`, `-nc`, `-nd`, `-nH`, `-np`: wget's two-letter options.
    if (v.startsWith('-n')) {
      if (v === '-nv') return true;
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const c = v[k];
      if (c === 'q' || c === 'o' || c === 'a') return true;
      if (SHORT_VALUES.has(c)) {
        if (k === v.length - 1) i++;
        break;
      }
    }
  }
  return false;
}

export const wgetWithoutProgress: Rule = {
  id: 'wget-without-progress',
  defaultSeverity: 'info',
  scope: 'instruction',
  related: { hadolint: 'DL3047' },
  description: 'wget without --progress (or -q / -nv)',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`--progress=dot:giga` (safe)',
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      for (const inv of ctx.invocations(s.script)) {
        if (inv.program !== 'wget' || isLookup(inv)) continue;
        if (inv.args.length === 0 || quietsProgress(inv.args)) continue;
        // `wget $WGET_OPTS url`: the options may be in the variable.
        if (inv.args.some((w) => w.value === null && /^["']?\$\{?[A-Za-z_]*(?:OPT|ARG|FLAG)/i.test(w.raw))) continue;
        const busybox = isBusyboxImage(baseImageOf(ctx, s.ins));
        const fixes: Fix[] = [];
        if (!busybox && !s.script.readOnly) {
          const at = s.script.toDoc(inv.programEnd, true);
          fixes.push({ title: t('Add --progress=dot:giga to wget'), edits: [{ start: at, end: at, newText: ' --progress=dot:giga' }], safety: 'safe' });
        }
        ctx.report({
          start: s.script.toDoc(inv.programStart),
          end: s.script.toDoc(inv.programEnd, true),
          message: busybox
            ? t('wget without -q fills the build log with its progress bar (busybox wget has no --progress option: use -q)')
            : t('wget without --progress fills the build log with its progress bar: use wget --progress=dot:giga, or -q / -nv'),
          fixes,
        });
      }
    }
  },
};
