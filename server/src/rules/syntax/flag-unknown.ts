/**
 * flag-unknown — a `--flag` the instruction does not have (`COPY --form=build`, `RUN --mnt=…`,
 * `ENV --x`), or one written in the wrong case (`--Chown`). BuildKit stops with
 * "Unknown flag: …". Offers the closest flag as an unsafe fix.
 */
import { t } from '../../l10n';
import type { Fix, Rule } from '../types';
import { closest, flaggedInstructions } from './_flags';
import en from './flag-unknown.md';
import zhCn from './flag-unknown.zh-cn.md';

export const flagUnknown: Rule = {
  id: 'flag-unknown',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Unknown flag',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'closest flag (unsafe)',
  check({ model, report }) {
    for (const { ins, specs, flags } of flaggedInstructions(model)) {
      if (!specs) continue;
      const names = specs.map((s) => s.name);
      for (const f of flags) {
        if (names.includes(f.name)) continue;
        const start = f.start;
        const end = f.nameEnd > f.start ? f.nameEnd : f.end;
        if (specs.length === 0) {
          report({
            start, end,
            message: ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT'
              ? t('{0} takes no flags: BuildKit stops with "Unknown flag: {1}" (to pass it to the program, use the JSON form: {0} ["--{1}", …])', ins.keyword, f.name)
              : t('{0} takes no flags: BuildKit stops with "Unknown flag: {1}"', ins.keyword, f.name),
          });
          continue;
        }
        const guess = closest(f.name, names);
        const fixes: Fix[] = guess && f.nameEnd > f.nameStart
          ? [{ title: t('Change to --{0}', guess), edits: [{ start: f.nameStart, end: f.nameEnd, newText: guess }], safety: 'unsafe' }]
          : [];
        report({
          start,
          end,
          message: guess
            ? t('Unknown flag --{0} for {1} (did you mean --{2}?)', f.name, ins.keyword, guess)
            : t('Unknown flag --{0} for {1}: it accepts {2}', f.name, ins.keyword, names.map((n) => `--${n}`).join(', ')),
          fixes,
        });
      }
    }
  },
};
