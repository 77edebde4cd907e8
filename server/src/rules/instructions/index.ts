/** Instructions: rules that read one instruction's arguments and flags (hadolint DL3xxx/DL4xxx outside the shell). */
import type { Rule } from '../types';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { archiveCopiedThenExtracted } from './archive-copied-then-extracted';
import { cmdShellForm } from './cmd-shell-form';
import { consecutiveEnv } from './consecutive-env';
import { consecutiveLabel } from './consecutive-label';
import { copyFromRoot } from './copy-from-root';
import { copyMultipleSourcesWithoutSlash } from './copy-multiple-sources-without-slash';
import { exposeInvalidFormat } from './expose-invalid-format';
import { exposePortMalformed } from './expose-port-malformed';
import { exposePortOutOfRange } from './expose-port-out-of-range';
import { exposeProtoCasing } from './expose-proto-casing';
import { fromPlatformConstant } from './from-platform-constant';
import { fromPlatformTargetRedundant } from './from-platform-target-redundant';
import { imageLatestTag } from './image-latest-tag';
import { imageWithoutTag } from './image-without-tag';
import { labelKeyInvalid } from './label-key-invalid';
import { maintainerDeprecated } from './maintainer-deprecated';
import { onbuildTriggerDisallowed } from './onbuild-trigger-disallowed';
import { stageNameReserved } from './stage-name-reserved';
import { workdirRelativePath } from './workdir-relative-path';

export const rules: readonly Rule[] = [
  addInsteadOfCopy,
  archiveCopiedThenExtracted,
  cmdShellForm,
  consecutiveEnv,
  consecutiveLabel,
  copyFromRoot,
  copyMultipleSourcesWithoutSlash,
  exposeInvalidFormat,
  exposePortMalformed,
  exposePortOutOfRange,
  exposeProtoCasing,
  fromPlatformConstant,
  fromPlatformTargetRedundant,
  imageLatestTag,
  imageWithoutTag,
  labelKeyInvalid,
  maintainerDeprecated,
  onbuildTriggerDisallowed,
  stageNameReserved,
  workdirRelativePath,
];
