/** Syntax: what BuildKit's parser rejects or misreads (instructions, arguments, flags, directives, JSON form, heredocs). */
import type { Rule } from '../types';
import { unknownInstruction } from './unknown-instruction';
import { instructionBeforeFrom } from './instruction-before-from';
import { missingArguments } from './missing-arguments';
import { invalidJsonForm } from './invalid-json-form';

export const rules: readonly Rule[] = [
  unknownInstruction,
  instructionBeforeFrom,
  missingArguments,
  invalidJsonForm,
];
