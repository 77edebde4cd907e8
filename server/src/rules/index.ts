/**
 * The registry: every rule, grouped in folders by what it reads, in the order they run.
 * A meta-test checks that every rule file under this folder is registered here (through its
 * folder's index.ts) and has its docs (English and Chinese) and its tests; the settings schema
 * in package.json, the `rule.<id>` descriptions and the README's rules table are generated from
 * this registry by `node scripts/gen.mjs` (the meta-test fails when they drift).
 */
import type { Rule } from './types';
import { rules as syntax } from './syntax';
import { rules as instructions } from './instructions';
import { rules as stages } from './stages';
import { rules as variables } from './variables';
import { rules as style } from './style';
import { rules as context } from './context';
import { rules as apk } from './shell/apk';
import { rules as apt } from './shell/apt';
import { rules as lang } from './shell/lang';
import { rules as cache } from './shell/cache';
import { rules as rpm } from './shell/rpm';
import { rules as general } from './shell/general';
import { rules as config } from './config';

/** Each folder and its rules. */
export const RULE_GROUPS: readonly { dir: string; rules: readonly Rule[] }[] = [
  { dir: 'syntax', rules: syntax },
  { dir: 'instructions', rules: instructions },
  { dir: 'stages', rules: stages },
  { dir: 'variables', rules: variables },
  { dir: 'style', rules: style },
  { dir: 'context', rules: context },
  { dir: 'shell/apk', rules: apk },
  { dir: 'shell/apt', rules: apt },
  { dir: 'shell/lang', rules: lang },
  { dir: 'shell/cache', rules: cache },
  { dir: 'shell/rpm', rules: rpm },
  { dir: 'shell/general', rules: general },
  { dir: 'config', rules: config },
];

export const RULES: readonly Rule[] = RULE_GROUPS.flatMap((g) => g.rules);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

const DIR_OF: ReadonlyMap<string, string> = new Map(RULE_GROUPS.flatMap((g) => g.rules.map((r) => [r.id, g.dir] as [string, string])));

/**
 * The rules a user means by an id, a hadolint code (`DL3008`) or a BuildKit check name
 * (`JSONArgsRecommended`), codes case-insensitively: everywhere a user names a rule, any of the
 * three works. A BuildKit check can cover several of our rules (MultipleInstructionsDisallowed
 * is hadolint's DL4003, DL4004 and DL3012): its name then means all of them.
 */
const BY_CODE: ReadonlyMap<string, Rule[]> = (() => {
  const m = new Map<string, Rule[]>();
  const add = (k: string, r: Rule) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of RULES) {
    if (r.related.hadolint) add(r.related.hadolint.toLowerCase(), r);
    if (r.related.buildkit) add(r.related.buildkit.toLowerCase(), r);
  }
  return m;
})();

export function rulesByCode(code: string): readonly Rule[] {
  const byId = RULES_BY_ID.get(code);
  return byId ? [byId] : BY_CODE.get(code.trim().toLowerCase()) ?? [];
}

export const DOCS_BASE = 'https://github.com/dockerfile-doctor/dockerfile-doctor/blob/main/server/src/rules/';

/** The rule's folder under server/src/rules (e.g. `shell/apk`). */
export function ruleDir(rule: Rule): string {
  return DIR_OF.get(rule.id) ?? '';
}

export function docsUrl(rule: Rule): string {
  return `${DOCS_BASE}${ruleDir(rule)}/${rule.id}.md`;
}
