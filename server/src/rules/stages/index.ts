/** Stages: rules that read the stage structure of the whole file (names, references, last USER, counts per stage). */
import type { Rule } from '../types';
import { copyFromGlibcIntoAlpine } from './copy-from-glibc-into-alpine';
import { copyFromOwnStage } from './copy-from-own-stage';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { copyRelativeWithoutWorkdir } from './copy-relative-without-workdir';
import { healthcheckMissing } from './healthcheck-missing';
import { multipleCmd } from './multiple-cmd';
import { multipleEntrypoint } from './multiple-entrypoint';
import { multipleHealthcheck } from './multiple-healthcheck';
import { stageNameDuplicate } from './stage-name-duplicate';
import { userNonNumeric } from './user-non-numeric';
import { userNotSet } from './user-not-set';
import { userRootLast } from './user-root-last';

export const rules: readonly Rule[] = [
  copyFromGlibcIntoAlpine,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyRelativeWithoutWorkdir,
  healthcheckMissing,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  stageNameDuplicate,
  userNonNumeric,
  userNotSet,
  userRootLast,
];
