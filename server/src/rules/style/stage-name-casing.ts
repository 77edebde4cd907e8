/**
 * stage-name-casing — BuildKit's StageNameCasing: `FROM … AS Builder`. Stage names are
 * case-insensitive (BuildKit lower-cases them when it looks them up: `--from=Builder`,
 * `FROM builder` and `--target BUILDER` all find it), so lower-casing the name and every
 * reference to it cannot change the build: the fix is safe.
 *
 * The references (`FROM <stage>`, `COPY --from=<stage>`, `RUN --mount=…,from=<stage>`) may be in
 * other chunks: `check` records the names and the references that are not lower case as facts,
 * `checkFile` reports each name with one fix that rewrites the name and all its references.
 */
import { t } from '../../l10n';
import type { InstructionInfo } from '../../model';
import type { Range } from '../../text';
import type { Rule, RuleContext } from '../types';
import en from './stage-name-casing.md';
import zhCn from './stage-name-casing.zh-cn.md';

type CasingFact =
  | { kind: 'name'; name: string; range: Range; line: Range }
  | { kind: 'ref'; value: string; range: Range; from: boolean };

/** A reference that can name a stage: not an image reference, an index, an expansion or quoted. */
function maybeStage(value: string): boolean {
  return value !== '' && value !== value.toLowerCase() && !/[:/@$"'\\`\s]/.test(value) && !/^[0-9]+$/.test(value);
}

function recordReferences(ctx: RuleContext, ins: InstructionInfo): void {
  const text = ctx.model.text;
  if (ins.keyword === 'FROM') {
    const image = ins.args[0];
    if (image && maybeStage(image.value) && text.slice(image.start, image.end) === image.value) {
      ctx.fact({ kind: 'ref', value: image.value, range: ctx.range(image.start, image.end), from: true } satisfies CasingFact);
    }
    return;
  }
  if (ins.keyword !== 'COPY' && ins.keyword !== 'RUN') return;
  for (const f of ins.flags) {
    const raw = text.slice(f.start, f.end);
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    if (ins.keyword === 'COPY' && f.name === 'from') {
      const value = raw.slice(eq + 1);
      if (maybeStage(value)) ctx.fact({ kind: 'ref', value, range: ctx.range(f.start + eq + 1, f.end), from: false } satisfies CasingFact);
    } else if (ins.keyword === 'RUN' && f.name === 'mount') {
      // `type=bind,from=Builder,source=/x`: every `from=` option.
      for (let at = eq + 1; at <= raw.length;) {
        let comma = raw.indexOf(',', at);
        if (comma < 0) comma = raw.length;
        const part = raw.slice(at, comma);
        if (part.slice(0, 5).toLowerCase() === 'from=' && maybeStage(part.slice(5))) {
          ctx.fact({ kind: 'ref', value: part.slice(5), range: ctx.range(f.start + at + 5, f.start + comma), from: false } satisfies CasingFact);
        }
        at = comma + 1;
      }
    }
  }
}

export const stageNameCasing: Rule = {
  id: 'stage-name-casing',
  defaultSeverity: 'warning',
  related: { buildkit: 'StageNameCasing' },
  description: 'Stage name is not lower case',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'lower-case it and every reference (safe)',
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      recordReferences(ctx, ins);
      if (ins.keyword !== 'FROM' || ins.args.length < 3 || ins.args[1].value.toLowerCase() !== 'as') continue;
      const name = ins.args[2];
      if (name.value.toLowerCase() === name.value) continue;
      ctx.fact({ kind: 'name', name: name.value, range: ctx.range(name.start, name.end), line: ctx.range(ins.start, ins.start) } satisfies CasingFact);
    }
  },
  checkFile(ctx) {
    const facts = ctx.facts as CasingFact[];
    const refs = new Map<string, Extract<CasingFact, { kind: 'ref' }>[]>();
    for (const f of facts) {
      if (f.kind !== 'ref') continue;
      const key = f.value.toLowerCase();
      let list = refs.get(key);
      if (!list) refs.set(key, (list = []));
      list.push(f);
    }
    for (const f of facts) {
      if (f.kind !== 'name') continue;
      const lower = f.name.toLowerCase();
      // `FROM <stage>` reads only earlier stages; `--from` any stage of the file (BuildKit looks
      // names up case-insensitively, so lower-casing a reference never changes what it finds).
      const mine = (refs.get(lower) ?? []).filter((r) => !r.from || r.range.start.line > f.line.start.line);
      const edits = [{ range: f.range, newText: lower }, ...mine.map((r) => ({ range: r.range, newText: lower }))];
      ctx.report({
        range: f.range,
        message: t('Stage name \'{0}\' should be lowercase', f.name),
        instructionLine: f.line.start.line,
        fixes: [{
          title: mine.length > 0 ? t('Change to {0} here and in every reference', lower) : t('Change to {0}', lower),
          safety: 'safe',
          edits,
        }],
      });
    }
  },
};
