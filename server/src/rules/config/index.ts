/** Config: rules driven by the project configuration (`.hadolint.yaml`, hadolint's variables and flags) and by the suppression comments. */
import type { Rule } from '../types';
import { emptyLabel } from './empty-label';
import { inlineIgnorePragma } from './inline-ignore-pragma';
import { labelNotEmail } from './label-not-email';
import { labelNotGitHash } from './label-not-git-hash';
import { labelNotDatetime } from './label-not-datetime';
import { labelNotSemver } from './label-not-semver';
import { labelNotSpdx } from './label-not-spdx';
import { labelNotUrl } from './label-not-url';
import { missingLabel } from './missing-label';
import { superfluousLabel } from './superfluous-label';
import { unusedIgnore } from './unused-ignore';
import { untrustedRegistry } from './untrusted-registry';

export const rules: readonly Rule[] = [
  untrustedRegistry,
  missingLabel,
  superfluousLabel,
  emptyLabel,
  labelNotUrl,
  labelNotDatetime,
  labelNotSpdx,
  labelNotGitHash,
  labelNotSemver,
  labelNotEmail,
  inlineIgnorePragma,
  unusedIgnore,
];
