/**
 * What the BuildKit cache-mount rules (hadolint DL3069–DL3077) share. A rule only says which
 * commands of its tool download or build (`trigger`), where that command keeps its caches
 * (`dirs`, read from the command's environment: `A=1 cmd`, `export A=…` earlier in the script,
 * `ENV`/`ARG` earlier in the stage, the official base image's defaults) and hadolint's test
 * (a cache or tmpfs mount whose target contains one of its fragments). This module decides:
 * a RUN is reported once, at its first command no cache or tmpfs mount serves, and the fix adds
 * `--mount=type=cache,target=…` right after `RUN` for the directories it can name for sure.
 */
import { t } from '../../../l10n';
import type { DockerfileModel, InstructionInfo } from '../../../model';
import { parseArgs, type Invocation, type ParsedArgs } from '../../../shell/facts';
import { mountCovers as covers, mountsOf } from '../../../shell/mounts';
import { indexOf, recordSets, releaseHeld, reportOrHold, runGroups, scriptExports } from '../../../shell/packages';
import type { Word } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import type { Fix, Rule, RuleContext } from '../../types';
import { keyValues } from '../../variables/_vars';
import { parseImage } from '../../instructions/_words';

/** A cache directory: its path, or null when it was moved somewhere we cannot read; `label` shows it either way. */
export interface CacheDir {
  path: string | null;
  label: string;
  /** Set (by a variable or an option) to something we cannot read: a cache mount on the RUN may be on it. */
  moved?: boolean;
}

/** A command's environment where it runs. */
export interface CacheEnv {
  /** The value of a variable: a string, null when set to something we cannot read, undefined when unset. */
  get(name: string): string | null | undefined;
  /** The base image's repository (`golang`, `rust` …) when it is an official image we know, else ''. */
  image: string;
  /** `~/<sub>`: under the home directory when it is known (root's, or `HOME`), else unresolved. */
  home(sub: string): CacheDir;
  /** The directory a variable names (a literal absolute path), else `fallback()` when it is unset. */
  dirOf(name: string, fallback: () => CacheDir): CacheDir;
  /** `$NAME` / `${NAME}` in `text` replaced by their values, null when one is unknown. */
  expand(text: string): string | null;
}

export interface CacheCall {
  inv: Invocation;
  args: ParsedArgs;
  /** Option-free words after the program, in order (literal values; expansions as null). */
  positionals: Word[];
}

export interface CacheTool {
  /** The tool as messages name it. */
  name: string;
  /** The programs (base names) that run the tool. */
  programs: readonly string[];
  /** Its options that take the next word as their value (so that the value is not read as a subcommand). */
  valueOptions?: ReadonlySet<string>;
  /** The environment variables that move its caches. */
  vars: readonly string[];
  /** hadolint's test: a cache or tmpfs mount whose target contains one of these serves the tool. */
  hadolint: readonly string[];
  /** Where a triggering call's finding ends (its subcommand word), or null: this call neither downloads nor builds. */
  trigger(call: CacheCall): { end: number } | null;
  /** Where this call keeps what the mount should hold (the first ones are what the fix mounts). */
  dirs(call: CacheCall, env: CacheEnv): CacheDir[];
  /** Extra directories a mount on which also serves (not suggested). */
  alsoServes?(call: CacheCall, env: CacheEnv): CacheDir[];
}

/** The first positional (a literal), or null. */
export function firstPositional(call: CacheCall): Word | null {
  const w = call.positionals[0];
  return w && w.value !== null ? w : null;
}

/** `dir/<sub>`, unresolved when `dir` is. */
export function under(dir: CacheDir, sub: string): CacheDir {
  return { path: dir.path === null ? null : `${dir.path.replace(/\/+$/, '')}/${sub}`, label: `${dir.label.replace(/\/+$/, '')}/${sub}`, ...(dir.moved ? { moved: true } : {}) };
}

/** `-Dname=value` among the words, or in a variable that carries options (`MAVEN_OPTS`): its value (null when not literal). */
export function systemProperty(words: readonly Word[], property: string): string | null | undefined {
  let found: string | null | undefined;
  for (const w of words) {
    if (w.value === null) continue;
    if (w.value.startsWith(`-D${property}=`)) found = w.value.slice(property.length + 3);
  }
  return found;
}

/** The same, in a space-separated option string (`MAVEN_OPTS="-Xmx1g -Dmaven.repo.local=/r"`). */
export function propertyInOptions(options: string | null | undefined, property: string): string | null | undefined {
  if (options === undefined) return undefined;
  if (options === null) return null;
  let found: string | undefined;
  for (const part of options.split(/\s+/)) if (part.startsWith(`-D${property}=`)) found = part.slice(property.length + 3);
  return found;
}

// ---------------------------------------------------------------------------------------------

/** Official images whose image ENV moves a cache (what a Dockerfile cannot show). */
const IMAGE_ENV: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  golang: { GOPATH: '/go' },
  rust: { CARGO_HOME: '/usr/local/cargo' },
  'rustlang/rust': { CARGO_HOME: '/usr/local/cargo' },
  'lukemathwalker/cargo-chef': { CARGO_HOME: '/usr/local/cargo' },
  ruby: { GEM_HOME: '/usr/local/bundle', BUNDLE_APP_CONFIG: '/usr/local/bundle' },
  composer: { COMPOSER_HOME: '/tmp' },
};

/** `golang` for `golang:1.22-alpine`, `docker.io/library/golang@sha256:…`; '' for other registries and expansions. */
export function imageRepository(image: string): string {
  if (!image || image.includes('$')) return '';
  let name = parseImage(image.toLowerCase()).repo;
  for (const prefix of ['docker.io/library/', 'index.docker.io/library/', 'registry-1.docker.io/library/', 'library/', 'docker.io/', 'index.docker.io/']) {
    if (name.startsWith(prefix)) {
      name = name.slice(prefix.length);
      break;
    }
  }
  return name;
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/**
 * The value an ENV or ARG sets for `name` (its text, one pair of surrounding quotes removed):
 * undefined when it does not set it, null for `ARG NAME` without a default (whatever the build passes).
 */
function valueSetBy(model: DockerfileModel, i: InstructionInfo, name: string): string | null | undefined {
  if (i.keyword !== 'ENV' && i.keyword !== 'ARG') return undefined;
  let found: string | null | undefined;
  for (const kv of keyValues(model, i)) {
    if (kv.name !== name) continue;
    found = kv.valueStart === null || kv.valueEnd === null ? (i.keyword === 'ARG' ? null : '') : unquote(model.text.slice(kv.valueStart, kv.valueEnd));
  }
  return found;
}

/** Expands `$NAME` and `${NAME}` with `lookup`; null when anything else or an unknown variable is there. Linear. */
function expandSimple(value: string, lookup: (name: string) => string | null | undefined, depth: number): string | null {
  if (!value.includes('$')) return value;
  if (depth > 4) return null;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c === '\\' || c === '`') return null;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    let name = '';
    let j = i + 1;
    const braced = value[j] === '{';
    if (braced) j++;
    while (j < value.length && /[A-Za-z0-9_]/.test(value[j])) name += value[j++];
    if (braced) {
      if (value[j] !== '}') return null;
      j++;
    }
    if (!name) return null;
    const v = lookup(name);
    if (typeof v !== 'string') return null;
    const inner = expandSimple(v, lookup, depth + 1);
    if (inner === null) return null;
    out += inner;
    i = j;
  }
  return out;
}

/** Per model: where each variable is set (ENV/ARG) and where USER is, by instruction index. */
interface VarIndex {
  sets: Map<string, number[]>;
  users: number[];
  /** The names each ENV/ARG sets (read once per model for all nine rules, not once per rule and name). */
  names: Map<InstructionInfo, Set<string>>;
}

const varIndexCache = new WeakMap<DockerfileModel, VarIndex>();

function varIndex(model: DockerfileModel): VarIndex {
  let v = varIndexCache.get(model);
  if (v) return v;
  v = { sets: new Map(), users: [], names: new Map() };
  model.instructions.forEach((i, k) => {
    if (i.keyword === 'USER') v!.users.push(k);
    if (i.keyword !== 'ENV' && i.keyword !== 'ARG') return;
    const names = new Set<string>();
    v!.names.set(i, names);
    for (const kv of keyValues(model, i)) {
      names.add(kv.name);
      let list = v!.sets.get(kv.name);
      if (!list) v!.sets.set(kv.name, (list = []));
      if (list[list.length - 1] !== k) list.push(k);
    }
  });
  varIndexCache.set(model, v);
  return v;
}

/** What the stage sets before `ins`: ENV/ARG values and the user (indexed once per model: no walk of the stage per RUN). */
interface StageScope {
  /** The value the last ENV/ARG before `ins` in its stage gives `name` (see valueSetBy). */
  value(name: string): string | null | undefined;
  /** No USER before `ins` in the stage, or the last one is root / 0. */
  root: boolean;
}

function stageScope(model: DockerfileModel, ins: InstructionInfo): StageScope {
  const at = indexOf(model, ins);
  const list = model.instructions;
  const stage = at >= 0 ? list[at].stage : -2;
  const index = varIndex(model);
  const lastBefore = (ks: readonly number[] | undefined): number => {
    if (!ks) return -1;
    for (let n = ks.length - 1; n >= 0; n--) {
      const k = ks[n];
      if (k >= at) continue;
      return list[k].stage === stage ? k : -1;
    }
    return -1;
  };
  const u = lastBefore(index.users);
  const user = u < 0 ? 'root' : (list[u].args[0]?.value ?? '').split(':')[0];
  return {
    value(name) {
      const k = lastBefore(index.sets.get(name));
      return k < 0 ? undefined : valueSetBy(model, list[k], name);
    },
    root: user === 'root' || user === '0',
  };
}

/** Wrappers that can change the user (and so the home directory and the environment). */
const USER_CHANGING = new Set(['sudo', 'doas', 'su-exec', 'gosu', 'chroot']);

function envFor(ctx: RuleContext, ins: InstructionInfo, scope: StageScope, script: RunScript, inv: Invocation): CacheEnv {
  const image = imageRepository(ctx.stageOf(ins)?.inherited.image ?? '');
  const changesUser = inv.wrappers.some((w) => USER_CHANGING.has(w));
  const root = !changesUser && scope.root;
  const raw = (name: string): string | null | undefined => {
    if (inv.env.has(name)) return inv.env.get(name) ?? null;
    if (scriptExports(script, name, inv.command.start)) {
      const set = script.analysis.assignments.filter((a) => a.name === name && a.exported);
      return set.length ? set[set.length - 1].value : null;
    }
    const v = scope.value(name);
    return v !== undefined ? v : IMAGE_ENV[image]?.[name];
  };
  const get = (name: string): string | null | undefined => {
    const v = raw(name);
    return typeof v === 'string' ? expandSimple(v, raw, 0) : v;
  };
  const homePath = (): string | null => {
    const h = get('HOME');
    if (h !== undefined) return h && h.startsWith('/') ? h.replace(/\/+$/, '') || '/' : null;
    return root ? '/root' : null;
  };
  const home = (sub: string): CacheDir => {
    const h = homePath();
    return { path: h === null ? null : `${h === '/' ? '' : h}/${sub}`, label: `~/${sub}` };
  };
  const dirOf = (name: string, fallback: () => CacheDir): CacheDir => {
    const v = get(name);
    if (v === undefined) return fallback();
    const first = v === null ? null : v.split(':')[0];
    return first && first.startsWith('/') ? { path: first.replace(/\/+$/, '') || '/', label: first } : { path: null, label: `$${name}`, moved: true };
  };
  return { get, image, home, dirOf, expand: (text) => expandSimple(text, raw, 0) };
}

/** A target BuildKit reads as one option value (no quoting needed). */
const PLAIN_TARGET = /^\/[A-Za-z0-9_.@+\-/]*$/;

/** A mount target `target` covers `dir`: equal or a parent. */

/** The invocations of one script that the tool reads, with their parsed arguments. */
function callsOf(ctx: RuleContext, script: RunScript, tool: CacheTool): CacheCall[] {
  const out: CacheCall[] = [];
  for (const inv of ctx.invocations(script)) {
    if (!inv.program || !tool.programs.includes(inv.program)) continue;
    const args = parseArgs(inv.args, tool.valueOptions);
    out.push({ inv, args, positionals: args.positionals });
  }
  return out;
}

interface RunUnit {
  ins: InstructionInfo;
  scripts: { script: RunScript; calls: CacheCall[] }[];
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

/**
 * Every RUN (and `ONBUILD RUN`) with the tool's calls: the shell scripts, and the plain exec
 * form `RUN ["cargo", "build"]`, which runs no shell (hadolint reads it too). An exec-form call
 * has no script of its own: its finding covers the JSON array.
 */
function runUnits(ctx: RuleContext, tool: CacheTool): RunUnit[] {
  const out: RunUnit[] = [];
  const seen = new Set<InstructionInfo>();
  for (const group of runGroups(ctx)) {
    seen.add(group.ins);
    out.push({ ins: group.ins, scripts: group.scripts.map((script) => ({ script, calls: callsOf(ctx, script, tool) })) });
  }
  for (const top of ctx.model.instructions) {
    const ins = top.trigger ?? top;
    const json = ins.json;
    if (ins.keyword !== 'RUN' || seen.has(ins) || !Array.isArray(json) || json.length === 0 || SHELLS.test(json[0]) || ins.bodyStart === null) continue;
    const slash = json[0].lastIndexOf('/');
    const program = json[0].slice(slash + 1);
    if (!tool.programs.includes(program)) continue;
    const start = ins.bodyStart;
    const end = ins.end;
    const words: Word[] = json.slice(1).map((v) => ({ value: v, raw: v, start: 0, end: 0 }));
    const script = { kind: 'exec-form', text: '', readOnly: true, analysis: { exports: [], assignments: [] }, toDoc: (_o: number, atEnd?: boolean) => (atEnd ? end : start) } as unknown as RunScript;
    const inv = { command: { start: 0 }, program, programStart: 0, programEnd: 0, args: words, wrappers: [], env: new Map() } as unknown as Invocation;
    const args = parseArgs(words, tool.valueOptions);
    out.push({ ins, scripts: [{ script, calls: [{ inv, args, positionals: args.positionals }] }] });
  }
  return out;
}

/** The `check` of a cache-mount rule (register `checkFile: releaseHeld` with it). */
function checkCacheMounts(ctx: RuleContext, tool: CacheTool): void {
  const { model } = ctx;
  // What a stage passes on to the stages built on it (read by releaseHeld for those stages' held findings).
  for (const i of model.instructions) {
    if (i.keyword === 'USER') recordSets(ctx, i, ['@USER']);
    else if (i.keyword === 'ENV' || i.keyword === 'ARG') {
      const set = varIndex(model).names.get(i);
      const names = set ? [...tool.vars, 'HOME'].filter((n) => set.has(n)) : [];
      if (names.length) recordSets(ctx, i, names);
    }
  }
  for (const { ins, scripts } of runUnits(ctx, tool)) {
    const mounts = mountsOf(ins).filter((m) => m.type === 'cache' || m.type === 'tmpfs');
    if (mounts.some((m) => tool.hadolint.some((frag) => m.target.includes(frag)))) continue;
    let scopeOf: StageScope | undefined;
    const scope = () => (scopeOf ??= stageScope(model, ins));
    let first: { call: CacheCall; script: RunScript; end: { end: number } } | null = null;
    const wanted: CacheDir[] = [];
    let unknown = false;
    for (const { script, calls } of scripts) {
      for (const call of calls) {
        const end = tool.trigger(call);
        if (!end) continue;
        const env = envFor(ctx, ins, scope(), script, call.inv);
        // BuildKit expands ARG and ENV values in mount options: a target we cannot expand may be the cache.
        const targets = mounts.map((m) => (m.target.includes('$') ? env.expand(m.target)?.replace(/\/+$/, '') || null : m.target));
        if (targets.includes(null)) continue;
        const dirs = tool.dirs(call, env);
        const serving = [...dirs, ...(tool.alsoServes?.(call, env) ?? [])];
        if (serving.some((d) => d.path !== null && targets.some((tg) => covers(tg!, d.path!)))) continue;
        // Moved somewhere we cannot read, and the RUN mounts a cache: it may well be there.
        if (dirs.some((d) => d.moved) && mounts.length > 0) continue;
        if (!first) first = { call, script, end };
        for (const d of dirs) {
          if (d.path === null) unknown = true;
          if (!wanted.some((w) => w.label === d.label && w.path === d.path)) wanted.push(d);
        }
      }
    }
    if (!first) continue;
    const flags = wanted.map((d) => `--mount=type=cache,target=${d.path ?? d.label}`).join(' ');
    const fixable = !unknown && wanted.every((d) => PLAIN_TARGET.test(d.path!)) && scope().root;
    const fixes: Fix[] = fixable
      ? [{ title: t('Add {0} after RUN (the cache leaves the layer)', flags), edits: [{ start: ins.keywordEnd, end: ins.keywordEnd, newText: ` ${flags}` }], safety: 'unsafe' }]
      : [];
    const { call, script, end } = first;
    reportOrHold(ctx, ins, {
      start: script.toDoc(call.inv.programStart),
      end: script.toDoc(end.end, true),
      message: t('Use a BuildKit cache mount for {0} to keep its downloads between builds: RUN {1}', tool.name, flags),
      fixes,
    }, [...tool.vars, 'HOME', '@USER'], mounts.length === 0);
  }
}

/** A cache-mount rule from its tool description (the rule file adds id, codes, docs). */
export function cacheMountRule(meta: Pick<Rule, 'id' | 'related' | 'description' | 'docs'>, tool: CacheTool): Rule {
  return {
    ...meta,
    defaultSeverity: 'info',
    fixSummary: 'add `--mount=type=cache,target=…` after `RUN` (unsafe)',
    checkFile: releaseHeld,
    check(ctx) {
      checkCacheMounts(ctx, tool);
    },
  };
}

/** The first positional when it is one of `subs` (skipping leading words `skip` accepts, like cargo's `+nightly`). */
export function subcommandIn(call: CacheCall, subs: ReadonlySet<string>, skip: (v: string) => boolean = () => false): Word | null {
  for (const w of call.positionals) {
    if (w.value === null) return null;
    if (skip(w.value)) continue;
    return subs.has(w.value) ? w : null;
  }
  return null;
}

/** The word after `w` among the positionals (`cook` of `cargo chef cook`), when it is one of `values`. */
export function nextPositionalIn(call: CacheCall, w: Word, values: ReadonlySet<string>): Word | null {
  const k = call.positionals.indexOf(w);
  const next = k >= 0 ? call.positionals[k + 1] : undefined;
  return next && next.value !== null && values.has(next.value) ? next : null;
}

/** An absolute literal path as a cache directory; anything else (relative, an expansion) unresolved, shown as `label`. */
export function pathDir(value: string | null | undefined, label: string): CacheDir {
  return typeof value === 'string' && value.startsWith('/') ? { path: value.replace(/\/+$/, '') || '/', label: value } : { path: null, label, moved: true };
}
