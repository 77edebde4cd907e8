/**
 * The symbol index of a document: its stages, its ARG/ENV declarations and every reference to
 * them, resolved with Docker's scope rules. Built once per document version (cached with the
 * model) and shared by definition, references, highlights, rename, semantic tokens and inlay
 * hints, so a request only looks things up.
 *
 * Scope rules (BuildKit's):
 * - a global `ARG` (before the first `FROM`) is visible in `FROM` lines; inside a stage only
 *   after the stage redeclares it (`ARG NAME`), and that redeclaration is the same variable;
 * - a stage that starts `FROM <stage>` inherits that stage's ARG and ENV variables;
 * - `ENV A=1 B=$A` reads the `A` from before the instruction;
 * - stage names are case-insensitive.
 *
 * A variable *symbol* is one name across the stages that inherit from each other, plus the
 * global ARG it redeclares: renaming it renames all of them together, so no reference is left
 * pointing at something else.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileModel, InstructionInfo } from '../model';
import { runScripts } from '../shell/script';
import { originsOf } from './chunkedModel';
import { modelFor } from './document';

/** Instructions whose arguments Docker expands `$VAR` in (RUN is read by the shell parser). */
export const EXPANDING = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'ONBUILD', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export interface StageSymbol {
  index: number;
  /** `AS name`, lower case, and as written. */
  name: string | null;
  nameText: string | null;
  nameStart: number;
  nameEnd: number;
  /** The image argument (`alpine:3.20`, `$BASE`, `builder`). */
  image: { value: string; start: number; end: number } | null;
  /** The FROM instruction and the last instruction of the stage (indices into model.instructions). */
  fromIndex: number;
  lastIndex: number;
  /** Offsets of the whole stage: its FROM to the end of its last instruction. */
  start: number;
  end: number;
  /** The earlier stage it starts from (`FROM builder`), or null. */
  parent: number | null;
}

export interface VariableDecl {
  name: string;
  keyword: 'ARG' | 'ENV';
  /** Offsets of the name. */
  start: number;
  end: number;
  /** -1: a global ARG (before the first FROM). */
  stage: number;
  /** Index of the instruction in model.instructions. */
  instruction: number;
  /** `ARG NAME=value` / `ENV NAME=value`: the value as written; null for `ARG NAME`. */
  value: string | null;
  /** For an ARG without a default inside a stage: the global ARG it takes its value from. */
  global: number | null;
}

export interface Occurrence {
  kind: 'stage' | 'variable';
  /** Offsets of the name. */
  start: number;
  end: number;
  /** Where the whole expression starts and ends (`$X`, `${X:-d}`); the name for stages. */
  exprStart: number;
  exprEnd: number;
  /** The symbol it belongs to (`stage:<n>`, `var:<group>`), or null when it resolves to nothing. */
  symbol: string | null;
  declaration: boolean;
  /** Variables: the declaration it reads (index into decls); stages: the stage index. */
  target: number | null;
  /** False for references rename must leave alone (`--from=0`). */
  renamable: boolean;
  /** The instruction it is in (index into model.instructions). */
  instruction: number;
  /** Inside a RUN script (the shell expands it) rather than expanded by Docker. */
  inShell: boolean;
}

export interface SymbolIndex {
  model: DockerfileModel;
  stages: StageSymbol[];
  decls: VariableDecl[];
  /** Sorted by start offset. */
  occurrences: Occurrence[];
  bySymbol: Map<string, Occurrence[]>;
  /** Per-version results of whole-document requests (symbols, folding …), see `memo`. */
  results: Map<string, unknown>;
}

/** A whole-document result computed once per document version. */
export function memo<T>(index: SymbolIndex, key: string, compute: () => T): T {
  if (index.results.has(key)) return index.results.get(key) as T;
  const value = compute();
  index.results.set(key, value);
  return value;
}

const LIMIT = 8;
const cache = new Map<string, { version: number; index: SymbolIndex | null }>();

/**
 * The index of the document's current version (null when it cannot be read). Never throws.
 * Kept for the last few documents used; each keeps its parsed chunks, so the next version
 * re-parses only the stage that changed.
 */
export function indexFor(doc: TextDocument): SymbolIndex | null {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) {
    cache.delete(doc.uri);
    cache.set(doc.uri, hit);
    return hit.index;
  }
  let index: SymbolIndex | null;
  try {
    const model = modelFor(doc);
    index = model ? buildIndex(model) : null;
  } catch {
    index = null;
  }
  cache.delete(doc.uri);
  cache.set(doc.uri, { version: doc.version, index });
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return index;
}

/** Drops a closed document's index. */
export function forgetIndex(uri: string): void {
  cache.delete(uri);
}

/** The occurrence whose name contains the offset (its end included: the cursor after a name). */
export function occurrenceAt(index: SymbolIndex, offset: number): Occurrence | undefined {
  const occ = index.occurrences;
  let lo = 0;
  let hi = occ.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (occ[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // The cursor right after one name and right before the next (`$A$B`): prefer the one it is in.
  for (let i = found; i >= 0 && i >= found - 1; i--) {
    if (occ[i].start <= offset && offset <= occ[i].end) return occ[i];
  }
  return undefined;
}

/** Every occurrence of a symbol, in document order. */
export function occurrencesOf(index: SymbolIndex, symbol: string): Occurrence[] {
  return index.bySymbol.get(symbol) ?? [];
}

/** The scope a reference in an instruction reads: -1 (the global ARGs) in FROM lines, else its stage. */
export function scopeOf(index: SymbolIndex, instruction: number): number {
  const ins = index.model.instructions[instruction];
  return !ins || ins.keyword === 'FROM' ? -1 : ins.stage;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Union-find over declaration indices. */
class Groups {
  private parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const n = this.parent[i];
      this.parent[i] = r;
      i = n;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function buildIndex(model: DockerfileModel): SymbolIndex {
  const text = model.text;
  const instructions = model.instructions;
  const stages: StageSymbol[] = [];
  const byName = new Map<string, number>();

  // Stages.
  for (let s = 0; s < model.stageStarts.length; s++) {
    const fromIndex = model.stageStarts[s];
    const lastIndex = s + 1 < model.stageStarts.length ? model.stageStarts[s + 1] - 1 : instructions.length - 1;
    const from = instructions[fromIndex];
    const args = from.args;
    const image = args[0] ? { value: args[0].value, start: args[0].start, end: args[0].end } : null;
    const named = args.length >= 3 && args[1].value.toLowerCase() === 'as' ? args[2] : null;
    let parent: number | null = null;
    if (image && !image.value.includes('$')) {
      const p = byName.get(image.value.toLowerCase());
      if (p !== undefined) parent = p;
    }
    const stage: StageSymbol = {
      index: s,
      name: named ? named.value.toLowerCase() : null,
      nameText: named ? named.value : null,
      nameStart: named ? named.start : (image ? image.start : from.keywordStart),
      nameEnd: named ? named.end : (image ? image.end : from.keywordEnd),
      image,
      fromIndex,
      lastIndex,
      start: from.start,
      end: instructions[lastIndex].end,
      parent,
    };
    stages.push(stage);
    if (stage.name && !byName.has(stage.name)) byName.set(stage.name, s);
  }

  const occurrences: Occurrence[] = [];
  const stageOcc = (stage: number | null, start: number, end: number, instruction: number, declaration: boolean, renamable = true): void => {
    occurrences.push({
      kind: 'stage', start, end, exprStart: start, exprEnd: end, symbol: stage === null ? null : `stage:${stage}`, declaration,
      target: stage, renamable: renamable && stage !== null, instruction, inShell: false,
    });
  };

  // Stage declarations and references.
  for (const st of stages) {
    if (st.name) stageOcc(st.index, st.nameStart, st.nameEnd, st.fromIndex, true);
    if (st.parent !== null && st.image) stageOcc(st.parent, st.image.start, st.image.end, st.fromIndex, false);
  }
  const stageByRef = (value: string): { stage: number | null; numeric: boolean } => {
    if (/^[0-9]+$/.test(value)) {
      const n = Number(value);
      return { stage: n < stages.length ? n : null, numeric: true };
    }
    return { stage: byName.get(value.toLowerCase()) ?? null, numeric: false };
  };
  for (let i = 0; i < instructions.length; i++) {
    const ins = instructions[i];
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD' && ins.keyword !== 'RUN') continue;
    for (const f of ins.flags) {
      const raw = text.slice(f.start, f.end);
      const eq = raw.indexOf('=');
      if (eq < 0) continue;
      if (f.name === 'from' && ins.keyword !== 'RUN') {
        const value = raw.slice(eq + 1);
        if (value === '' || value.includes('$')) continue;
        const { stage, numeric } = stageByRef(value);
        if (stage !== null) stageOcc(stage, f.start + eq + 1, f.end, i, false, !numeric);
      } else if (f.name === 'mount' && ins.keyword === 'RUN') {
        // `type=cache,target=/x,from=builder,source=/y`
        let at = eq + 1;
        while (at <= raw.length) {
          let comma = raw.indexOf(',', at);
          if (comma < 0) comma = raw.length;
          const part = raw.slice(at, comma);
          if (part.toLowerCase().startsWith('from=')) {
            const value = part.slice(5);
            if (value !== '' && !value.includes('$')) {
              const { stage, numeric } = stageByRef(value);
              if (stage !== null) stageOcc(stage, f.start + at + 5, f.start + comma, i, false, !numeric);
            }
          }
          at = comma + 1;
        }
      }
    }
  }

  // Variable declarations.
  const decls: VariableDecl[] = [];
  for (let i = 0; i < instructions.length; i++) {
    const ins = instructions[i];
    if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
    for (const d of declarationsOf(model, ins)) {
      decls.push({ name: d.name, keyword: ins.keyword, start: d.start, end: d.end, stage: ins.stage, instruction: i, value: d.value, global: null });
    }
  }
  // Per scope (-1 = global, else the stage) and name: the declarations in order.
  const scopes = new Map<string, number[]>();
  for (let d = 0; d < decls.length; d++) {
    const key = `${decls[d].stage}\u0000${decls[d].name}`;
    let list = scopes.get(key);
    if (!list) scopes.set(key, (list = []));
    list.push(d);
  }
  const globalsOf = (name: string): number[] | undefined => scopes.get(`-1\u0000${name}`);

  /** The declaration a reference at `offset` in instruction `i` of `scope` reads. */
  const resolveIn = (scope: number, name: string, offset: number, i: number, depth = 0): number | null => {
    const list = scopes.get(`${scope}\u0000${name}`);
    if (list) {
      // The last declaration before the reference (ENV: in an earlier instruction).
      let lo = 0;
      let hi = list.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const d = decls[list[mid]];
        const visible = d.instruction < i || (d.instruction === i && d.keyword === 'ARG' && d.end <= offset);
        if (visible) {
          best = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (best >= 0) return list[best];
    }
    if (scope < 0 || depth > 64) return null;
    const parent = stages[scope]?.parent;
    if (parent === null || parent === undefined || parent >= scope) return null;
    // The parent stage's variables as they are at its end.
    return resolveIn(parent, name, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, depth + 1);
  };

  const groups = new Groups();
  for (let d = 0; d < decls.length; d++) groups.add();
  for (const list of scopes.values()) {
    for (let k = 1; k < list.length; k++) groups.union(list[0], list[k]);
  }
  for (let d = 0; d < decls.length; d++) {
    const decl = decls[d];
    if (decl.stage < 0) continue;
    const first = scopes.get(`${decl.stage}\u0000${decl.name}`)![0];
    if (first !== d) continue;
    // Inherited from the stage it starts from.
    const parent = stages[decl.stage]?.parent;
    if (parent !== null && parent !== undefined) {
      const inherited = resolveIn(parent, decl.name, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (inherited !== null) groups.union(d, inherited);
    }
  }
  for (let d = 0; d < decls.length; d++) {
    const decl = decls[d];
    if (decl.stage < 0 || decl.keyword !== 'ARG') continue;
    const globals = globalsOf(decl.name);
    if (!globals) continue;
    groups.union(d, globals[0]);
    if (decl.value === null) decl.global = globals[globals.length - 1];
  }
  for (let d = 0; d < decls.length; d++) {
    const decl = decls[d];
    occurrences.push({
      kind: 'variable', start: decl.start, end: decl.end, exprStart: decl.start, exprEnd: decl.end,
      symbol: `var:${groups.find(d)}`, declaration: true, target: d, renamable: true, instruction: decl.instruction, inShell: false,
    });
  }

  // Variable references.
  const addRef = (name: string, start: number, end: number, exprStart: number, exprEnd: number, i: number, inShell: boolean): void => {
    const ins = instructions[i];
    // FROM lines read the global ARGs; everything else its stage's variables.
    const scope = ins.keyword === 'FROM' ? -1 : ins.stage;
    const target = resolveIn(scope, name, start, i);
    occurrences.push({
      kind: 'variable', start, end, exprStart, exprEnd, symbol: target === null ? null : `var:${groups.find(target)}`,
      declaration: false, target, renamable: target !== null, instruction: i, inShell,
    });
  };
  const origins = originsOf(model);
  for (let i = 0; i < instructions.length; i++) {
    const origin = origins?.[i];
    for (const r of referencesIn(model, instructions[i], origin?.ins ?? instructions[i], origin?.delta ?? 0)) {
      addRef(r.name, r.start, r.end, r.exprStart, r.exprEnd, i, r.inShell);
    }
  }

  occurrences.sort((a, b) => a.start - b.start || a.end - b.end);
  const bySymbol = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    if (o.symbol === null) continue;
    let list = bySymbol.get(o.symbol);
    if (!list) bySymbol.set(o.symbol, (list = []));
    list.push(o);
  }
  return { model, stages, decls, occurrences, bySymbol, results: new Map() };
}

interface RawRef extends ScannedExpansion {
  inShell: boolean;
}

/**
 * The `$X` references of each instruction, relative to the instruction as its chunk parsed it:
 * a stage that did not change keeps its references from one version to the next (reading
 * the shell scripts again is most of the index's cost).
 */
const refCache = new WeakMap<InstructionInfo, { refs: RawRef[]; delta: number; shifted: RawRef[] }>();

function referencesIn(model: DockerfileModel, ins: InstructionInfo, key: InstructionInfo, delta: number): RawRef[] {
  const hit = refCache.get(key);
  if (hit) {
    if (hit.delta !== delta) {
      hit.delta = delta;
      hit.shifted = delta === 0 ? hit.refs : hit.refs.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta, exprStart: r.exprStart + delta, exprEnd: r.exprEnd + delta }));
    }
    return hit.shifted;
  }
  const out: RawRef[] = [];
  let complete = true;
  const text = model.text;
  const add = (inShell: boolean) => (r: ScannedExpansion) => out.push({ ...r, inShell });
  if (EXPANDING.has(ins.keyword)) {
    dockerExpansions(model, ins).forEach(add(false));
  } else if (ins.keyword === 'RUN') {
    // Docker expands the flags (`--mount=…,target=$DIR`); the shell expands the script.
    for (const f of ins.flags) scanExpansions(text, f.start, f.end, model.escape, []).forEach(add(false));
    let scripts: ReturnType<typeof runScripts> = [];
    try {
      scripts = runScripts(model, ins);
    } catch {
      complete = false; // the shell parser is not loaded yet: try again next time
    }
    const bodies = new Set<number>();
    for (const script of scripts) {
      if (script.kind === 'heredoc-body') bodies.add(script.toDoc(0));
      if (script.analysis.skipped) continue;
      for (const e of script.analysis.expansions) {
        out.push({ name: e.name, start: script.toDoc(e.start), end: script.toDoc(e.end, true), exprStart: script.toDoc(e.exprStart), exprEnd: script.toDoc(e.exprEnd, true), inShell: true });
      }
    }
    // `RUN cat > f <<EOF`: the shell expands an unquoted heredoc that is data, not a script.
    if (complete) heredocData(model, ins, bodies, add(true));
  }
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
    // `COPY <<EOF /file`: BuildKit expands an unquoted heredoc too.
    heredocData(model, ins, new Set(), add(false));
  }
  if (complete) {
    const refs = delta === 0 ? out : out.map((r) => ({ ...r, start: r.start - delta, end: r.end - delta, exprStart: r.exprStart - delta, exprEnd: r.exprEnd - delta }));
    refCache.set(key, { refs, delta, shifted: out });
  }
  return out;
}

/**
 * The names an ARG or ENV instruction declares, with their offsets and values, read from the
 * arguments the model already has (`ARG A B=2`, `ENV A=1 B="x y"`, the old `ENV A x y`).
 */
function declarationsOf(model: DockerfileModel, ins: InstructionInfo): { name: string; start: number; end: number; value: string | null }[] {
  const out: { name: string; start: number; end: number; value: string | null }[] = [];
  const args = ins.args;
  if (args.length === 0) return out;
  const text = model.text;
  if (ins.keyword === 'ENV' && !args[0].value.includes('=')) {
    // `ENV NAME value with spaces`
    const m = NAME.exec(args[0].value);
    if (m && m[0] === args[0].value) {
      const value = args.length > 1 ? text.slice(args[1].start, args[args.length - 1].end) : '';
      out.push({ name: m[0], start: args[0].start, end: args[0].start + m[0].length, value });
    }
    return out;
  }
  for (const a of args) {
    const raw = text.slice(a.start, a.end);
    const m = NAME.exec(raw);
    if (!m) continue;
    const after = raw.charCodeAt(m[0].length);
    if (m[0].length < raw.length && after !== 61) continue; // not NAME or NAME=…
    let value: string | null = null;
    if (after === 61) {
      value = raw.slice(m[0].length + 1);
      const q = value[0];
      if ((q === '"' || q === "'") && value.length >= 2 && value[value.length - 1] === q) value = value.slice(1, -1);
    } else if (ins.keyword === 'ENV') {
      continue;
    }
    out.push({ name: m[0], start: a.start, end: a.start + m[0].length, value });
  }
  return out;
}

export interface HeredocMarker {
  /** Offsets of `<<EOF` / `<<-"EOF"`. */
  start: number;
  end: number;
  /** A quoted delimiter: nothing in the body is expanded. */
  quoted: boolean;
}

/** The `<<NAME` markers of an instruction's heredocs, in the order of `ins.heredocs` (null where not found). */
export function heredocMarkers(model: DockerfileModel, ins: InstructionInfo): (HeredocMarker | null)[] {
  const text = model.text;
  const MARKER = /<<-?[ \t]*(["']?)([^\s"'<>|&;]+)\1/g;
  MARKER.lastIndex = ins.keywordEnd;
  const limit = ins.heredocs.length > 0 ? ins.heredocs[0].contentStart : ins.end;
  const out: (HeredocMarker | null)[] = [];
  for (const h of ins.heredocs) {
    const at = MARKER.lastIndex;
    const m = MARKER.exec(text);
    if (m && m.index < limit && m[2] === h.name) {
      out.push({ start: m.index, end: m.index + m[0].length, quoted: m[1] !== '' });
    } else {
      MARKER.lastIndex = at;
      out.push(null);
    }
  }
  return out;
}

/** Expansions in the unquoted heredoc bodies of an instruction that are not shell scripts of their own. */
function heredocData(model: DockerfileModel, ins: InstructionInfo, scripts: Set<number>, add: (r: ScannedExpansion) => void): void {
  if (ins.heredocs.length === 0) return;
  const markers = heredocMarkers(model, ins);
  ins.heredocs.forEach((h, k) => {
    const marker = markers[k];
    if (!marker || marker.quoted || scripts.has(h.contentStart)) return;
    for (const r of scanExpansions(model.text, h.contentStart, h.contentEnd, '\\', [], false)) add(r);
  });
}

export interface ScannedExpansion {
  name: string;
  start: number;
  end: number;
  exprStart: number;
  exprEnd: number;
}

/** `$X` / `${X…}` that Docker expands in an instruction (keyword excluded, heredoc bodies skipped). */
export function dockerExpansions(model: DockerfileModel, ins: InstructionInfo): ScannedExpansion[] {
  const skip = ins.heredocs.map((h) => [h.contentStart, h.contentEnd] as [number, number]);
  return scanExpansions(model.text, ins.keywordEnd, ins.end, model.escape, skip);
}

/**
 * Docker's word expansion, read linearly: the escape character escapes the next character,
 * nothing expands inside single quotes, comment lines inside a continuation are skipped, and
 * the default of `${X:-${Y}}` is read on as text so nested references are found too.
 */
export function scanExpansions(text: string, from: number, to: number, escape: string, skip: readonly [number, number][], quotes = true): ScannedExpansion[] {
  const out: ScannedExpansion[] = [];
  const esc = escape.charCodeAt(0);
  let single = false;
  let double = false;
  let lineStart = false;
  let s = 0;
  for (let i = from; i < to; i++) {
    while (s < skip.length && skip[s][1] <= i) s++;
    if (s < skip.length && skip[s][0] <= i && i < skip[s][1]) {
      i = skip[s][1] - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      continue;
    }
    if (lineStart && quotes) {
      if (c === 32 || c === 9) continue;
      lineStart = false;
      if (c === 35 && !single && !double) {
        // A comment line inside a continuation.
        while (i + 1 < to && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
        continue;
      }
    }
    if (single) {
      if (c === 39) single = false;
      continue;
    }
    if (c === esc) {
      const n = text.charCodeAt(i + 1);
      if (n !== 10 && n !== 13) i++;
      continue;
    }
    if (!quotes) {
      // A heredoc body: quotes are text.
    } else if (c === 39 && !double) {
      single = true;
      continue;
    } else if (c === 34) {
      double = !double;
      continue;
    }
    if (c !== 36) continue; // $
    const braced = text.charCodeAt(i + 1) === 123;
    const nameStart = braced ? i + 2 : i + 1;
    let e = nameStart;
    while (e < to && isNameChar(text.charCodeAt(e), e === nameStart)) e++;
    if (e === nameStart) continue;
    let exprEnd = e;
    if (braced) {
      // The closing brace, nested braces counted; a short look ahead keeps this linear.
      let depth = 1;
      for (let k = e; k < to && k < e + 512; k++) {
        const ch = text.charCodeAt(k);
        if (ch === 123) depth++;
        else if (ch === 125 && --depth === 0) {
          exprEnd = k + 1;
          break;
        }
      }
    }
    out.push({ name: text.slice(nameStart, e), start: nameStart, end: e, exprStart: i, exprEnd });
    i = e - 1;
  }
  return out;
}

function isNameChar(c: number, first: boolean): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (!first && c >= 48 && c <= 57);
}
