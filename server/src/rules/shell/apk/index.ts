/** Shell, apk (Alpine). */
import type { Rule } from '../../types';
import { apkAddWithoutNoCache } from './apk-add-without-no-cache';

export const rules: readonly Rule[] = [
  apkAddWithoutNoCache,
];
