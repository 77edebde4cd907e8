/** Build context: rules that read the files next to the Dockerfile (.dockerignore, COPY sources). */
import type { Rule } from '../types';

export const rules: readonly Rule[] = [
];
