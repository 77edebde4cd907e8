/**
 * from-platform-constant — `FROM --platform=linux/amd64 …`: a constant platform pins the stage
 * to one architecture and defeats multi-platform builds. As BuildKit does, a stage whose name
 * mentions the platform's OS or architecture (`AS build_amd64`) is meant to be per-platform.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { fromParts } from './_words';
import { unquoteSource } from './add-instead-of-copy';
import { isPlatformSpecifier } from '../syntax/flag-value-invalid';
import en from './from-platform-constant.md';
import zhCn from './from-platform-constant.zh-cn.md';

export const fromPlatformConstant: Rule = {
  id: 'from-platform-constant',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3029', buildkit: 'FromPlatformFlagConstDisallowed' },
  description: 'FROM --platform with a constant value',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const flag = ins.flags.find((f) => f.name === 'platform');
      if (!flag || flag.value === null) continue;
      if (flag.value.includes('$')) continue;
      const value = unquoteSource(flag.value, model.escape).value.trim();
      // A value that is no platform is flag-value-invalid's (BuildKit fails on it instead).
      if (value === '' || !isPlatformSpecifier(value)) continue;
      const parts = value.toLowerCase().split('/');
      const os = parts.length > 1 ? parts[0] : '';
      const arch = parts.length > 1 ? parts[1] : parts[0];
      const name = fromParts(ins, model.escape).name?.value.toLowerCase() ?? '';
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue;
      report({
        start: flag.start,
        end: flag.end,
        message: t('FROM --platform={0} pins this stage to one platform: leave it out (use docker build --platform) or use a variable such as $BUILDPLATFORM', value),
      });
    }
  },
};
