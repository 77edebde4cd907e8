/**
 * The shell parser: tree-sitter-bash compiled to WebAssembly, loaded once.
 * A script is parsed once and turned into plain data (`ScriptAnalysis`) that is cached by
 * its text, so unchanged RUN instructions are never parsed again while the user types.
 */
import { Parser, Language, type Node } from 'web-tree-sitter';
import { getHost } from '../host/host';

/** Scripts longer than this are not analysed: tree-sitter-bash needs up to ~4 µs a character on
 * pathological one-line commands (20,000 arguments), and reading a 6,500-command `&&` chain
 * back from WebAssembly takes ~0.3 s; a keystroke must not stall the server. The longest RUN
 * in the 300-file corpus is about 6 KB. */
export const MAX_SCRIPT_LENGTH = 32 * 1024;

export interface Word {
  /** The literal value after quote removal, or null when it contains expansions. */
  value: string | null;
  raw: string;
  start: number;
  end: number;
}

export interface Command {
  /** The command name's literal value (`apk`, `/sbin/apk`), or null. */
  name: string | null;
  /** Offsets of the name word (both `start` when there is no name). */
  nameStart: number;
  nameEnd: number;
  start: number;
  end: number;
  /** Assignments before the name (`DEBIAN_FRONTEND=noninteractive apt-get …`); value null when not literal. */
  env: { name: string; value: string | null }[];
  /** Index of the top-level statement of the script this command belongs to. */
  statement: number;
  /** Inside a pipeline (`a | b`), on either side. */
  inPipeline: boolean;
  /** Arguments after the name. */
  args: Word[];
  /**
   * The statement this command stands for inside an `&&`/`||` list or a script:
   * the command itself or its redirected statement.
   */
  unitStart: number;
  unitEnd: number;
  /** The neighbour statements and operators in the enclosing `&&`/`||` list, if any. */
  listPrev: { end: number; op: string } | null;
  listNext: { start: number; op: string } | null;
  /** True when it runs in the script's own shell (not in a subshell, pipeline or substitution). */
  inMainShell: boolean;
  /** A redirection applies to a list around it (`a && rm x 2>/dev/null`): not its own. */
  underListRedirect: boolean;
}

export interface ScriptAnalysis {
  commands: Command[];
  /** Offsets of `#` comments. */
  comments: { start: number; end: number }[];
  /** A bare `NAME=value`, `export`/`declare`/`local`/`readonly`/`unset` in the main shell. */
  assignsVariable: boolean;
  /**
   * Variables the script sets for itself, not for one command: `X=1`, `export X=1`, `declare X=1`
   * (in subshells too); `value` null when not literal.
   */
  assignments: { name: string; value: string | null; exported: boolean }[];
  /** The parse has ERROR or MISSING nodes. */
  hasError: boolean;
  /**
   * The whole script is one statement without a trailing `;`/`&`: it can be chained with
   * `&& next` as it is. Otherwise it needs grouping before it can be chained.
   */
  singleStatement: boolean;
  /** The top-level `&&`/`||` list has a `||`: chained after another command it needs grouping. */
  topLevelOr: boolean;
  /**
   * One statement that is only simple commands and pipelines joined by `&&`: no `;`, `||`,
   * compound commands or subshells, so a failure anywhere stops it with or without `set -e`.
   */
  flat: boolean;
  /**
   * The script's last top-level statement is a simple command or a pipeline (redirected or not;
   * not `!`-negated, not an `&&`/`||` list, not a compound command): with `set -e` on, its
   * failure stops the shell even when more statements follow it.
   */
  lastStatementPlain: boolean;
  /** The script turns on errexit somewhere (`set -e`, `set -eux`, `set -o errexit`), subshells included. */
  setsErrexit: boolean;
  /** The main shell defines a function (which can shadow commands or `cd` when called). */
  definesFunction: boolean;
  /** Too long to analyse: nothing else here is meaningful. */
  skipped: boolean;
  /** Every pipeline (`a | b`, `a |& b`), with whether it runs in the script's own shell. */
  pipelines: { start: number; end: number; inMainShell: boolean }[];
  /** Variables exported in the script's own shell (`export A=1 B`), with the offset of the `export`. */
  exports: { name: string; start: number }[];
  /** Offsets of each `&` that starts a background job (`server & pid=$!`), anywhere in the script. */
  backgroundJobs: number[];
  /**
   * Every `$NAME` / `${NAME…}` the shell expands (not inside single quotes), in source order:
   * the offsets of the name, and where the expansion starts (its `$`) and ends.
   */
  expansions: Expansion[];
}

export interface Expansion {
  name: string;
  start: number;
  end: number;
  exprStart: number;
  exprEnd: number;
}

let parser: Parser | undefined;
let initPromise: Promise<void> | undefined;

/**
 * Loads the wasm parser; safe to call many times. The bytes of both wasm files come from the
 * platform host (read from `dist/` under Node, fetched from the extension's URI in a browser),
 * so web-tree-sitter never looks for a file itself.
 */
export function initShellParser(): Promise<void> {
  if (!initPromise) {
    initPromise = (async () => {
      const host = getHost();
      const [runtime, grammar] = await Promise.all([host.loadWasm('web-tree-sitter.wasm'), host.loadWasm('tree-sitter-bash.wasm')]);
      // `locateFile` only names the file (web-tree-sitter would otherwise resolve it against
      // `import.meta.url`, which a bundle lacks); with `wasmBinary` given it is never fetched.
      await Parser.init({ wasmBinary: runtime as unknown as ArrayBuffer, locateFile: (name: string) => name });
      const bash = await Language.load(grammar);
      const p = new Parser();
      p.setLanguage(bash);
      parser = p;
    })();
  }
  return initPromise;
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Analyses by script text, least recently used first out, for what is analysed outside a
 * chunk check (code actions, symbols) and for recent versions (an undo). Small on purpose: an
 * analysis weighs ~21 bytes per character of its script, and typing in a RUN leaves one behind
 * per keystroke (a 4 M-character bound let a long session keep ~80 MB of them). The analyses a
 * checked chunk needs next time travel with its result instead (see `withScriptScope`).
 */
const cache = new Map<string, ScriptAnalysis>();
export const CACHE_CHARS = 64 * 1024;
let cachedChars = 0;
let parses = 0;

/**
 * While a chunk is checked: the analyses its previous version used, looked up first, and the
 * ones this check uses (kept with the chunk's result for its next version). A keystroke thus
 * re-parses only the script it changed, on a stage of any size, while the shared cache stays small.
 */
let scope: { from: ReadonlyMap<string, ScriptAnalysis> | undefined; used: Map<string, ScriptAnalysis> } | undefined;

export function withScriptScope<T>(from: ReadonlyMap<string, ScriptAnalysis> | undefined, fn: () => T): { value: T; used: Map<string, ScriptAnalysis> } {
  const outer = scope;
  const mine = { from, used: new Map<string, ScriptAnalysis>() };
  scope = mine;
  try {
    return { value: fn(), used: mine.used };
  } finally {
    scope = outer;
  }
}

/** For tests and the log: the shared cache's size, and how many scripts were parsed so far. */
export function scriptCacheStats(): { entries: number; chars: number; parses: number } {
  return { entries: cache.size, chars: cachedChars, parses };
}

export function analyzeScript(script: string): ScriptAnalysis {
  const scoped = scope?.used.get(script) ?? scope?.from?.get(script);
  if (scoped) {
    scope!.used.set(script, scoped);
    return scoped;
  }
  let result = cache.get(script);
  if (result) {
    cache.delete(script);
    cache.set(script, result);
  } else {
    result = analyzeUncached(script);
    cache.set(script, result);
    cachedChars += script.length;
    for (const k of cache.keys()) {
      if (cachedChars <= CACHE_CHARS || k === script) break;
      cache.delete(k);
      cachedChars -= k.length;
    }
  }
  scope?.used.set(script, result);
  return result;
}

const EMPTY: ScriptAnalysis = {
  commands: [], comments: [], assignments: [], assignsVariable: false, hasError: false, singleStatement: true, topLevelOr: false,
  flat: false, lastStatementPlain: false, setsErrexit: false, definesFunction: false, skipped: true, pipelines: [], expansions: [], backgroundJobs: [], exports: [],
};

/** Node types a flat `&&` chain may consist of. */
const FLAT_UNITS = new Set(['command', 'pipeline', 'redirected_statement', 'negated_command']);

/** Walks the top-level `&&`/`||` list of a statement: whether it has `||`, and whether it is flat. */
function topLevelList(top: Node): { or: boolean; flat: boolean } {
  let or = false;
  let flat = true;
  const stack = [top];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'list') {
      if (node.type !== 'comment') flat &&= isFlatUnit(node);
      continue;
    }
    for (const k of node.children) {
      if (!k) continue;
      if (k.isNamed) stack.push(k);
      else if (k.type === '||') or = true;
      else if (k.type !== '&&') flat = false;
    }
  }
  return { or, flat: flat && !or };
}

function isFlatUnit(node: Node): boolean {
  if (!FLAT_UNITS.has(node.type)) return false;
  if (node.type === 'command') return true;
  // A pipeline of commands, a redirected command, `! command`: no compound statements inside.
  for (const k of node.namedChildren) {
    if (!k) continue;
    if (k.type === 'file_redirect' || k.type === 'heredoc_redirect' || k.type === 'herestring_redirect') continue;
    if (!isFlatUnit(k)) return false;
  }
  return true;
}

/** `set -e`, `set -eux`, `set -o errexit` (and `set -euo pipefail`). */
function turnsOnErrexit(cmd: Command): boolean {
  if (cmd.name !== 'set') return false;
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value ?? '';
    if (/^-[A-Za-z]*e/.test(v) && !v.startsWith('--')) return true;
    if (v === '-o' && cmd.args[i + 1]?.value === 'errexit') return true;
  }
  return false;
}

function analyzeUncached(script: string): ScriptAnalysis {
  if (!parser) throw new Error('shell parser not initialised: await initShellParser() first');
  if (script.length > MAX_SCRIPT_LENGTH) return EMPTY;
  parses++;
  const tree = parser.parse(script);
  if (!tree) return EMPTY;
  try {
    const root = tree.rootNode;
    const out: ScriptAnalysis = {
      commands: [], comments: [], assignments: [], assignsVariable: false, hasError: root.hasError, singleStatement: true, topLevelOr: false,
      flat: false, lastStatementPlain: false, setsErrexit: false, definesFunction: false, skipped: false, pipelines: [], expansions: [], backgroundJobs: [], exports: [],
    };
    // The script's statements: named children of the program other than comments.
    let statements = 0;
    let trailingOperator = false;
    let top: Node | null = null;
    for (const child of root.children) {
      if (!child) continue;
      if (child.type === 'comment') continue;
      if (child.isNamed) {
        statements++;
        top = child;
        trailingOperator = false;
      } else if (child.type === ';' || child.type === '&' || child.type === ';;') {
        trailingOperator = true;
      }
    }
    out.singleStatement = statements <= 1 && !trailingOperator;
    if (top) {
      const list = topLevelList(top);
      out.topLevelOr = list.or;
      out.flat = out.singleStatement && list.flat;
      const body = top.type === 'redirected_statement' ? top.firstNamedChild : top;
      out.lastStatementPlain = !!body && (body.type === 'command' || body.type === 'pipeline');
    }
    walk(root, out);
    out.expansions.sort((a, b) => a.start - b.start);
    // Anywhere, subshells included: `a && ( set -e; b; c )` chained before `&& d` loses it too.
    out.setsErrexit = out.commands.some(turnsOnErrexit);
    return out;
  } finally {
    tree.delete();
  }
}

/** Node types whose children still run in the same shell as the node itself. */
const SAME_SHELL = new Set([
  'program', 'list', 'redirected_statement', 'compound_statement', 'if_statement', 'elif_clause', 'else_clause',
  'while_statement', 'for_statement', 'c_style_for_statement', 'do_group', 'case_statement', 'case_item',
  'negated_command',
]);

/** Nodes whose statements may be separated by `&` (a background job). */
const STATEMENT_LISTS = new Set(['program', 'compound_statement', 'subshell', 'do_group', 'if_statement', 'elif_clause', 'else_clause', 'case_item']);

const LEAVES = new Set(['word', 'raw_string', 'number', 'simple_expansion', 'variable_name', 'special_variable_name', 'file_descriptor', 'ansi_c_string', 'string_content', 'regex']);

interface Frame {
  node: Node;
  /** `node.type`, read once: every read of a node's type is a call into the wasm module. */
  type: string;
  /** The parent's type (null for the root). */
  parentType: string | null;
  mainShell: boolean;
  parent: Node | null;
  grand: Node | null;
  /** Reached from a redirected statement through `list` nodes only (its redirect covers it). */
  viaLists: boolean;
  /** The same for the parent. */
  parentVia: boolean;
  statement: number;
  inPipeline: boolean;
}

/**
 * Walks the tree iteratively (a 13,000-command `&&` chain nests that deep) and never asks a
 * node for its parent: tree-sitter finds a parent by descending from the root, which made
 * long chains cubic. Parents travel down with the frames instead.
 */
function walk(root: Node, out: ScriptAnalysis): void {
  const stack: Frame[] = [{ node: root, type: root.type, parentType: null, mainShell: true, parent: null, grand: null, viaLists: false, parentVia: false, statement: 0, inPipeline: false }];
  let statementCount = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, type, parentType, mainShell, parent, grand, viaLists, parentVia, inPipeline } = frame;
    // Nodes of the program are compared by position: tree-sitter returns a new wrapper per call.
    const statement = parentType === 'program' && type !== 'comment' ? statementCount++ : frame.statement;
    if (type === 'comment') {
      out.comments.push({ start: node.startIndex, end: node.endIndex });
      continue;
    }
    if (type === 'variable_assignment' || type === 'variable_assignments') {
      if (mainShell && parentType !== null && parentType !== 'command' && parentType !== 'declaration_command') out.assignsVariable = true;
    }
    if (type === 'variable_assignment' && parentType !== null && parentType !== 'command') {
      const n = node.childForFieldName('name');
      const v = node.childForFieldName('value');
      if (n) out.assignments.push({ name: n.text, value: v ? literal(v) : '', exported: parentType === 'declaration_command' });
    }
    if ((type === 'declaration_command' || type === 'unset_command') && mainShell) out.assignsVariable = true;
    if (type === 'declaration_command' && mainShell && node.firstChild?.type === 'export') {
      for (const k of node.namedChildren) {
        if (!k) continue;
        const name = k.type === 'variable_assignment' ? k.childForFieldName('name')?.text : k.type === 'variable_name' ? k.text : undefined;
        if (name) out.exports.push({ name, start: node.startIndex });
      }
    }
    if (type === 'function_definition' && mainShell) out.definesFunction = true;
    if (type === 'pipeline') out.pipelines.push({ start: node.startIndex, end: node.endIndex, inMainShell: mainShell });
    if (type === 'expansion') addExpansion(node, out);
    if (STATEMENT_LISTS.has(type)) {
      for (const k of node.children) if (k && k.type === '&') out.backgroundJobs.push(k.startIndex);
    }
    if (type === 'command') {
      // `cmd 2>/dev/null` is a redirected statement around the command: that is its unit.
      const unit = parentType === 'redirected_statement' && parent ? parent : node;
      const redirected = unit !== node;
      const cmd = describeCommand(node, mainShell, unit, redirected ? grand : parent, redirected ? parentVia : viaLists);
      cmd.statement = statement;
      cmd.inPipeline = inPipeline;
      out.commands.push(cmd);
    }
    const childMain = mainShell && SAME_SHELL.has(type);
    const childVia = type === 'redirected_statement' ? true : type === 'list' ? viaLists : false;
    const kids = node.namedChildren;
    // Pushed in reverse so that commands come out in source order.
    for (let k = kids.length - 1; k >= 0; k--) {
      const child = kids[k];
      // Plain words cannot hold commands: skipping them keeps a 20,000-word RUN cheap.
      if (!child) continue;
      const childType = child.type;
      if (childType === 'simple_expansion') addExpansion(child, out);
      if (LEAVES.has(childType)) continue;
      stack.push({
        node: child,
        type: childType,
        parentType: type,
        mainShell: childMain || (mainShell && type === 'command'),
        parent: node,
        grand: parent,
        viaLists: childVia,
        parentVia: viaLists,
        statement,
        inPipeline: inPipeline || type === 'pipeline',
      });
    }
  }
}

/** `$NAME` or `${NAME…}`: records the variable's name (special parameters like `$1`, `$@` are not variables). */
function addExpansion(node: Node, out: ScriptAnalysis): void {
  const name = node.firstNamedChild;
  if (!name || name.type !== 'variable_name') return;
  out.expansions.push({ name: name.text, start: name.startIndex, end: name.endIndex, exprStart: node.startIndex, exprEnd: node.endIndex });
}

function describeCommand(node: Node, mainShell: boolean, unit: Node, unitParent: Node | null, underListRedirect: boolean): Command {
  const nameNode = node.childForFieldName('name');
  const env: Command['env'] = [];
  for (const k of node.namedChildren) {
    if (!k || k.type !== 'variable_assignment') continue;
    const n = k.childForFieldName('name');
    const v = k.childForFieldName('value');
    if (n) env.push({ name: n.text, value: v ? literal(v) : '' });
  }
  const args: Word[] = [];
  for (const a of node.childrenForFieldName('argument')) {
    if (a) args.push({ value: literal(a), raw: a.text, start: a.startIndex, end: a.endIndex });
  }
  let listPrev: Command['listPrev'] = null;
  let listNext: Command['listNext'] = null;
  if (unitParent && unitParent.type === 'list') {
    const kids = unitParent.children.filter((k): k is Node => k !== null);
    const i = kids.findIndex((k) => k.startIndex === unit.startIndex && k.endIndex === unit.endIndex);
    if (i > 0 && !kids[i - 1].isNamed && i > 1) listPrev = { end: kids[i - 2].endIndex, op: kids[i - 1].type };
    if (i >= 0 && i + 2 < kids.length && !kids[i + 1].isNamed) listNext = { start: kids[i + 2].startIndex, op: kids[i + 1].type };
    // In `a && b && c` the left side is itself a list: its last command is the neighbour of `c`.
    if (listPrev && kids[i - 2].type === 'list') listPrev = { end: kids[i - 2].endIndex, op: listPrev.op };
  }
  return {
    name: nameNode ? literal(nameNode.firstNamedChild ?? nameNode) : null,
    nameStart: nameNode ? nameNode.startIndex : node.startIndex,
    nameEnd: nameNode ? nameNode.endIndex : node.startIndex,
    env,
    statement: 0,
    inPipeline: false,
    start: node.startIndex,
    end: node.endIndex,
    args,
    unitStart: unit.startIndex,
    unitEnd: unit.endIndex,
    listPrev,
    listNext,
    inMainShell: mainShell,
    underListRedirect,
  };
}

/** The value of a word after quote removal, if it has no expansions. */
export function literal(node: Node): string | null {
  switch (node.type) {
    case 'word':
    case 'number':
      return node.text.replace(/\\(.)/gs, '$1');
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let s = '';
      for (const c of node.namedChildren) {
        if (!c || c.type !== 'string_content') return null;
        s += c.text.replace(/\\([$`"\\\n])/g, '$1');
      }
      return s;
    }
    case 'concatenation': {
      let s = '';
      for (const c of node.namedChildren) {
        if (!c) return null;
        const v = literal(c);
        if (v === null) return null;
        s += v;
      }
      return s;
    }
    default:
      return null;
  }
}
