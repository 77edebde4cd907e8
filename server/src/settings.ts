/**
 * Settings: defaults + normalise(raw) → typed Settings. Unknown keys and bad values are
 * reported as problems (shown to the user once) and ignored, never thrown.
 */
import { RULES_BY_ID, rulesByCode } from './rules';
import type { Severity } from './rules/types';

export type RuleSetting = Severity | 'off';
export const RULE_SETTING_VALUES: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The value types of hadolint's `label-schema` (DL3049–DL3058). */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

export interface Settings {
  enable: boolean;
  /** Rule id → severity override. */
  rules: Record<string, RuleSetting>;
  /**
   * What the config-driven rules read (from `.hadolint.yaml`, hadolint's environment variables
   * or CLI flags). Read only in a rule's `checkFile`, never in `check`: a chunk's cached result
   * must not depend on settings (lint.ts caches chunks by text alone).
   */
  trustedRegistries?: readonly string[];
  labelSchema?: Readonly<Record<string, LabelType>>;
  strictLabels?: boolean;
  /** Inline `# hadolint ignore=…` / `# dockerfile-doctor ignore=…` comments are not honoured. */
  disableIgnorePragma?: boolean;
}

/**
 * `over` on top of `base`: per-rule severities and scalars from `over` win, lists add up
 * (hadolint merges its config, environment and flags the same way).
 */
export function mergeSettings(base: Settings, over: Partial<Settings>): Settings {
  const out: Settings = { ...base, rules: { ...base.rules, ...over.rules } };
  if (over.enable !== undefined) out.enable = over.enable;
  if (over.trustedRegistries) out.trustedRegistries = [...new Set([...(base.trustedRegistries ?? []), ...over.trustedRegistries])];
  if (over.labelSchema) out.labelSchema = { ...base.labelSchema, ...over.labelSchema };
  if (over.strictLabels !== undefined) out.strictLabels = over.strictLabels;
  if (over.disableIgnorePragma !== undefined) out.disableIgnorePragma = over.disableIgnorePragma;
  return out;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ enable: true, rules: Object.freeze({}) as Record<string, RuleSetting> });

export interface Normalized {
  settings: Settings;
  problems: string[];
}

/** Accepts the `dockerfileDoctor` section of the configuration, however malformed. */
export function normalizeSettings(raw: unknown): Normalized {
  const problems: string[] = [];
  const settings: Settings = { enable: true, rules: {} };
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
      for (const [key, value] of Object.entries(r.rules as Record<string, unknown>)) {
        // Our ids, hadolint codes (DL3008) and BuildKit check names (JSONArgsRecommended) alike.
        const ids = rulesByCode(key).map((x) => x.id);
        if (ids.length === 0) {
          problems.push(`dockerfileDoctor.rules: unknown rule "${key}" (known: ${[...RULES_BY_ID.keys()].join(', ')}, or their hadolint / BuildKit codes)`);
          continue;
        }
        const v = typeof value === 'string' ? value.toLowerCase() : value;
        const mapped = v === 'information' ? 'info' : v;
        if (typeof mapped === 'string' && (RULE_SETTING_VALUES as readonly string[]).includes(mapped)) {
          for (const id of ids) settings.rules[id] = mapped as RuleSetting;
        } else {
          problems.push(`dockerfileDoctor.rules.${key}: expected one of ${RULE_SETTING_VALUES.join(', ')}, got ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return { settings, problems };
}
