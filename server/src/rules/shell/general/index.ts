/** Shell, general: commands and shell options every RUN can misuse. */
import type { Rule } from '../../types';
import { consecutiveRun } from './consecutive-run';

export const rules: readonly Rule[] = [
  consecutiveRun,
];
