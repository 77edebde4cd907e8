/**
 * copy-relative-without-workdir — `COPY app.py .` before any WORKDIR: the destination is
 * relative to the base image's working directory. Whole-file: a WORKDIR in a stage this one
 * starts from (`FROM build`) counts, so `checkFile` follows the `FROM <stage>` chain.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { byStage, copyParts, isAbsolutePath } from '../instructions/_words';
import { stageAt, startWorkdirKnown } from './_stages';
import en from './copy-relative-without-workdir.md';
import zhCn from './copy-relative-without-workdir.zh-cn.md';

interface Fact {
  at: Range;
  /** The stage has a WORKDIR (its later instructions, and stages built on it, know the directory). */
  workdir: boolean;
  /** COPY/ADD to a relative destination before the stage's first WORKDIR. */
  relative: { range: Range; ins: Range; dest: string; keyword: string }[];
}

export const copyRelativeWithoutWorkdir: Rule = {
  id: 'copy-relative-without-workdir',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3045' },
  description: 'COPY to a relative destination before any WORKDIR',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { model } = ctx;
    for (const { from, body } of byStage(model.instructions)) {
      const fact: Fact = { at: ctx.range(from.start, from.end), workdir: false, relative: [] };
      for (const ins of body) {
        if (ins.keyword === 'WORKDIR') {
          fact.workdir = true;
          break;
        }
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
        const parts = copyParts(ins, model);
        const dest = parts?.dest;
        if (!parts || !dest || dest.value === '' || isAbsolutePath(dest.value) || dest.value.startsWith('$')) continue;
        const at = parts.json ? { start: ins.keywordStart, end: ins.keywordEnd } : dest;
        fact.relative.push({ range: ctx.range(at.start, at.end), ins: ctx.range(ins.start, ins.start), dest: dest.value, keyword: ins.keyword });
      }
      if (fact.workdir || fact.relative.length > 0) ctx.fact(fact);
    }
  },
  checkFile(ctx) {
    const facts = ctx.facts as Fact[];
    const byLine = new Map(facts.map((f) => [f.at.start.line, f]));
    for (const f of facts) {
      if (f.relative.length === 0) continue;
      const st = stageAt(ctx.stages, f.at.start.line);
      // An earlier stage this one starts from set the directory (or the base is scratch): defined.
      if (startWorkdirKnown(ctx.stages, st, (line) => !!byLine.get(line)?.workdir)) continue;
      for (const r of f.relative) {
        ctx.report({
          range: r.range,
          message: t('{0} to the relative destination {1} before any WORKDIR: it lands in the base image working directory; set WORKDIR first or use an absolute path', r.keyword, r.dest),
          instructionLine: r.ins.start.line,
        });
      }
    }
  },
};
