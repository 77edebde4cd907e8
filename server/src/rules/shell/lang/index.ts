/** Shell, language package managers: pip, npm, yarn, gem, go, pecl. */
import type { Rule } from '../../types';
import { pipInstallWithoutPin } from './pip-install-without-pin';
import { pipInstallWithoutNoCacheDir } from './pip-install-without-no-cache-dir';
import { npmInstallWithoutPin } from './npm-install-without-pin';
import { gemInstallWithoutPin } from './gem-install-without-pin';
import { goInstallWithoutVersion } from './go-install-without-version';
import { yarnInstallWithoutCacheClean } from './yarn-install-without-cache-clean';
import { peclInstallWithoutPin } from './pecl-install-without-pin';

export const rules: readonly Rule[] = [
  pipInstallWithoutPin,
  pipInstallWithoutNoCacheDir,
  npmInstallWithoutPin,
  gemInstallWithoutPin,
  goInstallWithoutVersion,
  yarnInstallWithoutCacheClean,
  peclInstallWithoutPin,
];
