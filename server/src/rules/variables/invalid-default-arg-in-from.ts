/**
 * invalid-default-arg-in-from — BuildKit's InvalidDefaultArgInFrom: with only the defaults of
 * the global ARGs (no `--build-arg`), a FROM that uses them names no valid image: `ARG TAG`
 * without a default makes `FROM alpine:$TAG` read `alpine:`. Only FROM lines with variables
 * (a literal malformed reference is a syntax finding); undeclared names are
 * undefined-arg-in-from's.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { PLATFORM_ARGS, PLATFORM_VALUES, expandWord, isPredefinedAnywhere } from './_vars';
import { recordFromFacts, type ArgFromFact } from './_from';
import en from './invalid-default-arg-in-from.md';
import zhCn from './invalid-default-arg-in-from.zh-cn.md';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_PART = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Whether BuildKit's reference parser (ParseNormalizedNamed) accepts `ref`. */
export function isValidReference(ref: string): boolean {
  if (ref.length === 0 || ref.length > 512) return false;
  let rest = ref;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (!DIGEST.test(rest.slice(at + 1))) return false;
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    if (!TAG.test(rest.slice(colon + 1))) return false;
    rest = rest.slice(0, colon);
  }
  if (rest.length === 0 || rest.length > 255) return false;
  const parts = rest.split('/');
  const first = parts[0];
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    let host = first;
    const port = /:([0-9]+)$/.exec(host);
    if (port) host = host.slice(0, port.index);
    else if (host.includes(':')) return false;
    if (!host.split('.').every((p) => DOMAIN_PART.test(p))) return false;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) return false;
  // A bare 64-hex name is refused (it would be an image ID).
  if (parts.length === 1 && /^[a-f0-9]{64}$/.test(parts[0])) return false;
  return true;
}

export const invalidDefaultArgInFrom: Rule = {
  id: 'invalid-default-arg-in-from',
  defaultSeverity: 'warning',
  related: { buildkit: 'InvalidDefaultArgInFrom' },
  description: 'The default of a global ARG makes the FROM image empty or invalid',
  docs: { en, 'zh-cn': zhCn },
  check: recordFromFacts,
  checkFile(ctx) {
    const facts = ctx.facts as ArgFromFact[];
    const values = new Map<string, string>(Object.entries(PLATFORM_VALUES));
    const declared = new Set<string>(PLATFORM_ARGS);
    let escape = '\\';
    for (const f of facts) if (f.kind === 'from') escape = f.escape;
    for (const f of facts) {
      if (f.kind !== 'global') continue;
      for (const a of f.args) {
        declared.add(a.name);
        if (a.value === null) {
          values.delete(a.name);
          continue;
        }
        const ex = expandWord(a.value, escape, (n) => values.get(n));
        values.set(a.name, ex.value);
      }
    }
    for (const f of facts) {
      if (f.kind !== 'from' || !f.image.includes('$')) continue;
      const ex = expandWord(f.image, f.escape, (n) => values.get(n));
      if (ex.error) continue;
      // Undeclared names are undefined-arg-in-from's finding.
      if (ex.refs.some((r) => !declared.has(r.name) && !isPredefinedAnywhere(r.name))) continue;
      if (isValidReference(ex.value)) continue;
      const unset = [...new Set(ex.refs.filter((r) => !values.has(r.name) || values.get(r.name) === '').map((r) => r.name))];
      // Every variable has a non-empty default (`ARG SFX="box:"`): one of those defaults is wrong.
      const used = [...new Set(ex.refs.map((r) => r.name))].join(', ');
      ctx.report({
        range: f.imageRange,
        message: unset.length === 0
          ? t('With the default ARG values the base image name "{0}" is invalid: {1} (check the default value of {2})', ex.value, f.image, used)
          : ex.value === ''
            ? t('With the default ARG values the base image name is empty: {0} (give {1} a default value)', f.image, unset.join(', '))
            : t('With the default ARG values the base image name "{0}" is invalid: {1} (give {2} a default value)', ex.value, f.image, unset.join(', ')),
        instructionLine: f.instruction.start.line,
      });
    }
  },
};
