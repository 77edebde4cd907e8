/** Variables: ARG/ENV declarations and their uses (BuildKit UndefinedVar, UndefinedArgInFrom …). */
import type { Rule } from '../types';

export const rules: readonly Rule[] = [
];
