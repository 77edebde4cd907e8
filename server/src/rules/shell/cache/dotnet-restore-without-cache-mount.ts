/**
 * dotnet-restore-without-cache-mount (hadolint DL3074) — `dotnet restore|build|publish|test|pack`
 * (which restore unless `--no-restore`) and `nuget restore` download NuGet packages into the
 * global packages folder, ~/.nuget/packages (NUGET_PACKAGES, `--packages`), on every build that
 * misses the layer cache. A mount on it or on NuGet's HTTP cache serves.
 */
import type { Rule } from '../../types';
import { cacheMountRule, pathDir, subcommandIn } from './_cacheMount';
import en from './dotnet-restore-without-cache-mount.md';
import zhCn from './dotnet-restore-without-cache-mount.zh-cn.md';

const DOTNET = new Set(['restore', 'build', 'publish', 'test', 'pack']);
const NUGET = new Set(['restore', 'install']);

export const dotnetRestoreWithoutCacheMount: Rule = cacheMountRule({
  id: 'dotnet-restore-without-cache-mount',
  related: { hadolint: 'DL3074' },
  description: 'dotnet restore without a BuildKit cache mount on the NuGet packages folder',
  docs: { en, 'zh-cn': zhCn },
}, {
  name: 'NuGet',
  programs: ['dotnet', 'nuget'],
  valueOptions: new Set(['-c', '--configuration', '-o', '--output', '-r', '--runtime', '-f', '--framework', '-s', '--source', '--packages', '-v', '--verbosity', '-a', '--arch', '--os', '--version-suffix', '--configfile', '-PackagesDirectory', '-OutputDirectory', '-Source', '-ConfigFile', '-Verbosity', '-SolutionDirectory', '-MSBuildVersion']),
  vars: ['NUGET_PACKAGES', 'NUGET_HTTP_CACHE_PATH', 'XDG_DATA_HOME'],
  hadolint: ['.nuget/packages'],
  trigger(call) {
    if (call.inv.program === 'nuget') return subcommandIn(call, NUGET);
    const sub = subcommandIn(call, DOTNET);
    return sub && (sub.value === 'restore' || !call.args.has('--no-restore')) ? sub : null;
  },
  dirs(call, env) {
    const option = call.args.valueOf('--packages', '-PackagesDirectory', '-OutputDirectory');
    if (option !== undefined) return [pathDir(option, option ?? '--packages')];
    return [env.dirOf('NUGET_PACKAGES', () => env.home('.nuget/packages'))];
  },
  alsoServes(_call, env) {
    return [env.dirOf('NUGET_HTTP_CACHE_PATH', () => env.home('.local/share/NuGet/http-cache')), env.home('.local/share/NuGet/v3-cache')];
  },
});
