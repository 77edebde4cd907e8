/**
 * cargo-without-cache-mount (hadolint DL3069) — `cargo build|install|fetch|test|check|clippy…`
 * downloads crates into $CARGO_HOME/registry and git dependencies into $CARGO_HOME/git on every
 * build that misses the layer cache. A cache mount there keeps them between builds. CARGO_HOME
 * is read from the command, the script and the stage (the official rust image sets
 * /usr/local/cargo, which hadolint's `.cargo` test misses).
 */
import type { Rule } from '../../types';
import { cacheMountRule, nextPositionalIn, subcommandIn, under } from './_cacheMount';
import en from './cargo-without-cache-mount.md';
import zhCn from './cargo-without-cache-mount.zh-cn.md';

const SUBS = new Set(['build', 'b', 'check', 'c', 'clippy', 'doc', 'd', 'fetch', 'install', 'run', 'r', 'test', 't', 'bench', 'rustc', 'rustdoc', 'update', 'vendor', 'chef', 'auditable', 'zigbuild', 'nextest']);
/** Third-party subcommands and the word that makes them build: `cargo chef cook`, `cargo auditable build`, `cargo nextest run`. */
const NESTED: Readonly<Record<string, ReadonlySet<string>>> = {
  chef: new Set(['cook']),
  auditable: new Set(['build', 'install']),
  nextest: new Set(['run']),
};

export const cargoWithoutCacheMount: Rule = cacheMountRule({
  id: 'cargo-without-cache-mount',
  related: { hadolint: 'DL3069' },
  description: 'cargo build without a BuildKit cache mount on the cargo registry',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'cargo',
  programs: ['cargo'],
  valueOptions: new Set(['-Z', '--config', '-C', '--color', '--manifest-path', '-j', '--jobs', '-p', '--package', '--target', '--target-dir', '-F', '--features', '--bin', '--example', '--test', '--bench', '--profile', '--root', '--git', '--branch', '--tag', '--rev', '--path', '--index', '--registry', '--message-format', '--exclude', '--lockfile-path']),
  vars: ['CARGO_HOME'],
  hadolint: ['.cargo'],
  trigger(call) {
    const sub = subcommandIn(call, SUBS, (v) => v.startsWith('+'));
    if (!sub) return null;
    const nested = NESTED[sub.value!];
    return nested ? nextPositionalIn(call, sub, nested) : sub;
  },
  dirs(_call, env) {
    const home = env.dirOf('CARGO_HOME', () => env.home('.cargo'));
    return [under(home, 'registry'), under(home, 'git')];
  },
});
