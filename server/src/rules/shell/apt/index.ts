/** Shell, apt-get / apt (Debian, Ubuntu). */
import type { Rule } from '../../types';

export const rules: readonly Rule[] = [
];
