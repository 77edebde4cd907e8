/**
 * pnpm-install-without-cache-mount (hadolint DL3075) — `pnpm install|add|fetch|update …`
 * downloads packages into pnpm's content-addressable store on every build that misses the layer
 * cache. The store is `--store-dir`, npm_config_store_dir, else $PNPM_HOME/store, else
 * $XDG_DATA_HOME/pnpm/store, else ~/.local/share/pnpm/store. The fix mounts the store, never
 * PNPM_HOME itself (it holds pnpm's global binaries).
 */
import type { Rule } from '../../types';
import { cacheMountRule, pathDir, subcommandIn, under, type CacheEnv } from './_cacheMount';
import en from './pnpm-install-without-cache-mount.md';
import zhCn from './pnpm-install-without-cache-mount.zh-cn.md';

const SUBS = new Set(['install', 'i', 'add', 'fetch', 'install-test', 'it', 'update', 'up', 'upgrade']);

function store(env: CacheEnv) {
  if (env.get('npm_config_store_dir') !== undefined) return env.dirOf('npm_config_store_dir', () => env.home('.local/share/pnpm/store'));
  if (env.get('PNPM_HOME') !== undefined) return under(env.dirOf('PNPM_HOME', () => env.home('.local/share/pnpm')), 'store');
  if (env.get('XDG_DATA_HOME') !== undefined) return under(env.dirOf('XDG_DATA_HOME', () => env.home('.local/share')), 'pnpm/store');
  return env.home('.local/share/pnpm/store');
}

export const pnpmInstallWithoutCacheMount: Rule = cacheMountRule({
  id: 'pnpm-install-without-cache-mount',
  related: { hadolint: 'DL3075' },
  description: 'pnpm install without a BuildKit cache mount on the pnpm store',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'pnpm',
  programs: ['pnpm'],
  valueOptions: new Set(['-C', '--dir', '--filter', '-F', '--store-dir', '--virtual-store-dir', '--modules-dir', '--reporter', '--loglevel', '--registry', '--workspace-concurrency', '--network-concurrency', '--child-concurrency', '--package-import-method', '--node-linker']),
  vars: ['npm_config_store_dir', 'PNPM_HOME', 'XDG_DATA_HOME'],
  hadolint: ['pnpm'],
  trigger(call) {
    return subcommandIn(call, SUBS);
  },
  dirs(call, env) {
    const option = call.args.valueOf('--store-dir');
    return [option !== undefined ? pathDir(option, option ?? '--store-dir') : store(env)];
  },
});
