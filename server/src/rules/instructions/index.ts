/** Instructions: rules that read one instruction's arguments and flags (hadolint DL3xxx/DL4xxx outside the shell). */
import type { Rule } from '../types';
import { addInsteadOfCopy } from './add-instead-of-copy';

export const rules: readonly Rule[] = [
  addInsteadOfCopy,
];
