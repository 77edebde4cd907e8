/**
 * undefined-variable — BuildKit's UndefinedVar: a `$name` in an instruction BuildKit expands
 * (ENV, ARG defaults, LABEL, COPY/ADD sources, destination and `--chown`/`--checksum`,
 * WORKDIR, USER, VOLUME, STOPSIGNAL, `RUN --mount` options) that no ENV or ARG of the stage,
 * of the stages it starts `FROM`, declares before it. Never inside RUN/CMD/ENTRYPOINT shell
 * text: the shell expands that.
 *
 * Whole-file: a stage inherits the ENV and ARG of the stage it starts from, which may be in
 * another chunk. Each chunk records, per stage, what the stage declares and the references it
 * could not resolve locally (with the names declared before each, for "did you mean");
 * `checkFile` resolves them through the `FROM <stage>` chain. Nothing of another chunk is in
 * a chunk's result, so the chunk cache stays keyed by its own text.
 */
import { t } from '../../l10n';
import type { InstructionInfo } from '../../model';
import { matchKeywordCase } from '../../text';
import type { Range } from '../../text';
import type { Rule, RuleContext } from '../types';
import { PLATFORM_ARGS, distance, isPredefinedAnywhere, keyValues, suggest, varRefs, type VarRef } from './_vars';
import en from './undefined-variable.md';
import zhCn from './undefined-variable.zh-cn.md';

interface StageFact {
  kind: 'stage';
  /** The stage's FROM (its line identifies the stage in the file). */
  from: Range;
  /** Where `ARG x` goes for a fix: the end of the FROM instruction. */
  fromEnd: Range;
  /** The FROM keyword as written (for the case of an inserted ARG). */
  keyword: string;
  eol: string;
  /** Every ENV and ARG name the stage declares (what a child stage inherits), space-separated (a plain string: cheap to move). */
  declared: string;
}

interface RefFact {
  kind: 'ref';
  from: Range;
  name: string;
  range: Range;
  /** The name inside the reference (`NAME` of `${NAME:-x}`), for the rename fix. */
  nameRange: Range;
  instruction: Range;
  /** Names declared before the reference in its stage (for "did you mean"), space-separated. */
  options: string;
}

interface GlobalFact {
  kind: 'global';
  names: string[];
}

type Fact = StageFact | RefFact | GlobalFact;

/** Where the value of `--name=value` starts, as written (quotes included). */
function flagValueStart(f: { name: string; start: number }): number {
  return f.start + 2 + f.name.length + 1;
}

/** Heredoc bodies and `<<EOF` words are not sources. */
function wordArgs(ins: InstructionInfo) {
  return ins.args.filter((a) => !a.value.startsWith('<<') && !ins.heredocs.some((h) => a.start >= h.contentStart && a.start <= h.contentEnd));
}

/** The references BuildKit expands in one instruction, in order, with the names it defines. */
export function instructionRefs(ctx: RuleContext, ins: InstructionInfo): { refs: VarRef[]; defines: { name: string; after: number }[] } {
  const { model } = ctx;
  const text = model.text;
  const esc = model.escape;
  const refs: VarRef[] = [];
  const defines: { name: string; after: number }[] = [];
  const scan = (start: number, end: number) => {
    if (end > start) refs.push(...varRefs(text.slice(start, end), esc, start));
  };
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const kv of keyValues(model, ins)) {
        scan(kv.nameStart, kv.nameEnd);
        if (kv.valueStart !== null && kv.valueEnd !== null) scan(kv.valueStart, kv.valueEnd);
        // ENV applies after the whole instruction is expanded (`after`: where its pair ends).
        if (ins.keyword === 'ENV') defines.push({ name: kv.name, after: kv.valueEnd ?? kv.nameEnd });
      }
      break;
    case 'ARG':
      for (const kv of keyValues(model, ins)) {
        if (kv.valueStart !== null && kv.valueEnd !== null) scan(kv.valueStart, kv.valueEnd);
        // Each ARG of a line is defined for the ones after it.
        defines.push({ name: kv.name, after: kv.valueEnd ?? kv.nameEnd });
      }
      break;
    case 'COPY':
    case 'ADD':
      for (const f of ins.flags) {
        if ((f.name === 'chown' || (f.name === 'checksum' && ins.keyword === 'ADD')) && f.value) scan(flagValueStart(f), f.end);
      }
      for (const a of wordArgs(ins)) scan(a.start, a.end);
      // A heredoc source with an unquoted delimiter is expanded too (quotes kept, `\` escapes).
      for (const h of ins.heredocs) {
        if (h.contentEnd > h.contentStart && !quotedDelimiter(text, ins.start, h.contentStart, h.name)) {
          refs.push(...varRefs(text.slice(h.contentStart, h.contentEnd), '\\', h.contentStart, true));
        }
      }
      break;
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      for (const a of ins.args) scan(a.start, a.end);
      break;
    case 'RUN':
      for (const f of ins.flags) if (f.name === 'mount' && f.value) scan(flagValueStart(f), f.end);
      break;
  }
  return { refs, defines };
}

/** Whether the `<<NAME` opening heredoc `name` quotes its delimiter (`<<"EOF"`, `<<'EOF'`): then nothing is expanded. */
function quotedDelimiter(text: string, from: number, to: number, name: string): boolean {
  let at = text.indexOf('<<', from);
  while (at >= 0 && at < to) {
    let i = at + 2;
    if (text[i] === '-') i++;
    const q = text[i];
    if ((q === '"' || q === "'") && text.startsWith(name, i + 1) && text[i + 1 + name.length] === q) return true;
    if (text.startsWith(name, i)) return false;
    at = text.indexOf('<<', at + 2);
  }
  return false;
}

function check(ctx: RuleContext): void {
  const { model } = ctx;
  const globals: string[] = [];
  let stage: { fact: StageFact; declared: Set<string>; order: string[] } | undefined;
  const flush = () => {
    if (stage) {
      stage.fact.declared = [...stage.declared].join(' ');
      ctx.fact(stage.fact);
    }
  };
  for (const ins of model.instructions) {
    if (ins.keyword === 'FROM') {
      flush();
      stage = {
        fact: { kind: 'stage', from: ctx.range(ins.start, ins.start), fromEnd: ctx.range(ins.end, ins.end), keyword: ins.keywordText, eol: model.eol, declared: '' },
        declared: new Set(),
        order: ['PATH'],
      };
      continue;
    }
    if (!stage) {
      if (ins.keyword === 'ARG') for (const kv of keyValues(model, ins)) globals.push(kv.name);
      continue;
    }
    const { refs, defines } = instructionRefs(ctx, ins);
    let di = 0;
    const pending = [...defines];
    for (const r of refs) {
      // ARGs of one line: those before this reference are defined.
      while (di < pending.length && ins.keyword === 'ARG' && pending[di].after <= r.start) {
        stage.declared.add(pending[di].name);
        stage.order.push(pending[di].name);
        di++;
      }
      if (stage.declared.has(r.name) || r.name === 'PATH' || isPredefinedAnywhere(r.name)) continue;
      // `ENV A=1 B=$A`: env-same-instruction-reference (DL3044) reports it.
      if (ins.keyword === 'ENV' && defines.some((d) => d.name === r.name && d.after <= r.start)) continue;
      const at = r.start + (model.text[r.start + 1] === '{' ? 2 : 1);
      const fact: RefFact = { kind: 'ref', from: stage.fact.from, name: r.name, range: ctx.range(r.start, r.end), nameRange: ctx.range(at, at + r.name.length), instruction: ctx.range(ins.start, ins.start), options: stage.order.join(' ') };
      ctx.fact(fact);
    }
    for (; di < pending.length; di++) {
      stage.declared.add(pending[di].name);
      stage.order.push(pending[di].name);
    }
  }
  flush();
  if (globals.length > 0) ctx.fact({ kind: 'global', names: globals } satisfies GlobalFact);
}

/**
 * A suggestion strong enough to report on a registry image (whose ENV we do not know): one
 * edit away, or two on a name of the same length (`PAHT`/`PATH`); not `GOPATH`/`PATH`.
 */
function likelyTypo(name: string, match: string | undefined): boolean {
  if (match === undefined) return false;
  return distance(name, match) === 1 || name.length === match.length;
}

export const undefinedVariable: Rule = {
  id: 'undefined-variable',
  defaultSeverity: 'warning',
  related: { buildkit: 'UndefinedVar' },
  description: 'Variable used before it is defined',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'the suggested name (unsafe); add `ARG <name>` to the stage, for a global or predefined ARG (unsafe)',
  check,
  checkFile(ctx) {
    const facts = ctx.facts as Fact[];
    const stages = ctx.stages;
    const byLine = new Map(stages.map((s) => [s.line, s.index]));
    const declared = new Map<number, StageFact>();
    const globals = new Set<string>();
    for (const f of facts) {
      if (f.kind === 'stage') {
        const k = byLine.get(f.from.start.line);
        if (k !== undefined) declared.set(k, f);
      } else if (f.kind === 'global') for (const n of f.names) globals.add(n);
    }
    // Parent of each stage: the last earlier stage named as its base (BuildKit's order).
    const parent: (number | undefined)[] = [];
    const lastByName = new Map<string, number>();
    for (const s of stages) {
      parent.push(lastByName.get(s.from));
      if (s.name) lastByName.set(s.name, s.index);
    }
    const inheritedCache = new Map<number, { names: Set<string>; root: string }>();
    const inherited = (k: number): { names: Set<string>; root: string } => {
      let v = inheritedCache.get(k);
      if (v) return v;
      const chain: number[] = [];
      for (let p = parent[k]; p !== undefined && chain.length < stages.length; p = parent[p]) chain.push(p);
      const names = new Set<string>();
      for (const p of chain) for (const n of (declared.get(p)?.declared ?? '').split(' ')) if (n) names.add(n);
      const top = chain.length > 0 ? chain[chain.length - 1] : k;
      v = { names, root: stages[top]?.from ?? '' };
      inheritedCache.set(k, v);
      return v;
    };
    for (const f of facts) {
      if (f.kind !== 'ref') continue;
      const k = byLine.get(f.from.start.line);
      if (k === undefined) continue;
      const inh = inherited(k);
      if (inh.names.has(f.name)) continue;
      const isGlobal = globals.has(f.name) || PLATFORM_ARGS.has(f.name);
      const options = [...f.options.split(' ').filter(Boolean), ...inh.names];
      const match = suggest(f.name, options);
      // The ENV of a registry image is unknown without the registry: there, only what cannot
      // come from it (a global ARG not redeclared, a name with lower case letters, a likely typo).
      const scratch = inh.root === 'scratch';
      // `$1`, `$@`: never an image's variable either.
      if (!scratch && !isGlobal && !likelyTypo(f.name, match) && !/[a-z]/.test(f.name) && /^[A-Z_]/.test(f.name)) continue;
      let message: string;
      const fixes = [];
      if (isGlobal) {
        message = globals.has(f.name)
          ? t('Usage of undefined variable \'${0}\': an ARG before the first FROM is seen by FROM lines only; declare `ARG {0}` in this stage', f.name)
          : t('Usage of undefined variable \'${0}\': BuildKit predefines it for FROM lines only; declare `ARG {0}` in this stage', f.name);
        const st = declared.get(k);
        if (st) {
          const at = st.fromEnd.end;
          fixes.push({
            title: t('Declare `ARG {0}` in this stage', f.name),
            safety: 'unsafe' as const,
            edits: [{ range: { start: at, end: at }, newText: `${st.eol}${matchKeywordCase(st.keyword, 'ARG')} ${f.name}` }],
          });
        }
      } else if (match !== undefined) {
        message = t('Usage of undefined variable \'${0}\' (did you mean ${1}?)', f.name, match);
        fixes.push({ title: t('Change to {0}', `$${match}`), safety: 'unsafe' as const, edits: [{ range: f.nameRange, newText: match }] });
      } else {
        message = t('Usage of undefined variable \'${0}\'', f.name);
      }
      ctx.report({ range: f.range, message, instructionLine: f.instruction.start.line, fixes });
    }
  },
};
