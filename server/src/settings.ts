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
  /** `dockerfileDoctor.fixAll.unsafe`: fix-all on save also applies unsafe fixes. */
  fixAllUnsafe: boolean;
  /** Formatting (document, range, on type). */
  format: { alignContinuations: boolean };
  inlayHints: {
    /** Show the default of an ARG after a `$VAR` that reads it (FROM, ENV, COPY, ADD, WORKDIR, LABEL). */
    argDefaults: boolean;
  };
  /** `dockerfileDoctor.buildContext`: the build context folder (absolute, or relative to the workspace folder). */
  buildContext?: string;
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
  // Scalars and sections (enable, fixAllUnsafe, format, inlayHints, buildContext …): `over` wins.
  for (const [k, v] of Object.entries(over) as [keyof Settings, unknown][]) {
    if (v !== undefined && k !== 'rules' && k !== 'trustedRegistries' && k !== 'labelSchema') (out as unknown as Record<string, unknown>)[k] = v;
  }
  if (over.trustedRegistries) out.trustedRegistries = [...new Set([...(base.trustedRegistries ?? []), ...over.trustedRegistries])];
  if (over.labelSchema) out.labelSchema = { ...base.labelSchema, ...over.labelSchema };
  if (over.strictLabels !== undefined) out.strictLabels = over.strictLabels;
  if (over.disableIgnorePragma !== undefined) out.disableIgnorePragma = over.disableIgnorePragma;
  return out;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: Object.freeze({}) as Record<string, RuleSetting>,
  fixAllUnsafe: false,
  format: Object.freeze({ alignContinuations: false }),
  inlayHints: Object.freeze({ argDefaults: false }),
});

export interface Normalized {
  settings: Settings;
  problems: string[];
}

/** Accepts the `dockerfileDoctor` section of the configuration, however malformed. */
export function normalizeSettings(raw: unknown): Normalized {
  const problems: string[] = [];
  const settings: Settings = { enable: true, rules: {}, fixAllUnsafe: false, format: { alignContinuations: false }, inlayHints: { argDefaults: false } };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: [`dockerfileDoctor: expected an object, got ${JSON.stringify(raw)}`] };
  }
  const r = raw as Record<string, unknown>;
  if (r.enable !== undefined) {
    if (typeof r.enable === 'boolean') settings.enable = r.enable;
    else problems.push(`dockerfileDoctor.enable: expected true or false, got ${JSON.stringify(r.enable)}`);
  }
  const fixAllSection = r.fixAll;
  if (fixAllSection !== undefined && fixAllSection !== null) {
    // `dockerfileDoctor.fixAll.unsafe` arrives as { fixAll: { unsafe } }; a flat key too from other editors.
    const unsafe = typeof fixAllSection === 'object' ? (fixAllSection as Record<string, unknown>).unsafe : undefined;
    if (typeof unsafe === 'boolean') settings.fixAllUnsafe = unsafe;
    else if (unsafe !== undefined) problems.push(`dockerfileDoctor.fixAll.unsafe: expected true or false, got ${JSON.stringify(unsafe)}`);
  }
  if (r.buildContext !== undefined && r.buildContext !== null && r.buildContext !== '') {
    if (typeof r.buildContext === 'string') settings.buildContext = r.buildContext;
    else problems.push(`dockerfileDoctor.buildContext: expected a folder path, got ${JSON.stringify(r.buildContext)}`);
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
  if (r.format !== undefined && r.format !== null) {
    const f = r.format as Record<string, unknown>;
    if (typeof f !== 'object' || Array.isArray(f)) {
      problems.push('dockerfileDoctor.format: expected an object');
    } else if (f.alignContinuations !== undefined) {
      if (typeof f.alignContinuations === 'boolean') settings.format.alignContinuations = f.alignContinuations;
      else problems.push(`dockerfileDoctor.format.alignContinuations: expected true or false, got ${JSON.stringify(f.alignContinuations)}`);
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
