/** Shell, yum / dnf / microdnf / zypper (RPM-based images). */
import type { Rule } from '../../types';
import { yumInstallWithoutYes } from './yum-install-without-yes';
import { dnfInstallWithoutYes } from './dnf-install-without-yes';
import { zypperWithoutNonInteractive } from './zypper-without-non-interactive';
import { yumCacheNotCleaned } from './yum-cache-not-cleaned';
import { dnfCacheNotCleaned } from './dnf-cache-not-cleaned';
import { zypperCacheNotCleaned } from './zypper-cache-not-cleaned';
import { yumInstallWithoutPin } from './yum-install-without-pin';
import { dnfInstallWithoutPin } from './dnf-install-without-pin';
import { zypperInstallWithoutPin } from './zypper-install-without-pin';
import { zypperDistUpgrade } from './zypper-dist-upgrade';

export const rules: readonly Rule[] = [
  yumInstallWithoutYes,
  dnfInstallWithoutYes,
  zypperWithoutNonInteractive,
  yumCacheNotCleaned,
  dnfCacheNotCleaned,
  zypperCacheNotCleaned,
  yumInstallWithoutPin,
  dnfInstallWithoutPin,
  zypperInstallWithoutPin,
  zypperDistUpgrade,
];
