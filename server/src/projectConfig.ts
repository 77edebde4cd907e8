/**
 * `.hadolint.yaml` / `.hadolint.yml`: the project configuration hadolint users already have.
 * Pure: text → configuration + problems with positions (the file lookup is in configFiles.ts).
 *
 * A problem never stops the rest: a bad value is reported and skipped, the other keys apply.
 * Keys (hadolint's): ignored, override.{error,warning,info,style}, failure-threshold,
 * trustedRegistries, label-schema, strict-labels, disable-ignore-pragma, no-fail, no-color,
 * format (or formats). Rule lists take our ids, hadolint codes and BuildKit check names.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { t } from './l10n';
import { rulesByCode } from './rules';
import type { Severity } from './rules/types';
import { LABEL_TYPES, type LabelType, type RuleSetting, type Settings } from './settings';

/** hadolint's failure thresholds: a finding at or above it fails the run; `none` never fails. */
export type Threshold = Severity | 'none';

export interface ProjectConfig {
  /** What the rules and the suppressions read (merged under the editor settings / CLI flags). */
  settings: Partial<Settings>;
  failureThreshold?: Threshold;
  noFail?: boolean;
  noColor?: boolean;
  formats?: string[];
  /** HADOLINT_VERBOSE (the CLI's `--verbose`). */
  verbose?: boolean;
}

export interface ConfigProblem {
  /** 0-based, like LSP positions. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
}

/** hadolint's severity names → ours (hadolint's `style` is our `hint`). */
export function severityFromHadolint(name: string): Severity | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'error' || n === 'warning' || n === 'info') return n;
  if (n === 'style' || n === 'hint') return 'hint';
  return undefined;
}

export function parseThreshold(name: string): Threshold | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'none' || n === 'ignore') return 'none';
  return severityFromHadolint(n);
}

export const THRESHOLD_NAMES = ['error', 'warning', 'info', 'style', 'ignore', 'none'];

/**
 * BuildKit check names (docs.docker.com/reference/build-checks/): accepted in rule lists even
 * before we have the rule, so a config written for BuildKit is not an error.
 */
const BUILDKIT_CHECKS = new Set([
  'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
  'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom',
  'InvalidDefinitionDescription', 'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated',
  'MultipleInstructionsDisallowed', 'NoEmptyContinuation', 'RedundantTargetPlatform', 'ReservedStageName',
  'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
].map((s) => s.toLowerCase()));

/**
 * The rule ids a code means. `known` is false for a name that is nothing we know: neither
 * one of our ids, nor a hadolint code (`DL3008`, or a ShellCheck `SC2086` hadolint passes
 * on) nor a BuildKit check name. A hadolint code we do not implement means no rule, quietly.
 */
export function resolveRuleCode(code: string): { ids: string[]; known: boolean } {
  const ids = rulesByCode(code).map((r) => r.id);
  if (ids.length > 0) return { ids, known: true };
  const c = code.trim();
  return { ids, known: /^(?:DL|SC)\d{4}$/i.test(c) || BUILDKIT_CHECKS.has(c.toLowerCase()) };
}

export const CONFIG_KEYS = [
  'ignored', 'override', 'failure-threshold', 'trustedRegistries', 'label-schema', 'strict-labels',
  'disable-ignore-pragma', 'no-fail', 'no-color', 'format', 'formats', 'verbose',
];

/** The report formats of the CLI (hadolint's names, plus `github`). */
export const FORMAT_NAMES = ['tty', 'json', 'sarif', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'github', 'junit', 'sonarqube', 'codacy'];

export const OVERRIDE_KEYS = ['error', 'warning', 'info', 'style'];

export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const lc = new LineCounter();
  const problems: ConfigProblem[] = [];
  const config: ProjectConfig = { settings: {} };
  const at = (start: number, end: number, message: string) => {
    const a = lc.linePos(start);
    const b = lc.linePos(Math.max(start, end));
    problems.push({ line: a.line - 1, character: a.col - 1, endLine: b.line - 1, endCharacter: b.col - 1, message });
  };
  const on = (node: Node | Pair | null | undefined, message: string) => {
    const n = node && 'range' in node ? node : (node as Pair | null | undefined)?.key as Node | undefined;
    const r = n?.range;
    if (r) at(r[0], r[1], message);
    else at(0, 0, message);
  };
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    at(0, 0, t('Invalid YAML: {0}', String((e as Error)?.message ?? e)));
    return { config, problems };
  }
  for (const err of doc.errors) at(err.pos[0], err.pos[1], t('Invalid YAML: {0}', err.message.split('\n')[0]));
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    on(root, t('The configuration must be a map of keys to values'));
    return { config, problems };
  }
  const rules: Record<string, RuleSetting> = {};
  const ignored: Record<string, true> = {};

  /** A list of strings (a lone string counts as a list of one). */
  const stringList = (node: unknown, key: string): { value: string; node: Node }[] | undefined => {
    if (isScalar(node) && node.value === null) return [];
    if (isScalar(node) && typeof node.value === 'string') return [{ value: node.value, node }];
    if (!isSeq(node)) {
      on(node as Node, t('"{0}" must be a list', key));
      return undefined;
    }
    const out: { value: string; node: Node }[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push({ value: String(item.value), node: item });
      else on(item as Node, t('"{0}" must be a list of strings', key));
    }
    return out;
  };
  const ruleList = (node: unknown, key: string, apply: (id: string) => void) => {
    for (const { value, node: n } of stringList(node, key) ?? []) {
      const { ids, known } = resolveRuleCode(value);
      if (!known) on(n, t('Unknown rule "{0}" in "{1}": not a rule id, a hadolint code or a BuildKit check name', value, key));
      for (const id of ids) apply(id);
    }
  };
  const bool = (node: unknown, key: string): boolean | undefined => {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    on(node as Node, t('"{0}" must be true or false', key));
    return undefined;
  };

  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value;
    switch (key) {
      case 'ignored':
        ruleList(value, key, (id) => (ignored[id] = true));
        break;
      case 'override': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          on(value as Node, t('"{0}" must be a map of severities (error, warning, info, style) to rule lists', key));
          break;
        }
        for (const p of value.items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          const sev = OVERRIDE_KEYS.includes(k) ? severityFromHadolint(k) : undefined;
          if (!sev) {
            on(p.key as Node, t('Unknown key "{0}" (known: {1})', `override.${k}`, OVERRIDE_KEYS.map((x) => `override.${x}`).join(', ')));
            continue;
          }
          ruleList(p.value, `override.${k}`, (id) => (rules[id] = sev));
        }
        break;
      }
      case 'failure-threshold': {
        const v = isScalar(value) && typeof value.value === 'string' ? parseThreshold(value.value) : undefined;
        if (v) config.failureThreshold = v;
        else on(value as Node, t('"{0}" must be one of {1}', key, THRESHOLD_NAMES.join(', ')));
        break;
      }
      case 'trustedRegistries': {
        const list = stringList(value, key);
        if (list) config.settings.trustedRegistries = list.map((x) => x.value.trim()).filter(Boolean);
        break;
      }
      case 'label-schema': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          on(value as Node, t('"{0}" must be a map of label names to one of {1}', key, LABEL_TYPES.join(', ')));
          break;
        }
        const schema: Record<string, LabelType> = {};
        for (const p of value.items) {
          const name = isScalar(p.key) ? String(p.key.value) : '';
          const type = isScalar(p.value) && typeof p.value.value === 'string' ? p.value.value.trim().toLowerCase() : '';
          if (name && (LABEL_TYPES as readonly string[]).includes(type)) schema[name] = type as LabelType;
          else on((p.value ?? p.key) as Node, t('"{0}" must be a map of label names to one of {1}', `${key}.${name}`, LABEL_TYPES.join(', ')));
        }
        config.settings.labelSchema = schema;
        break;
      }
      case 'strict-labels': {
        const b = bool(value, key);
        if (b !== undefined) config.settings.strictLabels = b;
        break;
      }
      case 'disable-ignore-pragma': {
        const b = bool(value, key);
        if (b !== undefined) config.settings.disableIgnorePragma = b;
        break;
      }
      case 'no-fail': {
        const b = bool(value, key);
        if (b !== undefined) config.noFail = b;
        break;
      }
      case 'no-color': {
        const b = bool(value, key);
        if (b !== undefined) config.noColor = b;
        break;
      }
      case 'verbose':
        bool(value, key);
        break;
      case 'format':
      case 'formats': {
        for (const { value: f, node: n } of stringList(value, key) ?? []) {
          if (FORMAT_NAMES.includes(f.trim())) (config.formats ??= []).push(f.trim());
          else on(n, t('"{0}" must be one of {1}', key, FORMAT_NAMES.join(', ')));
        }
        break;
      }
      default:
        on(keyNode, t('Unknown key "{0}" (known: {1})', key, CONFIG_KEYS.join(', ')));
    }
  }
  // `ignored` wins over `override` (hadolint drops ignored rules before it applies severities).
  for (const id of Object.keys(ignored)) rules[id] = 'off';
  if (Object.keys(rules).length > 0) config.settings.rules = rules;
  return { config, problems };
}

const TRUE = /^(?:1|true|yes|on)$/i;
const FALSE = /^(?:0|false|no|off|)$/i;

/**
 * hadolint's environment variables (the CLI reads them between the config file and the flags).
 * Problems name the variable.
 */
export function configFromEnv(env: NodeJS.ProcessEnv): { config: ProjectConfig; problems: string[] } {
  const config: ProjectConfig = { settings: {} };
  const problems: string[] = [];
  const csv = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
  const bool = (name: string): boolean | undefined => {
    const v = env[name];
    if (v === undefined) return undefined;
    if (TRUE.test(v.trim())) return true;
    if (FALSE.test(v.trim())) return false;
    problems.push(t('{0}: expected a truthy or falsy value (1, true, yes / 0, false, no), got "{1}"', name, v));
    return undefined;
  };
  const rules: Record<string, RuleSetting> = {};
  const codes = (name: string, apply: (id: string) => void) => {
    const v = env[name];
    if (v === undefined) return;
    for (const code of csv(v)) {
      const { ids, known } = resolveRuleCode(code);
      if (!known) problems.push(t('{0}: unknown rule "{1}": not a rule id, a hadolint code or a BuildKit check name', name, code));
      ids.forEach(apply);
    }
  };
  for (const k of OVERRIDE_KEYS) codes(`HADOLINT_OVERRIDE_${k.toUpperCase()}`, (id) => (rules[id] = severityFromHadolint(k)!));
  codes('HADOLINT_IGNORE', (id) => (rules[id] = 'off'));
  if (Object.keys(rules).length > 0) config.settings.rules = rules;
  if (env.HADOLINT_FAILURE_THRESHOLD !== undefined) {
    const v = parseThreshold(env.HADOLINT_FAILURE_THRESHOLD);
    if (v) config.failureThreshold = v;
    else problems.push(t('{0}: expected one of {1}, got "{2}"', 'HADOLINT_FAILURE_THRESHOLD', THRESHOLD_NAMES.join(', '), env.HADOLINT_FAILURE_THRESHOLD));
  }
  if (env.HADOLINT_TRUSTED_REGISTRIES !== undefined) config.settings.trustedRegistries = csv(env.HADOLINT_TRUSTED_REGISTRIES);
  if (env.HADOLINT_REQUIRE_LABELS !== undefined) {
    const { schema, problems: p } = parseLabelList(csv(env.HADOLINT_REQUIRE_LABELS), 'HADOLINT_REQUIRE_LABELS');
    config.settings.labelSchema = schema;
    problems.push(...p);
  }
  const strict = bool('HADOLINT_STRICT_LABELS');
  if (strict !== undefined) config.settings.strictLabels = strict;
  const noPragma = bool('HADOLINT_DISABLE_IGNORE_PRAGMA');
  if (noPragma !== undefined) config.settings.disableIgnorePragma = noPragma;
  const verbose = bool('HADOLINT_VERBOSE');
  if (verbose !== undefined) config.verbose = verbose;
  const noFail = bool('HADOLINT_NOFAIL');
  if (noFail !== undefined) config.noFail = noFail;
  if (env.HADOLINT_FORMAT !== undefined) {
    for (const f of csv(env.HADOLINT_FORMAT)) {
      if (FORMAT_NAMES.includes(f)) (config.formats ??= []).push(f);
      else problems.push(t('{0}: expected one of {1}, got "{2}"', 'HADOLINT_FORMAT', FORMAT_NAMES.join(', '), f));
    }
  }
  return { config, problems };
}

/** `name:type` items (`--require-label`, HADOLINT_REQUIRE_LABELS). */
export function parseLabelList(items: readonly string[], source: string): { schema: Record<string, LabelType>; problems: string[] } {
  const schema: Record<string, LabelType> = {};
  const problems: string[] = [];
  for (const item of items) {
    const i = item.lastIndexOf(':');
    const name = i > 0 ? item.slice(0, i).trim() : '';
    const type = i > 0 ? item.slice(i + 1).trim().toLowerCase() : '';
    if (name && (LABEL_TYPES as readonly string[]).includes(type)) schema[name] = type as LabelType;
    else problems.push(t('{0}: expected <label>:<type> with a type of {1}, got "{2}"', source, LABEL_TYPES.join(', '), item));
  }
  return { schema, problems };
}
