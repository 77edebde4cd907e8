/**
 * useradd-high-uid-without-no-log-init — `useradd -u <big uid>` without `-l`: useradd writes
 * the user's record at offset uid × record size into /var/log/lastlog and faillog, a sparse
 * file the image layer stores in full (a uid of 1,000,000,000 makes a layer of ~300 GB).
 *
 * Like hadolint: a uid of more than five digits. Better: only a literal uid counts (a
 * `-u "$UID"` has an unknown value: hadolint compares the length of the text `$UID`).
 * Fix (safe): `-l` after `useradd`; only the two log files differ.
 */
import { t } from '../../../l10n';
import { parseArgs } from '../../../shell/facts';
import type { Fix, Rule } from '../../types';
import en from './useradd-high-uid-without-no-log-init.md';
import zhCn from './useradd-high-uid-without-no-log-init.zh-cn.md';

const VALUE_OPTIONS = new Set([
  '-b', '--base-dir', '-c', '--comment', '-d', '--home', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid',
  '-G', '--groups', '-k', '--skel', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-s', '--shell',
  '-u', '--uid', '-Z', '--selinux-user', '--selinux-range', '--btrfs-subvolume-home',
]);

export const useraddHighUidWithoutNoLogInit: Rule = {
  id: 'useradd-high-uid-without-no-log-init',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3046' },
  description: 'useradd with a high UID without -l (--no-log-init)',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: '`-l` (safe)',
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      for (const inv of ctx.invocations(s.script)) {
        if (inv.program !== 'useradd') continue;
        const args = parseArgs(inv.args, VALUE_OPTIONS);
        if (args.has('-l', '--no-log-init')) continue;
        const uid = args.valueOf('-u', '--uid');
        if (uid === undefined || uid === null || !/^\d{6,}$/.test(uid)) continue;
        const fixes: Fix[] = [];
        if (!s.script.readOnly) {
          const at = s.script.toDoc(inv.programEnd, true);
          fixes.push({ title: t('Add -l (--no-log-init) to useradd'), edits: [{ start: at, end: at, newText: ' -l' }], safety: 'safe' });
        }
        ctx.report({
          start: s.script.toDoc(inv.programStart),
          end: s.script.toDoc(inv.command.end, true),
          message: t('useradd -u {0} without -l (--no-log-init) writes a sparse lastlog/faillog entry for that UID, which the layer stores in full', uid),
          fixes,
        });
      }
    }
  },
};
