/**
 * Completion, from the cached model of the document:
 * - at the start of a line: instruction keywords with snippet bodies (in the file's casing)
 *   and the mirror/recipe snippets of snippets/;
 * - in the flags of an instruction: the flags it accepts that are not there yet, then their
 *   values (`--mount=` types and options, `--network=`, `--platform=`, `--from=` stages …);
 * - `FROM <stage>` and `AS`; `HEALTHCHECK CMD|NONE`; `ONBUILD <instruction>`;
 * - `$` / `${`: the ARG and ENV variables in scope, with their values;
 * - in the parser-directive block: `syntax`, `escape`, `check` and their values;
 * - in `# hadolint ignore=` / `# dockerfile-doctor ignore=` / `# check=skip=`: rule ids and codes.
 * Inside a RUN script or a heredoc body only `$` variables are offered: no keyword soup.
 */
import {
  CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind,
  type ClientCapabilities, type CompletionItem, type CompletionParams, type Range as LspRange,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import type { DockerfileModel, InstructionInfo } from '../model';
import { RULES } from '../rules';
import { modelFor } from './document';
import {
  BUILDKIT_CHECKS, buildkitCheckUrl, DIRECTIVES, INSTRUCTION_DOCS, INSTRUCTION_FLAGS, KEYWORD_SNIPPETS, MOUNT_OPTIONS, MOUNT_OPTION_ALIASES, MOUNT_TYPES,
  PLATFORMS, PREDEFINED_ARGS, PROXY_DOC, type FlagDoc,
} from './instructions';
import { cased, heredocAt, inDirectiveBlock, instructionAt, lastInstructionAt, keywordCase, stagesBefore, variablesAt, type VariableDef } from './reference/context';
import { SNIPPETS } from './reference/snippets';

/** Characters that open a completion worth showing (never a plain space). */
export const COMPLETION_TRIGGERS = ['-', '=', '$', '{', ',', '#'];

const options = { snippets: true, retrigger: false };

/** Reads what the client supports (snippet syntax; VS Code's re-trigger command). */
export function configureCompletion(caps: ClientCapabilities, clientName: string | undefined): void {
  options.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
  options.retrigger = /code|vscodium|cursor|code-server/i.test(clientName ?? '');
}

/** How often each instruction is written in real Dockerfiles (the corpus): the ranking. */
const KEYWORD_RANK = ['RUN', 'COPY', 'ENV', 'WORKDIR', 'ARG', 'FROM', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'LABEL', 'ADD', 'VOLUME', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];

export function completion(doc: TextDocument, params: CompletionParams): CompletionItem[] {
  const model = modelFor(doc);
  if (!model) return [];
  const { line } = params.position;
  if (line >= model.lines.lineCount) return [];
  const lineText = model.lines.lineText(line);
  const character = Math.min(params.position.character, lineText.length);
  const before = lineText.slice(0, character);
  const offset = model.lines.starts[line] + character;
  const invoked = params.context?.triggerKind !== 2;
  const loc = instructionAt(model, line, offset);
  const c = new Collector(line, character);

  if (loc && heredocAt(model, loc.ins, line)) {
    // A heredoc body: a script for RUN (variables expand there), file content otherwise.
    if (loc.ins.keyword === 'RUN') variableItems(c, model, loc.index, offset, before);
    return c.items;
  }
  const trimmed = before.trimStart();
  if (trimmed.startsWith('#') && (!loc || loc.ins.startLine < line)) {
    commentItems(c, model, line, before, invoked);
    return c.items;
  }
  if (!loc || (loc.ins.startLine === line && offset <= loc.ins.keywordEnd)) {
    const m = /^[ \t]*([A-Za-z][\w-]*)?$/.exec(before);
    if (!m) return [];
    if (!invoked && !m[1]) return [];
    const start = character - (m[1]?.length ?? 0);
    // Changing the keyword of an existing instruction: the whole word, no snippet body.
    const rest = lineText.slice(character);
    const wordEnd = character + (/^[\w-]*/.exec(rest)?.[0].length ?? 0);
    const bare = /\S/.test(lineText.slice(wordEnd));
    if (wordEnd > character) c.end = wordEnd;
    keywordItems(c, model, start, loc ? loc.index : -1, offset, new Set(), bare);
    if (!bare) snippetItems(c, start);
    return c.items;
  }
  instructionItems(c, model, loc.ins, loc.index, offset, before, invoked);
  return c.items;
}

class Collector {
  readonly items: CompletionItem[] = [];
  /** Where the replaced text ends (the cursor, or the end of the word under it). */
  end: number;
  constructor(readonly line: number, readonly character: number) {
    this.end = character;
  }

  range(start: number): LspRange {
    return { start: { line: this.line, character: start }, end: { line: this.line, character: this.end } };
  }

  add(start: number, item: CompletionItem & { newText?: string }): void {
    const newText = item.newText ?? item.label;
    delete item.newText;
    item.textEdit = { range: this.range(start), newText };
    if (item.insertTextFormat === InsertTextFormat.Snippet && !options.snippets) {
      item.textEdit.newText = plainOf(newText);
      item.insertTextFormat = InsertTextFormat.PlainText;
    }
    this.items.push(item);
  }
}

/** A snippet's text with its placeholders' defaults (for clients without snippet support). */
function plainOf(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[++i];
    } else if (ch === '$' && snippet[i + 1] === '{' && /\d/.test(snippet[i + 2] ?? '')) {
      i += 2;
      while (/\d/.test(snippet[i])) i++;
      if (snippet[i] === ':') continue; // keep the default, drop the closing brace below
      if (snippet[i] === '|') {
        const end = snippet.indexOf('|', i + 1);
        out += snippet.slice(i + 1, end < 0 ? undefined : end).split(',')[0];
        i = end < 0 ? snippet.length : end + 1;
      }
    } else if (ch === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (ch === '}') {
      // The end of a placeholder (a literal } is escaped).
    } else {
      out += ch;
    }
  }
  return out;
}

function md(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

function keywordItems(c: Collector, model: DockerfileModel, start: number, index: number, offset: number, exclude: Set<string>, bare = false): void {
  // The casing of the other keywords (the word being typed is one of the file's instructions).
  const typing = index >= 0 && !exclude.size ? model.instructions[index] : undefined;
  const style = keywordCase(model, typing);
  const prev = lastInstructionAt(model, index >= 0 ? model.instructions[index].start - 1 : offset);
  const beforeFrom = prev < 0 || (model.instructions[prev].stage < 0 && model.instructions[prev].keyword !== 'FROM');
  for (const kw of Object.keys(INSTRUCTION_DOCS)) {
    if (exclude.has(kw)) continue;
    const info = INSTRUCTION_DOCS[kw];
    const label = cased(kw, style);
    // Before the first FROM only ARG and FROM are allowed: rank them first.
    let rank = KEYWORD_RANK.indexOf(kw);
    if (beforeFrom) rank = kw === 'FROM' ? -2 : kw === 'ARG' ? -1 : rank + 20;
    c.add(start, {
      label,
      kind: CompletionItemKind.Keyword,
      detail: info.syntax,
      documentation: md(t(info.summary)),
      sortText: `0${String(rank + 10).padStart(3, '0')}`,
      filterText: label,
      newText: bare ? label : `${label} ${KEYWORD_SNIPPETS[kw] ?? ''}`,
      insertTextFormat: bare ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      tags: kw === 'MAINTAINER' ? [CompletionItemTag.Deprecated] : undefined,
    });
  }
}

function snippetItems(c: Collector, start: number): void {
  if (!options.snippets) return;
  SNIPPETS.forEach((s, n) => {
    for (const prefix of s.prefixes) {
      c.add(start, {
        label: prefix,
        kind: CompletionItemKind.Snippet,
        detail: t(s.name),
        labelDetails: { description: t(s.name) },
        documentation: md(`${t(s.description)}\n\n\`\`\`dockerfile\n${s.body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1')}\n\`\`\``),
        sortText: `5${String(n).padStart(3, '0')}`,
        filterText: prefix,
        newText: s.body,
        insertTextFormat: InsertTextFormat.Snippet,
      });
    }
  });
}

/** The word being typed: from the last blank before the cursor on this line. */
function wordStart(before: string): number {
  let s = before.length;
  while (s > 0 && before[s - 1] !== ' ' && before[s - 1] !== '\t') s--;
  return s;
}

function instructionItems(c: Collector, model: DockerfileModel, ins: InstructionInfo, index: number, offset: number, before: string, invoked: boolean): void {
  const ws = wordStart(before);
  const word = before.slice(ws);
  // `$` variables: anywhere variables are expanded (not in exec form of RUN/CMD/ENTRYPOINT).
  if (variableItems(c, model, index, offset, before, ins)) return;
  // The words before the one being typed (continuations joined, escapes dropped).
  const wordOffset = offset - word.length;
  let head = model.text.slice(ins.keywordEnd, wordOffset);
  if (head.length > 4000) head = head.slice(0, 4000); // flags come first; a long script is not flags
  let tokens = head.split(/\s+/).filter((x) => x && x !== model.escape);
  let keyword = ins.keyword;
  if (keyword === 'ONBUILD') {
    if (tokens.length === 0) {
      if (!/^[A-Za-z]*$/.test(word)) return;
      keywordItems(c, model, ws, index, offset, new Set(['ONBUILD', 'FROM', 'MAINTAINER']));
      return;
    }
    keyword = tokens[0].toUpperCase();
    tokens = tokens.slice(1);
  }
  const inFlags = tokens.every((x) => x.startsWith('--'));
  if (inFlags && word.startsWith('-')) {
    const eq = word.indexOf('=');
    if (eq < 0) flagItems(c, keyword, tokens, ws);
    else flagValueItems(c, model, keyword, index, word.slice(2, eq).toLowerCase(), word.slice(eq + 1), ws + eq + 1);
    return;
  }
  const positional = tokens.filter((x) => !x.startsWith('--'));
  if (keyword === 'FROM' && !word.startsWith('-')) {
    if (positional.length === 0) {
      stageItems(c, model, index, ws);
      if (invoked && inFlags && word === '') flagItems(c, keyword, tokens, ws);
    } else if (positional.length === 1 && /^[A-Za-z]*$/.test(word) && (invoked || word)) {
      const as = cased('AS', keywordCase(model));
      c.add(ws, { label: as, kind: CompletionItemKind.Keyword, detail: 'AS <name>', documentation: md(t('Names the stage, for FROM <name> and COPY --from=<name> in later stages.')), newText: `${as} \${1:name}`, insertTextFormat: InsertTextFormat.Snippet });
    }
    return;
  }
  if (keyword === 'HEALTHCHECK' && positional.length === 0 && /^[A-Za-z]*$/.test(word) && (invoked || word)) {
    const style = keywordCase(model);
    c.add(ws, { label: cased('CMD', style), kind: CompletionItemKind.Keyword, detail: 'CMD <command>', documentation: md(t('The command that checks the container: exit status 0 is healthy, 1 is unhealthy.')), sortText: '0', newText: `${cased('CMD', style)} \${1:command}`, insertTextFormat: InsertTextFormat.Snippet });
    c.add(ws, { label: cased('NONE', style), kind: CompletionItemKind.Keyword, detail: 'NONE', documentation: md(t('Disables the health check inherited from the base image.')), sortText: '1' });
    if (invoked && inFlags && word === '') flagItems(c, keyword, tokens, ws);
    return;
  }
  if (keyword === 'ARG' && positional.length === 0 && ins.stage >= 0 && /^[A-Za-z_]*$/.test(word) && (invoked || word)) {
    // Redeclaring a global or predefined argument makes it visible in the stage.
    const globals = variablesAt(model, model.stageStarts[0] ?? -1, model.instructions[model.stageStarts[0]]?.start ?? 0);
    for (const v of globals.values()) {
      c.add(ws, { label: v.name, kind: CompletionItemKind.Variable, detail: v.kind === 'predefined' ? 'ARG' : `ARG ${v.name}${v.value !== null ? `=${v.value}` : ''}`, documentation: md(variableDoc(v)), sortText: v.kind === 'predefined' ? '1' : '0' });
    }
    return;
  }
  if (invoked && inFlags && word === '' && INSTRUCTION_FLAGS[keyword]) flagItems(c, keyword, tokens, ws);
}

function flagItems(c: Collector, keyword: string, tokens: string[], start: number): void {
  const present = new Set(tokens.map((x) => /^--([^=]*)/.exec(x)?.[1].toLowerCase()));
  (INSTRUCTION_FLAGS[keyword] ?? []).forEach((f, n) => {
    // --mount and --exclude may be repeated.
    if (present.has(f.name) && f.name !== 'mount' && f.name !== 'exclude') return;
    c.add(start, {
      label: `--${f.name}`,
      kind: CompletionItemKind.Property,
      detail: `--${f.name}${f.boolean ? '' : `=${f.placeholder}`}`,
      documentation: md(t(f.doc)),
      sortText: `0${n}`,
      filterText: `--${f.name}`,
      newText: f.boolean ? `--${f.name}` : `--${f.name}=`,
      command: !f.boolean && options.retrigger ? { title: 'suggest', command: 'editor.action.triggerSuggest' } : undefined,
    });
  });
}

function valueItem(c: Collector, start: number, value: string, doc: string | undefined, n: number, retrigger = false): void {
  c.add(start, {
    label: value,
    kind: CompletionItemKind.Value,
    documentation: doc ? md(doc) : undefined,
    sortText: String(n).padStart(3, '0'),
    command: retrigger && options.retrigger ? { title: 'suggest', command: 'editor.action.triggerSuggest' } : undefined,
  });
}

function flagValueItems(c: Collector, model: DockerfileModel, keyword: string, index: number, name: string, value: string, start: number): void {
  const flag: FlagDoc | undefined = (INSTRUCTION_FLAGS[keyword] ?? []).find((f) => f.name === name);
  if (!flag) return;
  if (name === 'mount') return mountItems(c, model, index, value, start);
  if (name === 'from') return stageItems(c, model, index, start);
  if (name === 'platform') {
    PLATFORMS.forEach((p, n) => valueItem(c, start, p, p.startsWith('$') ? t(PREDEFINED_ARGS[p.slice(1)]) : undefined, n));
    return;
  }
  (flag.values ?? []).forEach((v, n) => valueItem(c, start, v, undefined, n));
}

function mountItems(c: Collector, model: DockerfileModel, index: number, value: string, start: number): void {
  const comma = value.lastIndexOf(',');
  const segStart = start + comma + 1;
  const segment = value.slice(comma + 1);
  const parts = value.slice(0, comma < 0 ? 0 : comma).split(',').map((p) => p.split('=')[0].trim().toLowerCase());
  const typeMatch = /(?:^|,)\s*type=([a-z]+)/i.exec(value);
  const type = typeMatch && MOUNT_TYPES[typeMatch[1].toLowerCase()] ? typeMatch[1].toLowerCase() : 'bind';
  const eq = segment.indexOf('=');
  if (eq >= 0) {
    const rawKey = segment.slice(0, eq).trim().toLowerCase();
    const key = MOUNT_OPTION_ALIASES[rawKey] ?? rawKey;
    const vStart = segStart + eq + 1;
    if (key === 'type') {
      Object.entries(MOUNT_TYPES).forEach(([k, d], n) => valueItem(c, vStart, k, t(d.doc), n, false));
      return;
    }
    if (key === 'from') return stageItems(c, model, index, vStart);
    (MOUNT_OPTIONS[key]?.values ?? []).forEach((v, n) => valueItem(c, vStart, v, undefined, n));
    return;
  }
  const present = new Set(parts.map((p) => MOUNT_OPTION_ALIASES[p] ?? p));
  const keys = present.has('type') ? MOUNT_TYPES[type].options : ['type', ...MOUNT_TYPES[type].options];
  keys.forEach((k, n) => {
    if (present.has(k)) return;
    const o = MOUNT_OPTIONS[k];
    c.add(segStart, {
      label: o.boolean ? k : `${k}=`,
      kind: CompletionItemKind.Property,
      documentation: md(t(o.doc)),
      sortText: String(n).padStart(3, '0'),
      filterText: k,
      newText: o.boolean ? k : `${k}=`,
      command: !o.boolean && options.retrigger && (o.values || k === 'from') ? { title: 'suggest', command: 'editor.action.triggerSuggest' } : undefined,
    });
  });
}

function stageItems(c: Collector, model: DockerfileModel, index: number, start: number): void {
  // Earlier stages, not the one being built (a stage cannot copy from itself).
  const own = model.instructions[index];
  const stages = stagesBefore(model, index).filter((s) => own.keyword === 'FROM' || s.ins.stage !== own.stage);
  stages.forEach((s, n) => {
    c.add(start, {
      label: s.name,
      kind: CompletionItemKind.Reference,
      detail: model.lines.lineText(s.ins.startLine).trim(),
      documentation: md(t('Build stage defined on line {0}.', s.ins.startLine + 1)),
      // The nearest stage first.
      sortText: String(stages.length - n).padStart(4, '0'),
    });
  });
}

function variableDoc(v: VariableDef): string {
  if (v.kind === 'predefined') return t(PREDEFINED_ARGS[v.name] ?? PROXY_DOC);
  const where = v.ins ? t('Set by {0} on line {1}.', v.kind, v.ins.startLine + 1) : '';
  const value = v.value === null ? t('No default value.') : t('Value: {0}', `\`${v.value.replace(/`/g, "'")}\``);
  return `${value}\n\n${where}${v.inherited ? ` ${t('(inherited from the parent stage)')}` : ''}`;
}

/** `$NAME` / `${NAME` being typed: the variables in scope. Returns whether it was such a place. */
function variableItems(c: Collector, model: DockerfileModel, index: number, offset: number, before: string, ins?: InstructionInfo): boolean {
  const dollar = before.lastIndexOf('$');
  if (dollar < 0) return false;
  const rest = before.slice(dollar + 1);
  const m = /^(\{?)([A-Za-z0-9_]*)$/.exec(rest);
  if (!m) return false;
  if (dollar > 0 && before[dollar - 1] === model.escape) return false;
  if (ins && ins.json && (ins.keyword === 'RUN' || ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT')) return true;
  const start = dollar + 1 + m[1].length;
  const closed = model.text[offset] === '}';
  const vars = variablesAt(model, index, offset);
  for (const v of vars.values()) {
    c.add(start, {
      label: v.name,
      kind: v.kind === 'ENV' ? CompletionItemKind.Variable : CompletionItemKind.Constant,
      detail: v.kind === 'predefined' ? 'ARG' : `${v.kind} ${v.name}${v.value !== null ? `=${v.value}` : ''}`,
      documentation: md(variableDoc(v)),
      sortText: v.kind === 'predefined' ? `2${v.name}` : `0${v.name}`,
      // `${` may already have its `}` (editors auto-close braces).
      newText: m[1] && !closed ? `${v.name}}` : v.name,
    });
  }
  return true;
}

function commentItems(c: Collector, model: DockerfileModel, line: number, rawBefore: string, invoked: boolean): void {
  const before = line === 0 ? rawBefore.replace(/^\uFEFF/, '') : rawBefore;
  const shift = rawBefore.length - before.length;
  if (inDirectiveBlock(model, line)) {
    const name = /^([ \t]*#[ \t]*)([A-Za-z]*)$/.exec(before);
    if (name) {
      const present = new Set(model.directives.map((d) => d.name));
      Object.entries(DIRECTIVES).forEach(([k, d], n) => {
        if (present.has(k) && model.directives.find((x) => x.name === k)?.line !== line) return;
        c.add(shift + name[1].length, { label: k, kind: CompletionItemKind.Keyword, detail: `# ${k}=${d.values[0]}`, documentation: md(t(d.doc)), sortText: String(n), newText: `${k}=`, filterText: k, command: options.retrigger ? { title: 'suggest', command: 'editor.action.triggerSuggest' } : undefined });
      });
      return;
    }
    const value = /^[ \t]*#[ \t]*(syntax|escape|check)[ \t]*=[ \t]*(.*)$/i.exec(before);
    if (value) {
      const key = value[1].toLowerCase();
      const v = value[2];
      if (key === 'check') {
        const skip = /(?:^|;)[ \t]*skip[ \t]*=([^;]*)$/i.exec(v);
        if (skip) {
          const seg = skip[1].lastIndexOf(',') + 1;
          const s = before.length - skip[1].length + seg;
          buildkitItems(c, shift + s, new Set(skip[1].split(',').map((x) => x.trim())));
          return;
        }
        if (/(?:^|;)[ \t]*[a-z]*$/i.test(v)) {
          const s = before.length - (/[a-z]*$/i.exec(v)?.[0].length ?? 0);
          for (const opt of ['skip=', 'error=true']) valueItem(c, shift + s, opt, undefined, 0, opt === 'skip=');
        }
        return;
      }
      const s = before.length - v.length;
      DIRECTIVES[key].values.forEach((x, n) => valueItem(c, shift + s, x, undefined, n));
      return;
    }
  }
  const ignore = /^[ \t]*#[ \t]*(hadolint|dockerfile-doctor)[ \t]+(?:global[ \t]+)?ignore[ \t]*=(.*)$/i.exec(before);
  if (ignore) {
    const list = ignore[2];
    const seg = list.lastIndexOf(',') + 1;
    const s = before.length - list.length + seg + (/^[ \t]*/.exec(list.slice(seg))?.[0].length ?? 0);
    const done = new Set(list.split(',').map((x) => x.trim()));
    const hadolint = ignore[1].toLowerCase() === 'hadolint';
    RULES.forEach((r, n) => {
      const label = hadolint ? r.related.hadolint : r.id;
      if (!label || done.has(label)) return;
      c.add(shift + s, { label, kind: CompletionItemKind.EnumMember, detail: hadolint ? r.id : r.related.hadolint, documentation: md(t(r.description)), sortText: String(n).padStart(3, '0') });
    });
    // Our own ignore comments accept the hadolint codes too.
    if (!hadolint) {
      RULES.forEach((r, n) => {
        if (!r.related.hadolint || done.has(r.related.hadolint)) return;
        c.add(shift + s, { label: r.related.hadolint, kind: CompletionItemKind.EnumMember, detail: r.id, documentation: md(t(r.description)), sortText: `1${String(n).padStart(3, '0')}` });
      });
    }
    return;
  }
  const start = /^([ \t]*#[ \t]*)([a-z-]*)$/i.exec(before);
  // Typing `#` to write a comment pops nothing up; a word or an explicit request does.
  if (start && (invoked || start[2])) {
    for (const [n, label] of ['dockerfile-doctor ignore=', 'hadolint ignore=', 'dockerfile-doctor global ignore='].entries()) {
      c.add(shift + start[1].length, { label, kind: CompletionItemKind.Keyword, documentation: md(t('Turns rules off for the next instruction (global: for the whole file).')), sortText: String(n), filterText: label, command: options.retrigger ? { title: 'suggest', command: 'editor.action.triggerSuggest' } : undefined });
    }
  }
}

function buildkitItems(c: Collector, start: number, done: Set<string>): void {
  const names = new Set(BUILDKIT_CHECKS);
  for (const r of RULES) if (r.related.buildkit) names.add(r.related.buildkit);
  [...names].sort().forEach((name, n) => {
    if (done.has(name)) return;
    const rule = RULES.find((r) => r.related.buildkit === name);
    c.add(start, {
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail: rule ? rule.id : 'BuildKit',
      documentation: md(rule ? t(rule.description) : `[${name}](${buildkitCheckUrl(name)})`),
      sortText: String(n).padStart(3, '0'),
    });
  });
  c.add(start, { label: 'all', kind: CompletionItemKind.EnumMember, documentation: md(t('Skips every build check.')), sortText: '999' });
}
