/** Shell, apk (Alpine). */
import type { Rule } from '../../types';
import { apkAddWithoutNoCache } from './apk-add-without-no-cache';
import { apkAddWithoutPin } from './apk-add-without-pin';
import { apkAddTzdataWithoutTz } from './apk-add-tzdata-without-tz';
import { apkVirtualWithoutDel } from './apk-virtual-without-del';
import { apkUpdateWithNoCacheAdd } from './apk-update-with-no-cache-add';

export const rules: readonly Rule[] = [
  apkAddWithoutNoCache,
  apkAddWithoutPin,
  apkAddTzdataWithoutTz,
  apkVirtualWithoutDel,
  apkUpdateWithNoCacheAdd,
];
