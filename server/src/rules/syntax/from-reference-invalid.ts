/**
 * from-reference-invalid — a base image BuildKit cannot parse as a reference: an upper-case
 * repository (`FROM Ubuntu`), an empty or malformed tag (`FROM node:`, `FROM node:18 alpine`
 * is extra-arguments), a digest that is not `algorithm:hex` (`@sha256:abc`), a bad registry
 * host. References with variables are left to the variables rules (they are only known after
 * expansion); names of earlier stages are not references.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { plainArgs, referenceProblem } from './_words';
import en from './from-reference-invalid.md';
import zhCn from './from-reference-invalid.zh-cn.md';

export const fromReferenceInvalid: Rule = {
  id: 'from-reference-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid image reference in FROM',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'lower-case repository (unsafe)',
  check({ model, report, stageOf }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const image = plainArgs(ins)[0];
      // Variables are known only at build time; quotes and escapes are removed by the expander first.
      if (!image || /[$"'\\`]/.test(image.value) || image.value === 'scratch') continue;
      // `FROM <earlier stage>` (matched case-insensitively): what it inherits is that stage's.
      const view = stageOf(ins);
      if (view && (view.inherited.image !== view.from || view.inherited.shell !== null)) continue;
      // The word as written: references never contain quotes or escapes, so offsets match.
      const raw = model.text.slice(image.start, image.end);
      if (raw !== image.value) continue;
      const p = referenceProblem(raw);
      if (!p) continue;
      const start = image.start + p.start;
      const end = Math.max(image.start + p.end, start + 1);
      const word = raw.slice(p.start, p.end);
      switch (p.kind) {
        case 'uppercase':
          report({
            start, end,
            message: t('Repository names must be lower case: "{0}" (BuildKit: invalid reference format)', word),
            fixes: [{ title: t('Change to {0}', word.toLowerCase()), edits: [{ start, end, newText: word.toLowerCase() }], safety: 'unsafe' }],
          });
          break;
        case 'tag':
          report({ start: word ? start : image.start, end: word ? end : image.end, message: word ? t('Invalid tag "{0}": letters, digits, _ . - only, at most 128, not starting with . or -', word) : t('Empty tag after ":" in "{0}"', raw) });
          break;
        case 'digest':
          report({ start: word ? start : image.start, end: word ? end : image.end, message: t('Invalid digest "{0}": expected algorithm:hex, e.g. sha256: and 64 hex characters', word) });
          break;
        case 'length':
          report({ start, end, message: t('Repository name longer than 255 characters') });
          break;
        default:
          report({
            start, end,
            message: word === ''
              ? t('Invalid image reference "{0}": the repository name is missing', raw)
              : t('Invalid image reference "{0}": "{1}" is not a valid repository or registry name', raw, word),
          });
      }
    }
  },
};
