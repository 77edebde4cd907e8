/** Shell, apt-get / apt (Debian, Ubuntu). */
import type { Rule } from '../../types';
import { aptGetInstallWithoutPin } from './apt-get-install-without-pin';
import { aptGetWithoutYes } from './apt-get-without-yes';
import { aptGetInstallWithRecommends } from './apt-get-install-with-recommends';
import { aptListsNotRemoved } from './apt-lists-not-removed';
import { aptInsteadOfAptGet } from './apt-instead-of-apt-get';

export const rules: readonly Rule[] = [
  aptGetInstallWithoutPin,
  aptGetWithoutYes,
  aptGetInstallWithRecommends,
  aptListsNotRemoved,
  aptInsteadOfAptGet,
];
