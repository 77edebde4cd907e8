/**
 * apt-instead-of-apt-get — `apt` is the interactive front end: its output format and behaviour
 * are not a stable interface ("WARNING: apt does not have a stable CLI interface"). Scripts
 * use `apt-get` and `apt-cache`.
 *
 * Fix: the equivalent command, per subcommand:
 * - `update`, `remove`, `purge`, `autoremove`, `clean`, `autoclean`, `check` → `apt-get` (safe:
 *   they behave the same);
 * - `install`, `reinstall`, `build-dep`, `source`, `download`, `satisfy`, `changelog` → `apt-get`
 *   (unsafe: `apt` deletes the downloaded .deb files after installing, `apt-get` keeps them in
 *   /var/cache/apt/archives unless the image is configured to clean them, as the official
 *   Debian and Ubuntu images are);
 * - `upgrade` → `apt-get upgrade --with-new-pkgs`, `full-upgrade` → `apt-get dist-upgrade`
 *   (unsafe, for the same reason);
 * - `search`, `show`, `showsrc`, `policy`, `depends`, `rdepends`, `madison` → `apt-cache` (safe);
 * - `list`, `edit-sources` …: no fix (no equivalent).
 */
import { t } from '../../../l10n';
import type { OffsetEdit } from '../../../text';
import type { Fix, FixSafety, Rule } from '../../types';
import { allAptCalls } from './_apt';
import en from './apt-instead-of-apt-get.md';
import zhCn from './apt-instead-of-apt-get.zh-cn.md';

const SAME: Record<string, FixSafety> = {
  update: 'safe', remove: 'safe', purge: 'safe', autoremove: 'safe', clean: 'safe', autoclean: 'safe', check: 'safe',
  install: 'unsafe', reinstall: 'unsafe', 'build-dep': 'unsafe', source: 'unsafe', download: 'unsafe', satisfy: 'unsafe', changelog: 'safe',
};
const CACHE = new Set(['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'madison']);

export const aptInsteadOfAptGet: Rule = {
  id: 'apt-instead-of-apt-get',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3027' },
  description: 'apt used instead of apt-get or apt-cache',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`apt-get` / `apt-cache` (safe for update, remove, queries; unsafe for install, upgrade)',
  check(ctx) {
    for (const { call } of allAptCalls(ctx)) {
      if (call.tool !== 'apt') continue;
      const s = call.script;
      const sub = call.sub?.value ?? '';
      const start = s.toDoc(call.inv.programStart);
      const end = s.toDoc(call.inv.programEnd, true);
      // Only the base name is replaced: `/usr/bin/apt` → `/usr/bin/apt-get`.
      const word = ctx.model.text.slice(start, end);
      const plain = /^(?:[\w./-]*\/)?apt$/.test(word);
      const replace = (tool: string): OffsetEdit => ({ start: end - 3, end, newText: tool });
      const fixes: Fix[] = [];
      let target = 'apt-get';
      if (!s.readOnly && plain && call.sub) {
        if (SAME[sub]) {
          fixes.push({ title: t('Change to {0}', `apt-get ${sub}`), edits: [replace('apt-get')], safety: SAME[sub] });
        } else if (sub === 'upgrade' || sub === 'full-upgrade') {
          const edits = sub === 'upgrade'
            ? [replace('apt-get'), { start: s.toDoc(call.sub.end, true), end: s.toDoc(call.sub.end, true), newText: ' --with-new-pkgs' }]
            : [replace('apt-get'), { start: s.toDoc(call.sub.start), end: s.toDoc(call.sub.end, true), newText: 'dist-upgrade' }];
          fixes.push({ title: t('Change to {0}', sub === 'upgrade' ? 'apt-get upgrade --with-new-pkgs' : 'apt-get dist-upgrade'), edits, safety: 'unsafe' });
        } else if (CACHE.has(sub)) {
          target = 'apt-cache';
          fixes.push({ title: t('Change to {0}', `apt-cache ${sub}`), edits: [replace('apt-cache')], safety: 'safe' });
        }
      }
      if (CACHE.has(sub)) target = 'apt-cache';
      ctx.report({ start, end, message: t('Use {0} instead of apt in scripts: apt has no stable command-line interface', target), fixes });
    }
  },
};
