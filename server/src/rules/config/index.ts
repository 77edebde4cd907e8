/** Config: rules driven by the project configuration (`.hadolint.yaml`, hadolint's variables and flags) and by the suppression comments. */
import type { Rule } from '../types';
import { unusedIgnore } from './unused-ignore';

export const rules: readonly Rule[] = [
  unusedIgnore,
];
