/**
 * image-latest-tag — `FROM image:latest`: the build takes whatever `latest` points to that day.
 * `FROM ruby:${VERSION}` with `ARG VERSION=latest` counts too: read in `checkFile` from the
 * global ARG defaults the first chunk records.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { argMap, expandArgs, recordGlobalArgs } from './_args';
import { fromParts, isValidRepo, parseImage } from './_words';
import en from './image-latest-tag.md';
import zhCn from './image-latest-tag.zh-cn.md';

interface Fact {
  kind: 'from';
  range: Range;
  /** The instruction's first line (where an ignore comment goes). */
  ins: Range;
  image: string;
}

export const imageLatestTag: Rule = {
  id: 'image-latest-tag',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3007' },
  description: 'FROM uses the latest tag',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { model, report } = ctx;
    recordGlobalArgs(ctx);
    for (const ins of model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const { image } = fromParts(ins, model.escape);
      if (!image) continue;
      if (image.raw.includes('$')) {
        ctx.fact({ kind: 'from', range: ctx.range(image.start, image.end), ins: ctx.range(ins.start, ins.start), image: image.value } satisfies Fact);
        continue;
      }
      if (image.raw !== image.value) continue;
      const ref = parseImage(image.value);
      // A digest pins the image whatever the tag says.
      if (ref.tag !== 'latest' || ref.digest !== null || !isValidRepo(ref.repo)) continue;
      report({
        start: image.start + ref.tagStart,
        end: image.start + ref.tagEnd,
        message: t('Pin a version instead of latest: {0} changes whenever a new release is pushed', ref.repo),
      });
    }
  },
  checkFile(ctx) {
    const args = argMap(ctx.facts);
    for (const f of ctx.facts as Fact[]) {
      if (f.kind !== 'from') continue;
      const image = expandArgs(f.image, args);
      if (image === undefined) continue;
      const ref = parseImage(image);
      if (ref.tag !== 'latest' || ref.digest !== null || !isValidRepo(ref.repo)) continue;
      ctx.report({
        range: f.range,
        message: t('With the default build arguments {0} is {1}: pin a version instead of latest', f.image, image),
        instructionLine: f.ins.start.line,
      });
    }
  },
};
