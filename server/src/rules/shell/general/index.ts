/** Shell, general: commands and shell options every RUN can misuse. */
import type { Rule } from '../../types';
import { consecutiveRun } from './consecutive-run';
import { commandUnfitForBuild } from './command-unfit-for-build';
import { cdInsteadOfWorkdir } from './cd-instead-of-workdir';
import { sudoInRun } from './sudo-in-run';
import { useraddHighUidWithoutNoLogInit } from './useradd-high-uid-without-no-log-init';
import { wgetWithoutProgress } from './wget-without-progress';
import { wgetAndCurl } from './wget-and-curl';
import { lnToBinSh } from './ln-to-bin-sh';
import { pipeWithoutPipefail } from './pipe-without-pipefail';
import { installPackagesUnsorted } from './install-packages-unsorted';

export const rules: readonly Rule[] = [
  consecutiveRun,
  commandUnfitForBuild,
  cdInsteadOfWorkdir,
  sudoInRun,
  useraddHighUidWithoutNoLogInit,
  wgetWithoutProgress,
  wgetAndCurl,
  lnToBinSh,
  pipeWithoutPipefail,
  installPackagesUnsorted,
];
