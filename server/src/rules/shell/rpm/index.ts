/** Shell, yum / dnf / microdnf / zypper (RPM-based images). */
import type { Rule } from '../../types';

export const rules: readonly Rule[] = [
];
