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
  inlayHints: {
    /** Show the default of an ARG after a `$VAR` that reads it (FROM, ENV, COPY, ADD, WORKDIR, LABEL). */
    argDefaults: boolean;
  };
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: Object.freeze({}) as Record<string, RuleSetting>,
  inlayHints: Object.freeze({ argDefaults: false }),
});

export interface Normalized {
  settings: Settings;
  problems: string[];
}

/** Accepts the `dockerfileDoctor` section of the configuration, however malformed. */
export function normalizeSettings(raw: unknown): Normalized {
  const problems: string[] = [];
  const settings: Settings = { enable: true, rules: {}, inlayHints: { argDefaults: false } };
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
  // `inlayHints.argDefaults` arrives nested (VS Code) or as a dotted key (hand-written settings).
  const hints = r.inlayHints;
  const argDefaults = hints && typeof hints === 'object' && !Array.isArray(hints) && 'argDefaults' in hints
    ? (hints as Record<string, unknown>).argDefaults : r['inlayHints.argDefaults'];
  if (hints !== undefined && hints !== null && (typeof hints !== 'object' || Array.isArray(hints))) {
    problems.push(`dockerfileDoctor.inlayHints: expected an object, got ${JSON.stringify(hints)}`);
  } else if (argDefaults !== undefined && argDefaults !== null) {
    if (typeof argDefaults === 'boolean') settings.inlayHints.argDefaults = argDefaults;
    else problems.push(`dockerfileDoctor.inlayHints.argDefaults: expected true or false, got ${JSON.stringify(argDefaults)}`);
  }
  return { settings, problems };
}
