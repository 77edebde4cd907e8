/** Variables: ARG/ENV declarations and their uses (BuildKit UndefinedVar, UndefinedArgInFrom …). */
import type { Rule } from '../types';
import { undefinedVariable } from './undefined-variable';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { envSameInstructionReference } from './env-same-instruction-reference';
import { secretInArgOrEnv } from './secret-in-arg-or-env';

export const rules: readonly Rule[] = [
  undefinedVariable,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  envSameInstructionReference,
  secretInArgOrEnv,
];
