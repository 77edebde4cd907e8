/**
 * image-without-tag — `FROM image` with neither tag nor digest: it means `:latest`.
 * Whole-file: `FROM build` names an earlier stage (no tag needed), which only the file knows;
 * each chunk records its FROM images and `checkFile` decides.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { stageAt } from '../stages/_stages';
import { fromParts, parseImage } from './_words';
import en from './image-without-tag.md';
import zhCn from './image-without-tag.zh-cn.md';

interface Fact {
  range: Range;
  image: string;
}

export const imageWithoutTag: Rule = {
  id: 'image-without-tag',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3006' },
  description: 'FROM image without a tag or digest',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const { image } = fromParts(ins, ctx.model.escape);
      if (!image || image.value === '') continue;
      const ref = parseImage(image.value);
      if (ref.tag !== null || ref.digest !== null) continue;
      const lastSegment = ref.repo.slice(ref.repo.lastIndexOf('/') + 1);
      // `FROM ${IMAGE}`, `FROM node${SUFFIX}`: the variable may bring the tag.
      if (lastSegment.includes('$')) continue;
      if (ref.repo.toLowerCase() === 'scratch') continue;
      ctx.fact({ range: ctx.range(image.start, image.end), image: image.value } satisfies Fact);
    }
  },
  checkFile(ctx) {
    for (const f of ctx.facts as Fact[]) {
      const st = stageAt(ctx.stages, f.range.start.line);
      const name = f.image.toLowerCase();
      if (st && ctx.stages.slice(0, st.index).some((s) => s.name === name)) continue;
      ctx.report({
        range: f.range,
        message: t('Tag the image with a version: {0} means {0}:latest, which changes with every release', f.image),
        instructionLine: f.range.start.line,
      });
    }
  },
};
