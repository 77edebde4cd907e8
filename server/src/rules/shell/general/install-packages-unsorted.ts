/**
 * install-packages-unsorted — the packages of an install command are not in alphabetical order,
 * or the same package is listed twice. Opt-in (a matter of taste): a sorted list is easier to
 * scan and review, and merge conflicts on it are easier to resolve.
 *
 * Reads the shell parse (`_sort.ts`): `apt-get/apt install`, `apk add`, `yum/dnf/microdnf
 * install`, `zypper install|in`, `pip install`, `gem install`, `npm install -g`, through
 * wrappers, in every script of a RUN (heredocs, `ONBUILD RUN`, `sh -c`). Only runs of plain
 * package words are compared; flags, expansions, globs and comment lines split the list.
 *
 * Fix: sort each run and drop exact duplicates, in place (continuation layout kept). Safe for
 * apt, apk and the RPM tools (one transaction: the order changes nothing); unsafe for pip, gem
 * and npm (see the docs).
 */
import { t } from '../../../l10n';
import type { Rule } from '../../types';
import { sortPlans, type SortPlan } from './_sort';
import en from './install-packages-unsorted.md';
import zhCn from './install-packages-unsorted.zh-cn.md';

export function sortMessage(plan: SortPlan): string {
  const dups = [...new Set(plan.duplicates)].join(', ');
  if (!plan.reordered) return t('{0} lists the same package more than once ({1})', plan.label, dups);
  if (dups) return t('The packages of {0} are not in alphabetical order, and some are listed twice ({1})', plan.label, dups);
  return t('The packages of {0} are not in alphabetical order', plan.label);
}

export function sortTitle(plan: SortPlan): string {
  if (plan.duplicates.length === 0) return t('Sort the packages');
  return plan.reordered ? t('Sort the packages and drop the duplicates') : t('Drop the duplicate packages');
}

export const installPackagesUnsorted: Rule = {
  id: 'install-packages-unsorted',
  defaultSeverity: 'info',
  scope: 'instruction',
  enabledByDefault: false,
  related: {},
  description: 'Packages of an install command are not sorted alphabetically or are listed twice',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'sort, drop duplicates (safe; pip/gem/npm unsafe)',
  check(ctx) {
    const { model } = ctx;
    for (const { script } of ctx.shellScripts()) {
      for (const plan of sortPlans(model.text, script, ctx.invocations(script), model.escape)) {
        ctx.report({
          start: plan.start,
          end: plan.end,
          message: sortMessage(plan),
          fixes: [{ title: sortTitle(plan), edits: plan.edits, safety: plan.safety }],
        });
      }
    }
  },
};
