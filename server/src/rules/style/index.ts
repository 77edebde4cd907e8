/** Style: casing and the form of key=value instructions (BuildKit's style checks). */
import type { Rule } from '../types';

export const rules: readonly Rule[] = [
];
