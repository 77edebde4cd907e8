/**
 * The registry: every rule, in the order they run. A meta-test checks that every file in
 * this folder is registered here and has its docs (English and Chinese) and its tests.
 */
import type { Rule } from './types';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { apkAddWithoutNoCache } from './apk-add-without-no-cache';
import { consecutiveRun } from './consecutive-run';
import { instructionBeforeFrom } from './instruction-before-from';
import { invalidJsonForm } from './invalid-json-form';
import { missingArguments } from './missing-arguments';
import { unknownInstruction } from './unknown-instruction';

export const RULES: readonly Rule[] = [
  unknownInstruction,
  instructionBeforeFrom,
  missingArguments,
  invalidJsonForm,
  addInsteadOfCopy,
  apkAddWithoutNoCache,
  consecutiveRun,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export const DOCS_BASE = 'https://github.com/dockerfile-doctor/dockerfile-doctor/blob/main/server/src/rules/';

export function docsUrl(rule: Rule): string {
  return `${DOCS_BASE}${rule.id}.md`;
}
