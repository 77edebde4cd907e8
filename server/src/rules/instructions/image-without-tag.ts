/**
 * image-without-tag — `FROM image` with neither tag nor digest: it means `:latest`.
 * Whole-file: `FROM build` names an earlier stage (no tag needed), and `FROM ${BASE}` reads a
 * global ARG default; each chunk records its FROM images (and the first its global ARGs), and
 * `checkFile` decides.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { firstByName, stageAt } from '../stages/_stages';
import { argMap, expandArgs, recordGlobalArgs } from './_args';
import { fromParts, isValidRepo, parseImage } from './_words';
import en from './image-without-tag.md';
import zhCn from './image-without-tag.zh-cn.md';

interface Fact {
  kind: 'from';
  range: Range;
  /** The instruction's first line (where an ignore comment goes). */
  ins: Range;
  image: string;
}

function lastSegment(repo: string): string {
  return repo.slice(repo.lastIndexOf('/') + 1);
}

export const imageWithoutTag: Rule = {
  id: 'image-without-tag',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3006' },
  description: 'FROM image without a tag or digest',
  fixSummary: 'a placeholder tag to complete (suggestion)',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    recordGlobalArgs(ctx);
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'FROM') continue;
      const { image } = fromParts(ins, ctx.model.escape);
      if (!image || image.value === '') continue;
      const ref = parseImage(image.value);
      if (ref.tag !== null || ref.digest !== null) continue;
      ctx.fact({ kind: 'from', range: ctx.range(image.start, image.end), ins: ctx.range(ins.start, ins.start), image: image.value } satisfies Fact);
    }
  },
  checkFile(ctx) {
    const args = argMap(ctx.facts);
    // A FROM names a stage defined above it.
    const byName = firstByName(ctx.stages);
    for (const f of ctx.facts as Fact[]) {
      if (f.kind !== 'from') continue;
      let image = f.image;
      if (image.includes('$')) {
        const expanded = expandArgs(image, args);
        if (expanded !== undefined) image = expanded;
        // `FROM ${IMAGE}`, `FROM node${SUFFIX}` with no known default: the variable may bring the tag.
        else if (lastSegment(parseImage(image).repo).includes('$')) continue;
      }
      const ref = parseImage(image);
      if (ref.tag !== null || ref.digest !== null || image === '' || ref.repo.toLowerCase() === 'scratch') continue;
      // A malformed reference (`FROM Node`, `FROM my image`) is a syntax finding.
      if (!isValidRepo(ref.repo) && !ref.repo.includes('$')) continue;
      const st = stageAt(ctx.stages, f.range.start.line);
      const name = image.toLowerCase();
      const named = byName.get(name);
      if (st && named !== undefined && named < st.index) continue;
      ctx.report({
        range: f.range,
        message: image === f.image
          ? t('Tag the image with a version: {0} means {0}:latest, which changes with every release', image)
          : t('With the default build arguments {0} is {1}, which has no tag: it means {1}:latest', f.image, image),
        instructionLine: f.ins.start.line,
        // A template to complete: `TAG` keeps the reference valid (and the finding gone) but
        // names no real tag, so the build fails until the user writes the version they test with.
        fixes: image === f.image ? [{
          title: t('Add a tag: {0}:TAG (replace TAG with the version you build with)', image),
          safety: 'suggestion' as const,
          edits: [{ range: { start: f.range.end, end: f.range.end }, newText: ':TAG' }],
        }] : undefined,
      });
    }
  },
};
