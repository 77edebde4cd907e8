/** Syntax: what BuildKit's parser rejects or misreads (instructions, arguments, flags, directives, JSON form, heredocs). */
import type { Rule } from '../types';
import { unknownInstruction } from './unknown-instruction';
import { instructionBeforeFrom } from './instruction-before-from';
import { missingArguments } from './missing-arguments';
import { extraArguments } from './extra-arguments';
import { invalidJsonForm } from './invalid-json-form';
import { flagUnknown } from './flag-unknown';
import { flagDuplicate } from './flag-duplicate';
import { flagValueInvalid } from './flag-value-invalid';
import { mountOptionInvalid } from './mount-option-invalid';
import { fromReferenceInvalid } from './from-reference-invalid';
import { stageNameInvalid } from './stage-name-invalid';
import { directiveInvalid } from './directive-invalid';
import { directiveMisplaced } from './directive-misplaced';
import { keyValueInvalid } from './key-value-invalid';
import { variableSubstitutionInvalid } from './variable-substitution-invalid';
import { stopsignalInvalid } from './stopsignal-invalid';
import { healthcheckInvalid } from './healthcheck-invalid';
import { heredocInvalid } from './heredoc-invalid';

export const rules: readonly Rule[] = [
  unknownInstruction,
  instructionBeforeFrom,
  missingArguments,
  extraArguments,
  invalidJsonForm,
  flagUnknown,
  flagDuplicate,
  flagValueInvalid,
  mountOptionInvalid,
  fromReferenceInvalid,
  stageNameInvalid,
  directiveInvalid,
  directiveMisplaced,
  keyValueInvalid,
  variableSubstitutionInvalid,
  stopsignalInvalid,
  healthcheckInvalid,
  heredocInvalid,
];
