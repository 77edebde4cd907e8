/**
 * unused-ignore — an ignore comment (`# hadolint ignore=…`, `# dockerfile-doctor ignore=…`,
 * their `stage` and `global` forms) naming a rule that reports nothing where the comment
 * applies (ruff's unused-noqa). The engine decides it (lint.ts `unusedIgnores`), after every
 * other rule: only it knows what each comment suppressed. Codes of rules that are off and codes
 * we do not implement (a hadolint rule we lack) are never reported.
 */
import type { Rule } from '../types';
import en from './unused-ignore.md';
import zhCn from './unused-ignore.zh-cn.md';

export const UNUSED_IGNORE = 'unused-ignore';

export const unusedIgnore: Rule = {
  id: UNUSED_IGNORE,
  defaultSeverity: 'hint',
  related: {},
  description: 'Ignore comment that suppresses nothing',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'remove it (safe; unsafe on `# hadolint` comments)',
  check() {
    // Reported by the engine (lint.ts), which knows what each ignore comment suppressed.
  },
};
