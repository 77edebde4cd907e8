/**
 * gem-install-without-cache-mount (hadolint DL3077) — `gem install|update` and
 * `bundle install|update` (and a bare `bundle`) download .gem files into the gem cache,
 * $GEM_HOME/cache (/usr/local/bundle/cache in the official ruby image), on every build that
 * misses the layer cache. The fix mounts that cache, not /usr/local/bundle as hadolint
 * suggests: that is where the ruby image INSTALLS gems, and a cache mount there leaves them out
 * of the image. hadolint's test (a target containing `.gem` or `bundle`) still serves.
 */
import type { Rule } from '../../types';
import { cacheMountRule, pathDir, subcommandIn, under, type CacheCall, type CacheEnv } from './_cacheMount';
import en from './gem-install-without-cache-mount.md';
import zhCn from './gem-install-without-cache-mount.zh-cn.md';

const GEM = new Set(['install', 'i', 'update']);
const BUNDLE = new Set(['install', 'update']);

function gemDir(call: CacheCall, env: CacheEnv) {
  const dir = call.args.valueOf('-i', '--install-dir');
  if (dir !== undefined) return pathDir(dir, dir ?? '--install-dir');
  if (call.args.has('--user-install')) return { path: null, label: '~/.local/share/gem' };
  return env.dirOf('GEM_HOME', () => ({ path: null, label: '$(gem env gemdir)' }));
}

export const gemInstallWithoutCacheMount: Rule = cacheMountRule({
  id: 'gem-install-without-cache-mount',
  related: { hadolint: 'DL3077' },
  description: 'gem or bundle install without a BuildKit cache mount on the gem cache',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'RubyGems',
  programs: ['gem', 'bundle', 'bundler'],
  valueOptions: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-p', '--build-root', '-P', '--trust-policy', '-g', '--file', '--config-file',
    '--gemfile', '--path', '-j', '--jobs', '--retry', '--without', '--with', '--binstubs', '--target-rbconfig']),
  vars: ['GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_DEPLOYMENT', 'BUNDLE_USER_CACHE', 'BUNDLE_USER_HOME'],
  hadolint: ['.gem', 'bundle'],
  trigger(call) {
    if (call.inv.program === 'gem') return subcommandIn(call, GEM);
    if (call.positionals.length === 0 && !call.args.has('-v', '--version', '-h', '--help')) return { end: call.inv.programEnd };
    return subcommandIn(call, BUNDLE);
  },
  dirs(call, env) {
    if (call.inv.program !== 'gem') {
      const path = call.args.valueOf('--path') ?? env.get('BUNDLE_PATH');
      if (path !== undefined || call.args.has('--deployment') || env.get('BUNDLE_DEPLOYMENT') !== undefined) {
        return [{ path: null, label: `${path ?? 'vendor/bundle'}/ruby/*/cache` }];
      }
    }
    return [under(gemDir(call, env), 'cache')];
  },
  alsoServes(_call, env) {
    const home = env.dirOf('BUNDLE_USER_HOME', () => env.home('.bundle'));
    return [env.dirOf('BUNDLE_USER_CACHE', () => under(home, 'cache'))];
  },
});
