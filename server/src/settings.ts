/**
 * Settings: defaults + normalise(raw) → typed Settings. Unknown keys and bad values are
 * reported as problems (shown to the user once) and ignored, never thrown.
 */
import { RULES_BY_ID } from './rules';
import type { Severity } from './rules/types';

export type RuleSetting = Severity | 'off';
export const RULE_SETTING_VALUES: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface Settings {
  enable: boolean;
  /** Rule id → severity override. */
  rules: Record<string, RuleSetting>;
  /** Formatting (document, range, on type). */
  format: { alignContinuations: boolean };
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: Object.freeze({}) as Record<string, RuleSetting>,
  format: Object.freeze({ alignContinuations: false }),
});

export interface Normalized {
  settings: Settings;
  problems: string[];
}

/** Accepts the `dockerfileDoctor` section of the configuration, however malformed. */
export function normalizeSettings(raw: unknown): Normalized {
  const problems: string[] = [];
  const settings: Settings = { enable: true, rules: {}, format: { alignContinuations: false } };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: [`dockerfileDoctor: expected an object, got ${JSON.stringify(raw)}`] };
  }
  const r = raw as Record<string, unknown>;
  if (r.enable !== undefined) {
    if (typeof r.enable === 'boolean') settings.enable = r.enable;
    else problems.push(`dockerfileDoctor.enable: expected true or false, got ${JSON.stringify(r.enable)}`);
  }
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) {
      problems.push(`dockerfileDoctor.rules: expected an object mapping rule ids to ${RULE_SETTING_VALUES.join('/')}`);
    } else {
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!RULES_BY_ID.has(id)) {
          problems.push(`dockerfileDoctor.rules: unknown rule "${id}" (known: ${[...RULES_BY_ID.keys()].join(', ')})`);
          continue;
        }
        const v = typeof value === 'string' ? value.toLowerCase() : value;
        const mapped = v === 'information' ? 'info' : v;
        if (typeof mapped === 'string' && (RULE_SETTING_VALUES as readonly string[]).includes(mapped)) {
          settings.rules[id] = mapped as RuleSetting;
        } else {
          problems.push(`dockerfileDoctor.rules.${id}: expected one of ${RULE_SETTING_VALUES.join(', ')}, got ${JSON.stringify(value)}`);
        }
      }
    }
  }
  if (r.format !== undefined && r.format !== null) {
    const f = r.format as Record<string, unknown>;
    if (typeof f !== 'object' || Array.isArray(f)) {
      problems.push('dockerfileDoctor.format: expected an object');
    } else if (f.alignContinuations !== undefined) {
      if (typeof f.alignContinuations === 'boolean') settings.format.alignContinuations = f.alignContinuations;
      else problems.push(`dockerfileDoctor.format.alignContinuations: expected true or false, got ${JSON.stringify(f.alignContinuations)}`);
    }
  }
  return { settings, problems };
}
