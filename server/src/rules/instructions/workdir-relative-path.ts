/**
 * workdir-relative-path — a relative WORKDIR while the working directory still comes from the
 * base image: the path depends on a directory the Dockerfile never chose. Only the first
 * WORKDIR counts, as in BuildKit: later ones are relative to it, and fixing it fixes them.
 * Whole-file: a WORKDIR in a stage this one starts from (`FROM build`) is that first one,
 * so each chunk records per stage whether it sets a WORKDIR and whether its first is
 * relative, and `checkFile` follows the `FROM <stage>` chain.
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { stageAt, startWorkdirKnown } from '../stages/_stages';
import { byStage, isAbsolutePath, splitWords } from './_words';
import en from './workdir-relative-path.md';
import zhCn from './workdir-relative-path.zh-cn.md';

interface Fact {
  /** The stage's FROM. */
  at: Range;
  /** The stage has a WORKDIR: a child stage's WORKDIRs are not its first. */
  fixed: boolean;
  /** The stage's first WORKDIR, when it is relative (at most one). */
  relative: { range: Range; ins: Range; path: string }[];
}

export const workdirRelativePath: Rule = {
  id: 'workdir-relative-path',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' },
  description: 'Relative WORKDIR without an absolute one before it',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { model } = ctx;
    for (const { from, body } of byStage(model.instructions)) {
      const fact: Fact = { at: ctx.range(from.start, from.end), fixed: false, relative: [] };
      for (const ins of body) {
        if (ins.keyword !== 'WORKDIR' || ins.bodyStart === null) continue;
        // WORKDIR takes the rest of the line as one path (`WORKDIR /my app`).
        const words = splitWords(model.text, ins.bodyStart, ins.end, model.escape);
        if (words.length === 0) continue;
        const w = { value: words.map((x) => x.value).join(' '), raw: words.map((x) => x.raw).join(' '), start: words[0].start, end: words[words.length - 1].end };
        fact.fixed = true;
        // A variable (`$HOME`, `${APP_DIR}`) is usually absolute; hadolint does not report it either.
        // A drive letter is read from the source text too: `WORKDIR "C:\"` with the default
        // escape is an escaped quote to BuildKit, but a Windows root to whoever wrote it.
        if (!isAbsolutePath(w.value) && !/^["']?[A-Za-z]:[\\/]/.test(w.raw) && !w.raw.includes('$')) fact.relative.push({ range: ctx.range(w.start, w.end), ins: ctx.range(ins.start, ins.start), path: w.value });
        // The later WORKDIRs are relative to this one (BuildKit checks the first only).
        break;
      }
      if (fact.fixed || fact.relative.length > 0) ctx.fact(fact);
    }
  },
  checkFile(ctx) {
    const facts = ctx.facts as Fact[];
    const byLine = new Map(facts.map((f) => [f.at.start.line, f]));
    for (const f of facts) {
      if (f.relative.length === 0) continue;
      const st = stageAt(ctx.stages, f.at.start.line);
      // A stage this one starts from has a WORKDIR, the first one (or the base is scratch): not this one's to report.
      if (startWorkdirKnown(ctx.stages, st, (line) => !!byLine.get(line)?.fixed)) continue;
      for (const r of f.relative) {
        ctx.report({
          range: r.range,
          message: t('Relative WORKDIR {0} depends on the working directory of the base image: use an absolute path', r.path),
          instructionLine: r.ins.start.line,
        });
      }
    }
  },
};
