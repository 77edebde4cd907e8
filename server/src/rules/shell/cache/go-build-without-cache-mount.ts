/**
 * go-build-without-cache-mount (hadolint DL3070) — `go build|install|test|run|vet|get` compiles
 * into the build cache (GOCACHE, ~/.cache/go-build); they and `go mod download|tidy|…`
 * download modules into GOMODCACHE ($GOPATH/pkg/mod, /go/pkg/mod in the golang image). A cache
 * mount on either serves (hadolint's test); the fix mounts what the command uses. GOCACHE,
 * GOMODCACHE, GOPATH, XDG_CACHE_HOME are read from the command, the script and the stage.
 * `go version`, `go env`, `go mod init|edit` download nothing and are not reported.
 */
import type { Rule } from '../../types';
import { cacheMountRule, nextPositionalIn, subcommandIn, under, type CacheEnv } from './_cacheMount';
import en from './go-build-without-cache-mount.md';
import zhCn from './go-build-without-cache-mount.zh-cn.md';

/** They compile (`go get` did before Go 1.17, and still does in GOPATH mode): the build cache serves them. */
const BUILDS = new Set(['build', 'install', 'test', 'run', 'vet', 'get']);
const SUBS = new Set([...BUILDS, 'mod']);
const MOD_DOWNLOADS = new Set(['download', 'tidy', 'vendor', 'graph', 'verify', 'why']);

function modCache(env: CacheEnv) {
  return env.dirOf('GOMODCACHE', () => under(env.dirOf('GOPATH', () => env.home('go')), 'pkg/mod'));
}

function buildCache(env: CacheEnv) {
  return env.dirOf('GOCACHE', () => (env.get('XDG_CACHE_HOME') !== undefined ? under(env.dirOf('XDG_CACHE_HOME', () => env.home('.cache')), 'go-build') : env.home('.cache/go-build')));
}

export const goBuildWithoutCacheMount: Rule = cacheMountRule({
  id: 'go-build-without-cache-mount',
  related: { hadolint: 'DL3070' },
  description: 'go build without a BuildKit cache mount on the Go build or module cache',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'Go',
  programs: ['go'],
  vars: ['GOCACHE', 'GOMODCACHE', 'GOPATH', 'XDG_CACHE_HOME'],
  hadolint: ['.cache/go-build', 'go/pkg/mod'],
  trigger(call) {
    const sub = subcommandIn(call, SUBS);
    if (!sub) return null;
    return sub.value === 'mod' ? nextPositionalIn(call, sub, MOD_DOWNLOADS) : sub;
  },
  dirs(call, env) {
    return BUILDS.has(call.positionals[0]?.value ?? '') ? [buildCache(env), modCache(env)] : [modCache(env)];
  },
  alsoServes(_call, env) {
    return [buildCache(env), modCache(env)];
  },
});
