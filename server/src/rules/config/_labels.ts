/**
 * Shared by the label-schema rules (hadolint DL3049–DL3058 without DL3057): the LABELs of
 * each stage, recorded as facts in `check` (settings-free, so the chunk cache stays valid) and
 * judged against `settings.labelSchema` in `checkFile`.
 *
 * A stage's labels are its own plus those it inherits through `FROM <stage>`. The stages that
 * must carry the required labels are the ones that can be an image of their own: the last
 * stage, and every stage no later stage builds on (`FROM <stage>`) or copies from
 * (`COPY --from`). hadolint also reports a base stage that a labelled stage builds on; its
 * labels reach the image through that stage, so we do not.
 */
import type { Label } from 'dockerfile-ast';
import type { LabelType } from '../../settings';
import type { FileRuleContext, Rule, RuleContext, Severity } from '../types';
import type { Range } from '../../text';

export interface LabelEntry {
  name: string;
  value: string;
  /** The whole `name=value`. */
  range: Range;
  /** The value (or the name when there is none). */
  valueRange: Range;
  /** The value has a variable: its text at build time is unknown. */
  dynamic: boolean;
  /** The first line of its LABEL instruction (set by stageLabels, in file lines). */
  insLine?: number;
}

export type LabelFact =
  | { kind: 'from'; range: Range; name: string | null; image: string }
  | { kind: 'label'; range: Range; entries: LabelEntry[] }
  | { kind: 'copyFrom'; range: Range; source: string };

const plain = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Range => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

export function recordLabelFacts(ctx: RuleContext): void {
  for (const ins of ctx.model.instructions) {
    if (ins.keyword === 'FROM') {
      const image = ins.args[0]?.value ?? '';
      const as = ins.args.length >= 3 && ins.args[1].value.toLowerCase() === 'as' ? ins.args[2].value.toLowerCase() : null;
      ctx.fact({ kind: 'from', range: ctx.range(ins.keywordStart, ins.end), name: as, image: image.toLowerCase() } satisfies LabelFact);
    } else if (ins.keyword === 'COPY') {
      const from = ins.flags.find((f) => f.name.toLowerCase() === 'from');
      if (from?.value) ctx.fact({ kind: 'copyFrom', range: ctx.range(from.start, from.end), source: from.value.toLowerCase() } satisfies LabelFact);
    } else if (ins.keyword === 'LABEL') {
      const entries: LabelEntry[] = [];
      for (const p of (ins.node as Label).getProperties()) {
        const name = p.getName();
        if (!name) continue;
        const value = p.getValue() ?? '';
        const raw = p.getUnescapedValue() ?? '';
        const valueRange = p.getValueRange();
        entries.push({ name, value, range: plain(p.getRange()), valueRange: plain(valueRange ?? p.getNameRange()), dynamic: raw.includes('$') && !raw.startsWith("'") });
      }
      ctx.fact({ kind: 'label', range: ctx.range(ins.keywordStart, ins.end), entries } satisfies LabelFact);
    }
  }
}

export interface StageLabels {
  from: Range;
  /** The labels it sets itself and inherits, by name (the last one set wins). */
  labels: Map<string, LabelEntry>;
  /** Its own LABEL entries, in order. */
  own: LabelEntry[];
  /** It can be an image of its own (see the top of this file). */
  output: boolean;
}

export function stageLabels(facts: readonly LabelFact[]): StageLabels[] {
  const stages: (StageLabels & { name: string | null; parent: number })[] = [];
  const used = new Set<number>();
  // The latest stage of each name so far (a Map: a file of 10,000 stages stays linear).
  const latest = new Map<string, number>();
  const byName = (n: string): number => {
    const hit = latest.get(n);
    if (hit !== undefined) return hit;
    return /^\d+$/.test(n) && Number(n) < stages.length ? Number(n) : -1;
  };
  for (const f of facts) {
    if (f.kind === 'from') {
      const parent = byName(f.image);
      if (parent >= 0) used.add(parent);
      stages.push({ from: f.range, name: f.name, parent, labels: new Map(parent >= 0 ? stages[parent].labels : []), own: [], output: true });
      if (f.name) latest.set(f.name, stages.length - 1);
    } else if (stages.length > 0) {
      const st = stages[stages.length - 1];
      if (f.kind === 'copyFrom') {
        const src = byName(f.source);
        if (src >= 0) used.add(src);
      } else {
        for (const entry of f.entries) {
          const e = { ...entry, insLine: f.range.start.line };
          st.own.push(e);
          st.labels.set(e.name, e);
        }
      }
    }
  }
  stages.forEach((st, i) => (st.output = i === stages.length - 1 || !used.has(i)));
  return stages;
}

/**
 * Every LABEL entry of the file, in order, with its instruction's first line: also those of a
 * LABEL before the first FROM (in no image, so never a stage's, but its value is still wrong;
 * instruction-before-from reports where it is).
 */
export function labelEntries(facts: readonly LabelFact[]): LabelEntry[] {
  const out: LabelEntry[] = [];
  for (const f of facts) if (f.kind === 'label') for (const e of f.entries) out.push({ ...e, insLine: f.range.start.line });
  return out;
}

/** A rule that checks the value of every label the schema gives a type (and a value). */
export function labelValueRule(def: {
  id: string;
  hadolint: string;
  description: string;
  docs: { en: string; 'zh-cn': string };
  type: LabelType | 'any';
  severity?: Severity;
  /** The message for a bad value, or undefined when it is fine. */
  problem(entry: LabelEntry): string | undefined;
}): Rule {
  return {
    id: def.id,
    defaultSeverity: def.severity ?? 'warning',
    related: { hadolint: def.hadolint },
    description: def.description,
    docs: def.docs,
    check: recordLabelFacts,
    checkFile(ctx: FileRuleContext) {
      const schema = ctx.settings.labelSchema ?? {};
      if (Object.keys(schema).length === 0) return;
      for (const e of labelEntries(ctx.facts as LabelFact[])) {
        const type = schema[e.name];
        if (!type || (def.type !== 'any' && type !== def.type) || (def.type !== 'any' && (e.dynamic || e.value === ''))) continue;
        const message = def.problem(e);
        if (message) ctx.report({ range: e.valueRange, message, instructionLine: e.insLine ?? e.range.start.line });
      }
    },
  };
}
