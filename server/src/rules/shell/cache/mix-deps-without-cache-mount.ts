/**
 * mix-deps-without-cache-mount (hadolint DL3076) — `mix deps.get` (and hadolint's
 * `deps.compile`, `compile`; `mix do deps.get, compile`) fetches Hex packages, which Hex keeps in
 * HEX_HOME (~/.hex). The fix mounts ~/.hex, never ~/.mix (MIX_HOME): that is where
 * `mix local.hex` / `mix local.rebar` installed Hex and rebar, and a cache mount would hide them.
 */
import type { Rule } from '../../types';
import { cacheMountRule } from './_cacheMount';
import en from './mix-deps-without-cache-mount.md';
import zhCn from './mix-deps-without-cache-mount.zh-cn.md';

const TASKS = new Set(['deps.get', 'deps.compile', 'deps.update', 'compile']);

export const mixDepsWithoutCacheMount: Rule = cacheMountRule({
  id: 'mix-deps-without-cache-mount',
  related: { hadolint: 'DL3076' },
  description: 'mix deps.get without a BuildKit cache mount on the Hex cache',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'Hex',
  programs: ['mix'],
  vars: ['HEX_HOME'],
  hadolint: ['.hex', '.mix'],
  trigger(call) {
    // `mix do deps.get, compile` and `mix do deps.get + compile`: each task word, its comma dropped.
    return call.positionals.find((w) => w.value !== null && TASKS.has(w.value.replace(/,$/, ''))) ?? null;
  },
  dirs(_call, env) {
    return [env.dirOf('HEX_HOME', () => env.home('.hex'))];
  },
});
