/**
 * The local sources of COPY and ADD, recorded per chunk as facts (the file system is read only
 * in `checkFile`, so a chunk's cached result never depends on the disk).
 */
import type { RuleContext } from '../types';
import type { Range } from '../../text';
import { expandWord } from '../variables/_vars';

export interface SourceFact {
  keyword: string;
  /** The keyword as written (`Copy` / `Add` in messages, as BuildKit writes them). */
  instruction: Range;
  sources: { path: string; range: Range; wildcard: boolean }[];
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

const cache = new WeakMap<object, SourceFact[]>();

/** Records the facts for the calling rule (computed once per chunk for the three rules). */
export function recordSources(ctx: RuleContext): void {
  let facts = cache.get(ctx.model);
  if (!facts) {
    facts = sourceFacts(ctx);
    cache.set(ctx.model, facts);
  }
  for (const f of facts) ctx.fact(f);
}

function sourceFacts(ctx: RuleContext): SourceFact[] {
  const out: SourceFact[] = [];
  const { model } = ctx;
  for (const ins of model.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    // From another stage or image: not the build context.
    if (ins.flags.some((f) => f.name === 'from')) continue;
    const sources: SourceFact['sources'] = [];
    let words: { raw: string; start: number; end: number }[];
    if (Array.isArray(ins.json)) {
      if (ins.json.length < 2) continue;
      // JSON strings: no variables are expanded differently, but offsets are approximate: the whole argument list.
      words = ins.json.slice(0, -1).map((raw) => ({ raw: JSON.stringify(raw), start: ins.bodyStart ?? ins.start, end: ins.end }));
    } else if (ins.json === null) {
      continue;
    } else {
      const args = ins.args.filter((a) => !a.value.startsWith('<<') && !ins.heredocs.some((h) => a.start >= h.contentStart && a.start <= h.contentEnd));
      if (args.length < 2) continue;
      words = args.slice(0, -1).map((a) => ({ raw: model.text.slice(a.start, a.end), start: a.start, end: a.end }));
    }
    for (const w of words) {
      const ex = expandWord(w.raw, model.escape);
      // A variable: its value is unknown here. A URL or git source: not the context.
      if (ex.refs.length > 0 || ex.error || ex.value === '') continue;
      const p = ex.value;
      if (REMOTE.test(p) || /\.git(?:#.*)?$/.test(p) || /^[a-zA-Z]:[\\/]/.test(p)) continue;
      sources.push({ path: p, range: ctx.range(w.start, w.end), wildcard: /[*?[]/.test(p) });
    }
    if (sources.length > 0) out.push({ keyword: ins.keywordText, instruction: ctx.range(ins.start, ins.start), sources } satisfies SourceFact);
  }
  return out;
}
