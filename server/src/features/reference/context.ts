/**
 * What is around a position of a Dockerfile, shared by completion, hover and signature help:
 * the instruction under the cursor (also on a continuation line still being typed), the
 * stages defined before it, the ARG/ENV variables in scope with their values, and the
 * keyword casing the file uses. Everything reads the cached model: nothing re-parses.
 */
import type { DockerfileModel, InstructionInfo } from '../../model';
import { trimBlankEnd } from '../../text';
import { PREDEFINED_ARGS, PROXY_ARGS } from '../instructions';

export interface Located {
  ins: InstructionInfo;
  index: number;
}

/** The index of the last instruction starting at or before `offset` (-1 when none). */
export function lastInstructionAt(model: DockerfileModel, offset: number): number {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The instruction the position belongs to: the one whose lines hold it, or the one whose last
 * line ends with the escape character (the user is typing its next continuation line).
 */
export function instructionAt(model: DockerfileModel, line: number, offset: number): Located | null {
  const index = lastInstructionAt(model, offset);
  if (index < 0) return null;
  const ins = model.instructions[index];
  if (offset <= ins.end || line <= ins.endLine) return { ins, index };
  // Blank or comment lines after a continued line still belong to it (Docker skips them).
  const esc = model.escape;
  for (let l = line - 1; l >= ins.endLine; l--) {
    const text = trimBlankEnd(model.lines.lineText(l));
    if (l === ins.endLine) return esc && text.endsWith(esc) && ins.heredocs.length === 0 ? { ins, index } : null;
    const t = text.trimStart();
    if (t !== '' && !t.startsWith('#')) return null;
    if (line - l > 50) return null;
  }
  return null;
}

/** The heredoc body (or delimiter line) that holds the offset, if any. */
export function heredocAt(model: DockerfileModel, ins: InstructionInfo, line: number): InstructionInfo['heredocs'][number] | null {
  for (const h of ins.heredocs) {
    const first = model.lines.positionAt(h.contentStart).line;
    const last = h.terminated ? model.lines.positionAt(h.contentEnd).line + (h.contentEnd > h.contentStart ? 1 : 0) : ins.endLine;
    if (line >= first && line <= Math.max(first, last) && line > ins.startLine) return h;
  }
  return null;
}

export interface StageRef {
  name: string;
  /** The FROM instruction. */
  ins: InstructionInfo;
  index: number;
}

/** The named stages whose FROM comes before instruction `before` (all of them when -1). */
export function stagesBefore(model: DockerfileModel, before = -1): StageRef[] {
  const out: StageRef[] = [];
  for (let s = 0; s < model.stageStarts.length; s++) {
    const i = model.stageStarts[s];
    if (before >= 0 && i >= before) break;
    const name = stageName(model.instructions[i]);
    if (name) out.push({ name, ins: model.instructions[i], index: i });
  }
  return out;
}

/** `AS name` of a FROM instruction, as written. */
export function stageName(from: InstructionInfo): string | null {
  const a = from.args;
  if (a.length >= 3 && a[a.length - 2].value.toLowerCase() === 'as') return a[a.length - 1].value;
  return null;
}

export interface VariableDef {
  name: string;
  kind: 'ARG' | 'ENV' | 'predefined';
  /** The value it has (null: declared without one). */
  value: string | null;
  /** Where it is set (null for BuildKit's predefined arguments). */
  ins: InstructionInfo | null;
  /** Set in the stage this one starts from. */
  inherited?: boolean;
}

interface Property {
  name: string;
  value: string | null;
}

/** Removes one pair of matching quotes around a value. */
function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/**
 * The `name=value` pairs of an ENV or ARG, from the words the model already holds (cheaper
 * than dockerfile-ast's properties on a big file). `ENV NAME value words` is the legacy form.
 */
function properties(ins: InstructionInfo): Property[] {
  const args = ins.args;
  if (args.length === 0) return [];
  if (ins.keyword === 'ENV' && !args[0].value.includes('=')) {
    return [{ name: args[0].value, value: args.length > 1 ? unquote(args.slice(1).map((a) => a.value).join(' ')) : '' }];
  }
  const out: Property[] = [];
  for (const a of args) {
    const eq = a.value.indexOf('=');
    if (eq === 0) continue;
    out.push(eq < 0 ? { name: a.value, value: null } : { name: a.value.slice(0, eq), value: unquote(a.value.slice(eq + 1)) });
  }
  return out;
}

function globalArgs(model: DockerfileModel, beforeOffset: number): Map<string, VariableDef> {
  const vars = new Map<string, VariableDef>();
  for (const ins of model.instructions) {
    if (ins.stage >= 0 || ins.keyword === 'FROM' || ins.start >= beforeOffset) break;
    if (ins.keyword !== 'ARG') continue;
    for (const p of properties(ins)) vars.set(p.name, { name: p.name, kind: 'ARG', value: p.value, ins });
  }
  return vars;
}

/** The ENV (and, for `own`, ARG) variables a stage sets before instruction `until`. */
function stageVars(model: DockerfileModel, stage: number, until: number, own: boolean, globals: Map<string, VariableDef>, depth: number, vars: Map<string, VariableDef>): void {
  const first = model.stageStarts[stage];
  const from = model.instructions[first];
  // A stage that starts from an earlier stage inherits its environment (not its ARGs).
  const image = from.args.find((a) => !a.value.startsWith('--'))?.value.toLowerCase();
  if (image && depth < 16) {
    const parent = stagesBefore(model, first).reverse().find((s) => s.name.toLowerCase() === image);
    if (parent) {
      const ps = model.instructions[parent.index].stage;
      const end = ps + 1 < model.stageStarts.length ? model.stageStarts[ps + 1] : model.instructions.length;
      const inherited = new Map<string, VariableDef>();
      stageVars(model, ps, end, false, globals, depth + 1, inherited);
      for (const [k, v] of inherited) vars.set(k, { ...v, inherited: true });
    }
  }
  for (let i = first + 1; i < until && i < model.instructions.length; i++) {
    const ins = model.instructions[i];
    if (ins.keyword === 'ENV') {
      for (const p of properties(ins)) vars.set(p.name, { name: p.name, kind: 'ENV', value: p.value, ins });
    } else if (ins.keyword === 'ARG' && own) {
      for (const p of properties(ins)) {
        const name = p.name;
        // `ARG NAME` without a value takes the global default.
        const value = p.value ?? globals.get(name)?.value ?? null;
        vars.set(name, { name, kind: 'ARG', value, ins });
      }
    }
  }
}

/**
 * The variables a `$NAME` at `offset` (inside instruction `index`, or -1 before any) can use:
 * on a FROM line or before the first FROM, the global ARGs and BuildKit's platform arguments;
 * in a stage, its ARG and ENV set before this instruction, the ENV of the stage it starts
 * from, and the proxy arguments.
 */
export function variablesAt(model: DockerfileModel, index: number, offset: number): Map<string, VariableDef> {
  const ins = index >= 0 ? model.instructions[index] : null;
  const globals = globalArgs(model, ins && (ins.keyword === 'FROM' || ins.stage < 0) ? ins.start : offset);
  if (!ins || ins.stage < 0 || ins.keyword === 'FROM') {
    const vars = new Map<string, VariableDef>();
    for (const [name] of Object.entries(PREDEFINED_ARGS)) vars.set(name, { name, kind: 'predefined', value: null, ins: null });
    for (const [k, v] of globals) vars.set(k, v);
    return vars;
  }
  const vars = new Map<string, VariableDef>();
  for (const name of PROXY_ARGS) vars.set(name, { name, kind: 'predefined', value: null, ins: null });
  stageVars(model, ins.stage, index, true, globals, 0, vars);
  return vars;
}

/** `upper` unless most keywords of the file are written in lower case. */
export function keywordCase(model: DockerfileModel, except?: InstructionInfo): 'upper' | 'lower' {
  let upper = 0;
  let lower = 0;
  for (const ins of model.instructions) {
    if (ins === except) continue;
    const k = ins.keywordText;
    if (k === ins.keyword) upper++;
    else if (k === k.toLowerCase()) lower++;
  }
  if (upper === 0 && lower === 0 && except) return except.keywordText === except.keywordText.toLowerCase() ? 'lower' : 'upper';
  return lower > upper ? 'lower' : 'upper';
}

export function cased(keyword: string, c: 'upper' | 'lower'): string {
  return c === 'lower' ? keyword.toLowerCase() : keyword.toUpperCase();
}

const NAME = /[A-Za-z0-9_]/;

/** The `$NAME` / `${NAME…}` reference that spans `character` of `text`, if any. */
export function variableRefAt(text: string, character: number, escape: string): { name: string; start: number; end: number } | null {
  let s = character;
  while (s > 0 && NAME.test(text[s - 1])) s--;
  let e = character;
  while (e < text.length && NAME.test(text[e])) e++;
  if (s === e && text[s] === '$') {
    // On the `$` itself.
    s = e = character + (text[character + 1] === '{' ? 2 : 1);
    while (e < text.length && NAME.test(text[e])) e++;
  } else if (s === e && text[s] === '{' && text[s - 1] === '$') {
    s = e = character + 1;
    while (e < text.length && NAME.test(text[e])) e++;
  }
  if (s === e) return null;
  let dollar = s - 1;
  if (text[dollar] === '{') dollar--;
  if (text[dollar] !== '$') return null;
  if (dollar > 0 && text[dollar - 1] === escape) return null;
  if (!/^[A-Za-z_]/.test(text[s])) return null;
  return { name: text.slice(s, e), start: dollar, end: text[s - 1] === '{' && text[e] === '}' ? e + 1 : e };
}

/** Markdown code span that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${text}${fence === '``' ? ' ' : ''}${fence}`;
}

const DIRECTIVE_LINE = /^[ \t]*#[ \t]*([A-Za-z]+)[ \t]*=/;

/** Whether every line before `line` is a parser directive (BuildKit stops at anything else). */
export function inDirectiveBlock(model: DockerfileModel, line: number): boolean {
  if (line > 8) return false;
  for (let l = 0; l < line; l++) if (!DIRECTIVE_LINE.test(model.lines.lineText(l).replace(/^\uFEFF/, ''))) return false;
  return true;
}

