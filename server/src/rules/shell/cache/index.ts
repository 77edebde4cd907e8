/** Shell, BuildKit cache mounts for build tools: cargo, go, maven, gradle, composer, dotnet, pnpm, mix, gem. */
import type { Rule } from '../../types';
import { cargoWithoutCacheMount } from './cargo-without-cache-mount';
import { goBuildWithoutCacheMount } from './go-build-without-cache-mount';
import { mavenWithoutCacheMount } from './maven-without-cache-mount';
import { gradleWithoutCacheMount } from './gradle-without-cache-mount';
import { composerWithoutCacheMount } from './composer-without-cache-mount';
import { dotnetRestoreWithoutCacheMount } from './dotnet-restore-without-cache-mount';
import { pnpmInstallWithoutCacheMount } from './pnpm-install-without-cache-mount';
import { mixDepsWithoutCacheMount } from './mix-deps-without-cache-mount';
import { gemInstallWithoutCacheMount } from './gem-install-without-cache-mount';

export const rules: readonly Rule[] = [
  cargoWithoutCacheMount,
  goBuildWithoutCacheMount,
  mavenWithoutCacheMount,
  gradleWithoutCacheMount,
  composerWithoutCacheMount,
  dotnetRestoreWithoutCacheMount,
  pnpmInstallWithoutCacheMount,
  mixDepsWithoutCacheMount,
  gemInstallWithoutCacheMount,
];
