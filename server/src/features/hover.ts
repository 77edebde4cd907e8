/**
 * Hover, from the cached model: instruction keywords (what it does, its syntax, the flags it
 * takes), flags and `--mount` types/options, parser directives, variables (where they are set
 * and their value), stage references (`FROM build`, `--from=build` → the stage's FROM line) and
 * rule ids / codes in ignore comments and `# check=skip=` (→ the rule and its docs).
 */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Finding } from '../lint';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import type { DockerfileModel, InstructionInfo } from '../model';
import { RULES, docsUrl } from '../rules';
import type { Rule } from '../rules/types';
import { modelFor } from './document';
import {
  BUILDKIT_CHECKS, buildkitCheckUrl, DIRECTIVES, INSTRUCTION_DOCS, INSTRUCTION_FLAGS, MOUNT_OPTIONS, MOUNT_OPTION_ALIASES, MOUNT_TYPES, PREDEFINED_ARGS, PROXY_DOC, referenceUrl,
} from './instructions';
import { code, heredocAt, inDirectiveBlock, instructionAt, stageName, stagesBefore, variableRefAt, variablesAt } from './reference/context';

export function hover(doc: TextDocument, params: HoverParams): Hover | null {
  const model = modelFor(doc);
  if (!model) return null;
  const { line } = params.position;
  if (line >= model.lines.lineCount) return null;
  const text = model.lines.lineText(line);
  const character = Math.min(params.position.character, text.length);
  const offset = model.lines.starts[line] + character;
  const loc = instructionAt(model, line, offset);
  const at = (start: number, end: number, value: string): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: { line, character: start }, end: { line, character: end } },
  });

  if (loc && heredocAt(model, loc.ins, line)) {
    return loc.ins.keyword === 'RUN' ? variableHover(model, loc.index, offset, text, character, at) : null;
  }
  if (/^[ \t]*#/.test(text.replace(/^\uFEFF/, '')) && (!loc || loc.ins.startLine < line)) return commentHover(model, line, text, character, at);
  if (!loc) return null;
  const { ins, index } = loc;
  if (line === ins.startLine && offset >= ins.keywordStart && offset <= ins.keywordEnd) {
    return at(ins.keywordStart - model.lines.starts[line], ins.keywordEnd - model.lines.starts[line], keywordDoc(ins.keyword));
  }
  const v = variableHover(model, index, offset, text, character, at);
  if (v) return v;
  for (const f of ins.flags) {
    if (offset < f.start || offset > f.end) continue;
    const s = f.start - model.lines.starts[line];
    const e = Math.min(f.end - model.lines.starts[line], text.length);
    return flagHover(model, ins, index, f.name, f.value, offset - f.start, s, e, at);
  }
  const arg = ins.args.find((a) => offset >= a.start && offset <= a.end);
  if (!arg) return null;
  const s = arg.start - model.lines.starts[line];
  const e = Math.min(arg.end - model.lines.starts[line], text.length);
  if (ins.keyword === 'FROM' && arg === ins.args[0]) {
    const stage = stagesBefore(model, index).reverse().find((st) => st.name.toLowerCase() === arg.value.toLowerCase());
    if (stage) return at(s, e, stageDoc(model, stage.ins));
  }
  if (ins.keyword === 'ONBUILD' && arg === ins.args[0] && INSTRUCTION_DOCS[arg.value.toUpperCase()]) return at(s, e, keywordDoc(arg.value.toUpperCase()));
  if (ins.keyword === 'FROM' && arg.value.toLowerCase() === 'as' && ins.args.indexOf(arg) === ins.args.length - 2) {
    return at(s, e, `**AS** — ${t('Names the stage, for FROM <name> and COPY --from=<name> in later stages.')}`);
  }
  return null;
}

type At = (start: number, end: number, value: string) => Hover;

function keywordDoc(keyword: string): string {
  const info = INSTRUCTION_DOCS[keyword];
  if (!info) return '';
  let out = `**${keyword}** — ${t(info.summary)}\n\n\`\`\`dockerfile\n${info.syntax}\n\`\`\``;
  const flags = INSTRUCTION_FLAGS[keyword];
  if (flags) out += `\n\n${flags.map((f) => `- \`--${f.name}${f.boolean ? '' : `=${f.placeholder}`}\` — ${t(f.doc)}`).join('\n')}`;
  return `${out}\n\n[${t('Dockerfile reference')}](${referenceUrl(keyword)})`;
}

function stageDoc(model: DockerfileModel, from: InstructionInfo): string {
  const first = model.lines.lineText(from.startLine).trim();
  return `${t('Build stage {0}, defined on line {1}:', code(stageName(from) ?? ''), from.startLine + 1)}\n\n\`\`\`dockerfile\n${first}\n\`\`\``;
}

function flagHover(model: DockerfileModel, ins: InstructionInfo, index: number, name: string, value: string | null, within: number, s: number, e: number, at: At): Hover | null {
  const keyword = ins.keyword === 'ONBUILD' ? (ins.args[0]?.value.toUpperCase() ?? '') : ins.keyword;
  const flag = (INSTRUCTION_FLAGS[keyword] ?? []).find((f) => f.name === name);
  if (!flag) return at(s, e, t('{0} does not accept the flag --{1}.', keyword, name));
  const head = `**--${flag.name}** — ${t(flag.doc)}`;
  if (name === 'mount' && value !== null) {
    // The `key=value` segment under the cursor.
    const valueStart = name.length + 3;
    const rel = within - valueStart;
    if (rel >= 0) {
      let segStart = value.lastIndexOf(',', rel - 1) + 1;
      if (rel === 0) segStart = 0;
      let segEnd = value.indexOf(',', rel);
      if (segEnd < 0) segEnd = value.length;
      const segment = value.slice(segStart, segEnd);
      const [rawKey, optValue] = segment.split('=');
      const key = MOUNT_OPTION_ALIASES[rawKey.trim().toLowerCase()] ?? rawKey.trim().toLowerCase();
      const range = (x: string) => at(s + valueStart + segStart, s + valueStart + segEnd, x);
      if (key === 'type' && optValue && MOUNT_TYPES[optValue.toLowerCase()]) {
        const type = MOUNT_TYPES[optValue.toLowerCase()];
        return range(`**type=${optValue}** — ${t(type.doc)}\n\n${t('Options: {0}', type.options.join(', '))}`);
      }
      if (key === 'from' && optValue) {
        const stage = stagesBefore(model, index).reverse().find((st) => st.name.toLowerCase() === optValue.toLowerCase());
        if (stage) return range(stageDoc(model, stage.ins));
      }
      if (MOUNT_OPTIONS[key]) return range(`**${rawKey.trim()}** — ${t(MOUNT_OPTIONS[key].doc)}`);
    }
    return at(s, e, head);
  }
  if (name === 'from' && value) {
    const stage = stagesBefore(model, index).reverse().find((st) => st.name.toLowerCase() === value.toLowerCase());
    if (stage) return at(s, e, `${stageDoc(model, stage.ins)}\n\n---\n\n${head}`);
  }
  return at(s, e, head);
}

function variableHover(model: DockerfileModel, index: number, offset: number, text: string, character: number, at: At): Hover | null {
  const ref = variableRefAt(text, character, model.escape);
  if (!ref) return null;
  const def = variablesAt(model, index, offset).get(ref.name);
  let value: string;
  if (!def) value = t('{0} is not set by an ARG or ENV before this line (it may come from the base image).', code(`$${ref.name}`));
  else if (def.kind === 'predefined') value = `**${ref.name}** — ${t(PREDEFINED_ARGS[ref.name] ?? PROXY_DOC)}`;
  else {
    const where = def.ins ? t('Set by {0} on line {1}.', def.kind, def.ins.startLine + 1) : '';
    const shown = def.value === null ? t('No default value.') : t('Value: {0}', code(def.value));
    const decl = def.ins ? `\n\n\`\`\`dockerfile\n${model.lines.lineText(def.ins.startLine).trim()}\n\`\`\`` : '';
    value = `**${ref.name}** (${def.kind}) — ${shown}\n\n${where}${def.inherited ? ` ${t('(inherited from the parent stage)')}` : ''}${decl}`;
  }
  return at(ref.start, ref.end, value);
}

function ruleDoc(rule: Rule): string {
  const codes = [rule.related.hadolint, rule.related.buildkit].filter(Boolean).join(', ');
  const buildkit = rule.related.buildkit ? ` · [BuildKit ${rule.related.buildkit}](${buildkitCheckUrl(rule.related.buildkit)})` : '';
  return `**${rule.id}**${codes ? ` (${codes})` : ''} — ${t(rule.description)}\n\n[${t('Rule documentation')}](${docsUrl(rule)})${buildkit}`;
}

function commentHover(model: DockerfileModel, line: number, raw: string, character: number, at: At): Hover | null {
  const text = line === 0 ? raw.replace(/^\uFEFF/, ' ') : raw;
  // The word under the cursor (rule ids, codes, directive names).
  let s = character;
  while (s > 0 && /[\w-]/.test(text[s - 1])) s--;
  let e = character;
  while (e < text.length && /[\w-]/.test(text[e])) e++;
  const word = text.slice(s, e);
  if (!word) return null;
  const directive = /^[ \t]*#[ \t]*([A-Za-z]+)[ \t]*=/.exec(text);
  if (directive && inDirectiveBlock(model, line)) {
    const name = directive[1].toLowerCase();
    if (name === 'check' && word.toLowerCase() !== 'check' && word !== 'skip' && word !== 'error') {
      const rule = RULES.find((r) => r.related.buildkit === word);
      if (rule) return at(s, e, ruleDoc(rule));
      return BUILDKIT_CHECKS.includes(word) ? at(s, e, `**${word}** — [${t('BuildKit build check')}](${buildkitCheckUrl(word)})`) : null;
    }
    const d = DIRECTIVES[name];
    if (!d) return null;
    const nameStart = text.indexOf(directive[1]);
    return at(nameStart, text.length, `**# ${name}=** — ${t(d.doc)}\n\n[${t('Dockerfile reference')}](https://docs.docker.com/reference/dockerfile/#parser-directives)`);
  }
  if (/^[ \t]*#[ \t]*(?:hadolint|dockerfile-doctor)[ \t]+(?:global[ \t]+)?ignore[ \t]*=/i.test(text) && s > text.indexOf('=')) {
    const rule = RULES.find((r) => r.id === word || r.related.hadolint === word || r.related.buildkit === word);
    return rule ? at(s, e, ruleDoc(rule)) : null;
  }
  return null;
}

/**
 * On a finding: which configuration file applied to the document (or that none did), so a
 * user can tell where a severity or an ignored rule comes from. Shown with the diagnostic.
 */
export function configHover(params: HoverParams, findings: readonly Finding[], configFile: string | undefined): Hover | null {
  const at = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  // Only when a config file applies: without one there is nothing to add to the diagnostic's own hover.
  if (!configFile) return null;
  const hit = findings.filter((f) => at(f.range.start, params.position) && at(params.position, f.range.end));
  if (hit.length === 0) return null;
  const codes = [...new Set(hit.map((f) => f.ruleId))].map((c) => `\`${c}\``).join(', ');
  const value = t('{0}: configured by {1}', codes, `\`${configFile}\``);
  return { contents: { kind: 'markdown', value }, range: hit[0].range };
}
