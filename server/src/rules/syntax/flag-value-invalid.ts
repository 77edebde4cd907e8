/**
 * flag-value-invalid — a flag whose value BuildKit rejects: a value missing (`--chown`,
 * `--link=`), a boolean flag given something else (`--link=yes`), `RUN --network=bridge`,
 * `RUN --security=privileged`, a HEALTHCHECK duration that does not parse or is under 1 ms,
 * negative or non-numeric `--retries`, a malformed `--checksum`, `--chmod` or `--platform`,
 * `COPY --from=` something that is no stage or image name. Values with variables are not judged.
 */
import { t } from '../../l10n';
import type { Fix, Rule } from '../types';
import { badDurationUnit, closest, parseGoDuration, type FlagSpec, type ScannedFlag, flaggedInstructions } from './_flags';
import en from './flag-value-invalid.md';
import zhCn from './flag-value-invalid.zh-cn.md';

const CHECKSUM_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128, blake3: 64 };

/** Whether BuildKit's platform parser accepts `v` (`os[/arch[/variant]]`, an OS version in parentheses). */
export function isPlatformSpecifier(v: string): boolean {
  return /^[A-Za-z0-9_.-]+(?:\([^()]*\))?(?:\/[A-Za-z0-9_.-]+){0,2}$/.test(v);
}

/** Why BuildKit rejects this value, or null when it accepts it. */
function problem(spec: FlagSpec, f: ScannedFlag): string | null {
  const v = f.value;
  if (spec.kind === 'bool') {
    if (v === null) return null;
    if (v === '') return t('--{0}= needs a value: write --{0} or --{0}=true|false', spec.name);
    return ['true', 'false'].includes(v.toLowerCase()) ? null : t('--{0} expects true or false, not "{1}"', spec.name, v);
  }
  if (v === null) return t('--{0} needs a value: --{0}=…', spec.name);
  if (v.includes('$')) return null;
  if (spec.values && !spec.values.includes(v)) {
    const guess = closest(v, spec.values);
    return guess
      ? t('--{0}={1} is not valid: use {2} (did you mean {3}?)', spec.name, v, spec.values.join(', '), guess)
      : t('--{0}={1} is not valid: use {2}', spec.name, v, spec.values.join(', '));
  }
  switch (spec.check) {
    case 'duration': {
      if (v === '') return null;
      const ns = parseGoDuration(v);
      if (ns === null) {
        const unit = badDurationUnit(v);
        if (/^[-+]?\d+(?:\.\d*)?$/.test(v)) return t('--{0}={1}: a duration needs a unit, e.g. {1}s', spec.name, v);
        return unit
          ? t('--{0}={1}: unknown unit "{2}" (use ns, us, ms, s, m or h)', spec.name, v, unit)
          : t('--{0}={1} is not a duration (e.g. 30s, 1m30s)', spec.name, v);
      }
      if (ns !== 0 && ns < 1e6) return t('--{0}={1}: the duration cannot be less than 1ms', spec.name, v);
      return null;
    }
    case 'retries':
      if (v === '') return null;
      if (!/^[+-]?\d+$/.test(v) || Math.abs(Number(v)) > 2147483647) return t('--retries={0} is not a whole number', v);
      return Number(v) < 0 ? t('--retries cannot be negative ({0})', v) : null;
    case 'checksum': {
      if (v === '') return null;
      const m = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):(.*)$/.exec(v);
      if (!m) return t('--checksum={0}: expected <algorithm>:<hex digest>, e.g. sha256:…', v);
      const len = CHECKSUM_HEX[m[1]];
      if (len === undefined) return t('--checksum: unsupported algorithm "{0}" (use sha256, sha384 or sha512)', m[1]);
      if (!/^[a-f0-9]*$/.test(m[2]) || m[2].length !== len) return t('--checksum: a {0} digest is {1} lower-case hex characters', m[1], len);
      return null;
    }
    case 'chmod':
      if (v === '' || /^[0-7]{1,4}$/.test(v) || /^[ugoa]*[-+=][rwxXst]*(?:,[ugoa]*[-+=][rwxXst]*)*$/.test(v)) return null;
      return t('--chmod={0}: expected octal permissions such as 0755 (or symbolic, such as u=rwx,go=rx)', v);
    case 'platform':
      if (v === '') return null;
      return isPlatformSpecifier(v)
        ? null
        : t('--platform={0}: expected os[/arch[/variant]], e.g. linux/amd64', v);
    case 'from':
      return v === '' || /^[A-Za-z0-9]/.test(v) ? null : t('--from={0}: not a stage name or image reference', v);
    default:
      return null;
  }
}

export const flagValueInvalid: Rule = {
  id: 'flag-value-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid flag value',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'closest value (unsafe)',
  check({ model, report }) {
    for (const { specs, flags } of flaggedInstructions(model)) {
      if (!specs || specs.length === 0) continue;
      for (const f of flags) {
        const spec = specs.find((s) => s.name === f.name);
        if (!spec) continue;
        const message = problem(spec, f);
        if (!message) continue;
        const hasValue = f.value !== null && f.value !== '';
        const fixes: Fix[] = [];
        if (spec.values && f.value !== null && hasValue && model.text.slice(f.valueStart, f.valueEnd) === f.value) {
          const guess = closest(f.value, spec.values);
          if (guess) fixes.push({ title: t('Change to --{0}={1}', spec.name, guess), edits: [{ start: f.valueStart, end: f.valueEnd, newText: guess }], safety: 'unsafe' });
        }
        report({ start: hasValue ? f.valueStart : f.start, end: hasValue ? f.valueEnd : f.end, message, fixes });
      }
    }
  },
};
