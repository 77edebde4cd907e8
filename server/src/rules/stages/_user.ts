/**
 * The last USER of each stage, as facts for the rules about the final image's user
 * (`user-root-last`, `user-non-numeric`, `user-not-set`), and the final stage's effective USER
 * through `FROM <stage>` inheritance.
 */
import type { Range } from '../../text';
import type { FileRuleContext, RuleContext } from '../types';
import { byStage, word } from '../instructions/_words';
import { finalStage, lineage } from './_stages';

export interface UserFact {
  /** The stage's FROM. */
  at: Range;
  /** Its last USER (null when it has none). */
  user: { range: Range; ins: Range; value: string; raw: string } | null;
}

export function recordUsers(ctx: RuleContext): void {
  for (const { from, body } of byStage(ctx.model.instructions)) {
    let user: UserFact['user'] = null;
    for (const ins of body) {
      if (ins.keyword !== 'USER' || ins.args.length === 0) continue;
      const w = word(ins.args[0], ctx.model.escape);
      user = { range: ctx.range(w.start, w.end), ins: ctx.range(ins.start, ins.start), value: w.value, raw: w.raw };
    }
    ctx.fact({ at: ctx.range(from.start, from.end), user } satisfies UserFact);
  }
}

/**
 * The USER the final image runs as, as far as the file says: the final stage's last USER, else
 * that of the stage it starts from, and so on. `inherited` names the stage it comes from.
 */
export function finalUser(ctx: FileRuleContext): { user: NonNullable<UserFact['user']> | null; inherited: string | null; finalAt: Range | null } {
  const facts = ctx.facts as UserFact[];
  const last = finalStage(ctx.stages);
  if (!last) return { user: null, inherited: null, finalAt: null };
  const byLine = new Map(facts.map((f) => [f.at.start.line, f]));
  const finalAt = byLine.get(last.line)?.at ?? null;
  for (const st of lineage(ctx.stages, last)) {
    const f = byLine.get(st.line);
    if (f?.user) return { user: f.user, inherited: st === last ? null : st.name ?? String(st.index), finalAt };
  }
  return { user: null, inherited: null, finalAt };
}

/** `root`, `0`, `root:…`, `0:…`. */
export function isRoot(user: string): boolean {
  const name = user.split(':')[0];
  return name === 'root' || name === '0';
}
