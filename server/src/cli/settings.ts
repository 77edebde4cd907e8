/**
 * The CLI's settings for each file: defaults < the file's `.hadolint.yaml` < hadolint's
 * HADOLINT_* variables < flags (hadolint's order). Rule lists from all of them add up; for a
 * rule named in several, the later wins. The run-wide options (formats, failure threshold,
 * no-fail, no-color) come from `--config` or the config file found from the current folder.
 */
import * as path from 'node:path';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../configFiles';
import { configFromEnv, parseLabelList, resolveRuleCode, type ProjectConfig, type Threshold } from '../projectConfig';
import { DEFAULT_SETTINGS, mergeSettings, RULE_SETTING_VALUES, type RuleSetting, type Settings } from '../settings';
import type { Options } from './args';

export interface GlobalOptions {
  formats: string[];
  threshold: Threshold;
  noFail: boolean;
  noColor: boolean;
  verbose: boolean;
}

export class CliSettings {
  /** Bad flags or variables: the run stops with exit code 2. */
  readonly usageProblems: string[] = [];
  private readonly flags: Partial<Settings> = {};
  private readonly env: ProjectConfig;
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly bySettings = new Map<string, Settings>();

  constructor(private readonly opts: Options, env: NodeJS.ProcessEnv, private readonly cwd: string) {
    const fromEnv = configFromEnv(env);
    this.env = fromEnv.config;
    this.usageProblems.push(...fromEnv.problems);
    const rules: Record<string, RuleSetting> = {};
    for (const { code, level } of opts.rules) {
      const { ids, known } = resolveRuleCode(code);
      const v = level.toLowerCase() === 'information' ? 'info' : level.toLowerCase();
      if (!known) this.usageProblems.push(`unknown rule "${code}" (not a rule id, a hadolint code or a BuildKit check name; see --list-rules)`);
      else if (!(RULE_SETTING_VALUES as readonly string[]).includes(v)) this.usageProblems.push(`${code}: the level must be one of ${RULE_SETTING_VALUES.join(', ')}, not "${level}"`);
      else for (const id of ids) rules[id] = v as RuleSetting;
    }
    if (Object.keys(rules).length > 0) this.flags.rules = rules;
    if (opts.trustedRegistries.length > 0) this.flags.trustedRegistries = opts.trustedRegistries;
    if (opts.requireLabels.length > 0) {
      const { schema, problems } = parseLabelList(opts.requireLabels, '--require-label');
      this.flags.labelSchema = schema;
      this.usageProblems.push(...problems);
    }
    if (opts.strictLabels !== undefined) this.flags.strictLabels = opts.strictLabels;
    if (opts.disableIgnorePragma !== undefined) this.flags.disableIgnorePragma = opts.disableIgnorePragma;
  }

  private configFor(dir: string): LoadedConfig | undefined {
    let file: string | undefined;
    if (this.opts.config) file = path.resolve(this.cwd, this.opts.config);
    else if (this.byDir.has(dir)) file = this.byDir.get(dir);
    else {
      file = findConfigFile(dir, { cwd: this.cwd });
      this.byDir.set(dir, file);
    }
    if (!file) return undefined;
    let c = this.loaded.get(file);
    if (!c) this.loaded.set(file, (c = loadConfigFile(file)));
    return c;
  }

  /** The settings for a file (undefined: standard input, configured from the current folder). */
  forFile(file: string | undefined): Settings {
    const config = this.configFor(this.dirOf(file));
    const key = config?.file ?? '';
    let s = this.bySettings.get(key);
    if (!s) {
      s = mergeSettings(mergeSettings(mergeSettings(DEFAULT_SETTINGS, config?.config.settings ?? {}), this.env.settings), this.flags);
      this.bySettings.set(key, s);
    }
    return s;
  }

  global(): GlobalOptions {
    const c = this.configFor(this.cwd)?.config;
    const formats = this.opts.formats.length > 0 ? this.opts.formats : this.env.formats ?? c?.formats ?? [];
    return {
      formats: formats.length > 0 ? [...new Set(formats)] : ['tty'],
      threshold: this.opts.failureThreshold ?? this.env.failureThreshold ?? c?.failureThreshold ?? 'error',
      noFail: this.opts.noFail ?? this.env.noFail ?? c?.noFail ?? false,
      noColor: c?.noColor ?? false,
      verbose: this.opts.verbose ?? this.env.verbose ?? false,
    };
  }

  /** The configuration file a file gets (undefined: standard input's, from the current folder), if any. */
  configFileFor(file: string | undefined): string | undefined {
    return this.configFor(this.dirOf(file))?.file;
  }

  /** The folder a file's configuration is looked up from (standard input: the current folder). */
  private dirOf(file: string | undefined): string {
    return file === undefined ? this.cwd : path.dirname(path.resolve(this.cwd, file));
  }

  /** Every problem of every configuration file read, `file:line:col: message`. */
  configProblems(): string[] {
    return [...this.loaded.values()].flatMap((c) => c.messages);
  }
}
