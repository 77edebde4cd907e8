/** Build context: rules that read the files next to the Dockerfile (.dockerignore, COPY sources). */
import type { Rule } from '../types';
import { copyIgnoredFile } from './copy-ignored-file';
import { copySourceMissing } from './copy-source-missing';
import { buildContextMismatch } from './build-context-mismatch';
import { copyAllBeforeInstall } from './copy-all-before-install';
import { copyWholeContext } from './copy-whole-context';

export const rules: readonly Rule[] = [
  copyIgnoredFile,
  copySourceMissing,
  buildContextMismatch,
  copyAllBeforeInstall,
  copyWholeContext,
];
