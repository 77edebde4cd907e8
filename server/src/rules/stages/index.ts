/** Stages: rules that read the stage structure of the whole file (names, references, last USER, counts per stage). */
import type { Rule } from '../types';

export const rules: readonly Rule[] = [
];
