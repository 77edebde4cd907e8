/** Style: casing and the form of key=value instructions (BuildKit's style checks). */
import type { Rule } from '../types';
import { stageNameCasing } from './stage-name-casing';
import { fromAsCasing } from './from-as-casing';
import { inconsistentInstructionCasing } from './inconsistent-instruction-casing';
import { emptyContinuationLine } from './empty-continuation-line';
import { legacyKeyValueFormat } from './legacy-key-value-format';
import { invalidDefinitionDescription } from './invalid-definition-description';

export const rules: readonly Rule[] = [
  stageNameCasing,
  fromAsCasing,
  inconsistentInstructionCasing,
  emptyContinuationLine,
  legacyKeyValueFormat,
  invalidDefinitionDescription,
];
