/**
 * composer-without-cache-mount (hadolint DL3073) — `composer install|update|require …`
 * downloads packages into Composer's cache on every build that misses the layer cache.
 * The cache is COMPOSER_CACHE_DIR, else $COMPOSER_HOME/cache (/tmp/cache in the official
 * composer image), else ~/.composer/cache or, on XDG systems, ~/.cache/composer: a mount on any
 * of them serves. `composer global require` counts; `composer --version`, `dump-autoload` do not.
 */
import type { Rule } from '../../types';
import { cacheMountRule, subcommandIn, under, type CacheEnv } from './_cacheMount';
import en from './composer-without-cache-mount.md';
import zhCn from './composer-without-cache-mount.zh-cn.md';

const SUBS = new Set(['install', 'i', 'update', 'u', 'upgrade', 'require', 'r', 'remove', 'rm', 'create-project', 'reinstall']);

function cacheDir(env: CacheEnv) {
  const dir = env.get('COMPOSER_CACHE_DIR');
  if (dir !== undefined) return dir === '/dev/null' ? { path: null, label: '$COMPOSER_CACHE_DIR' } : env.dirOf('COMPOSER_CACHE_DIR', () => env.home('.composer/cache'));
  return env.get('COMPOSER_HOME') !== undefined ? under(env.dirOf('COMPOSER_HOME', () => env.home('.composer')), 'cache') : env.home('.composer/cache');
}

export const composerWithoutCacheMount: Rule = cacheMountRule({
  id: 'composer-without-cache-mount',
  related: { hadolint: 'DL3073' },
  description: 'composer install without a BuildKit cache mount on the Composer cache',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'Composer',
  programs: ['composer', 'composer.phar'],
  valueOptions: new Set(['-d', '--working-dir', '--repository', '--stability', '-s']),
  vars: ['COMPOSER_CACHE_DIR', 'COMPOSER_HOME', 'XDG_CACHE_HOME'],
  hadolint: ['.composer/cache'],
  trigger(call) {
    return subcommandIn(call, SUBS, (v) => v === 'global');
  },
  dirs(_call, env) {
    return [cacheDir(env)];
  },
  alsoServes(_call, env) {
    return [env.get('XDG_CACHE_HOME') !== undefined ? under(env.dirOf('XDG_CACHE_HOME', () => env.home('.cache')), 'composer') : env.home('.cache/composer')];
  },
});
