/**
 * Facts about global ARGs and FROM lines, shared by undefined-arg-in-from and
 * invalid-default-arg-in-from: each chunk records its global ARGs (only the first chunk has
 * any) and its FROM lines' variable references; the file-level checks read them.
 */
import type { RuleContext } from '../types';
import type { Range } from '../../text';
import { keyValues, varRefs } from './_vars';

export interface GlobalArgFact {
  kind: 'global';
  args: { name: string; value: string | null; range: Range }[];
}

export interface FromFact {
  kind: 'from';
  /** The image word as written, its range, and the --platform value. */
  image: string;
  imageRange: Range;
  refs: { name: string; range: Range }[];
  instruction: Range;
  /** Where a new global ARG goes: above the comments right above this FROM (they belong to it). */
  insertAt: Range;
  eol: string;
  escape: string;
}

export type ArgFromFact = GlobalArgFact | FromFact;

const cache = new WeakMap<object, ArgFromFact[]>();

/** Records the facts for the calling rule (computed once per chunk for both rules). */
export function recordFromFacts(ctx: RuleContext): void {
  let facts = cache.get(ctx.model);
  if (!facts) {
    facts = fromFacts(ctx);
    cache.set(ctx.model, facts);
  }
  for (const f of facts) ctx.fact(f);
}

function fromFacts(ctx: RuleContext): ArgFromFact[] {
  const out: ArgFromFact[] = [];
  const { model } = ctx;
  const commentLines = new Set(model.comments.map((c) => c.line));
  const globals: GlobalArgFact['args'] = [];
  const above = (line: number) => {
    let l = line;
    while (l > 0 && commentLines.has(l - 1)) l--;
    return l;
  };
  for (const ins of model.instructions) {
    if (ins.stage < 0 && ins.keyword === 'ARG') {
      for (const kv of keyValues(model, ins)) {
        const value = kv.valueStart !== null && kv.valueEnd !== null ? model.text.slice(kv.valueStart, kv.valueEnd) : null;
        globals.push({ name: kv.name, value, range: ctx.range(kv.nameStart, kv.nameEnd) });
      }
    }
    if (ins.keyword !== 'FROM' || ins.args.length === 0) continue;
    const img = ins.args[0];
    const refs: FromFact['refs'] = [];
    for (const r of varRefs(model.text.slice(img.start, img.end), model.escape, img.start)) refs.push({ name: r.name, range: ctx.range(r.start, r.end) });
    const platform = ins.flags.find((f) => f.name === 'platform');
    if (platform?.value) {
      const at = platform.start + '--platform='.length;
      for (const r of varRefs(model.text.slice(at, platform.end), model.escape, at)) refs.push({ name: r.name, range: ctx.range(r.start, r.end) });
    }
    out.push({
      kind: 'from',
      image: model.text.slice(img.start, img.end),
      imageRange: ctx.range(img.start, img.end),
      refs,
      instruction: ctx.range(ins.start, ins.start),
      insertAt: ctx.range(model.lines.starts[above(ins.startLine)], model.lines.starts[above(ins.startLine)]),
      eol: model.eol,
      escape: model.escape,
    } satisfies FromFact);
  }
  if (globals.length > 0) out.push({ kind: 'global', args: globals } satisfies GlobalArgFact);
  return out;
}
