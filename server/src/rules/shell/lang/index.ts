/** Shell, language package managers: pip, npm, yarn, gem, go. */
import type { Rule } from '../../types';

export const rules: readonly Rule[] = [
];
