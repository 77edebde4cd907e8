/**
 * The shell scripts a RUN instruction hands to its shell, with a map back to the Dockerfile.
 *
 * - Shell form: the logical line Docker builds (continuations joined, comment and blank
 *   lines inside them dropped), exactly what `/bin/sh -c` receives.
 * - Heredoc form: the command line with its heredocs, as the shell reads it; when the command
 *   is only a heredoc (`RUN <<EOF`) or a POSIX shell reading one (`RUN bash <<EOF`), each
 *   heredoc body is a script too.
 */
import { joinLogical, mapLogical, type DockerfileModel, type InstructionInfo, type LogicalText } from '../model';
import { analyzeScript, type ScriptAnalysis } from './parser';

export interface RunScript {
  /** `nested`: the script of `sh -c '…'` (or `su -c`) inside another one. */
  kind: 'shell' | 'heredoc-command' | 'heredoc-body' | 'nested';
  text: string;
  analysis: ScriptAnalysis;
  /** Maps an offset in `text` to an offset in the Dockerfile. */
  toDoc(offset: number, atEnd?: boolean): number;
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash)$/;

/** The scripts of a RUN instruction (none for exec form or an empty RUN). */
export function runScripts(model: DockerfileModel, ins: InstructionInfo): RunScript[] {
  if (ins.keyword !== 'RUN' || ins.bodyStart === null || Array.isArray(ins.json)) return [];
  const text = model.text;
  if (ins.heredocs.length === 0) {
    const logical: LogicalText = joinLogical(text, ins.bodyStart, ins.end, model.escape);
    return withNested([{
      kind: 'shell',
      text: logical.text,
      analysis: analyzeScript(logical.text),
      toDoc: (o, atEnd) => mapLogical(logical, o, atEnd),
    }]);
  }
  const base = ins.bodyStart;
  // The command line with the heredoc bodies blanked (offsets kept): a body is data for the
  // command (`RUN <<EOF cat > f`), and tree-sitter misreads it when `<<EOF` comes first.
  let commandText = text.slice(base, ins.end);
  for (const h of ins.heredocs) {
    const from = h.contentStart - base;
    const to = h.contentEnd - base;
    if (from < 0 || to > commandText.length || from >= to) continue;
    commandText = commandText.slice(0, from) + commandText.slice(from, to).replace(/[^\r\n]/g, ' ') + commandText.slice(to);
  }
  // The first line decides whether heredoc bodies are shell scripts.
  const firstLine = commandText.split(/\r\n|\n|\r/, 1)[0].trim();
  const words = firstLine.split(/\s+/).filter((w) => w !== '' && !/^<<-?/.test(w) && !/^[0-9]*[<>]/.test(w));
  // `RUN <<EOF` alone has no command line of its own: its body is the script.
  const scripts: RunScript[] = words.length === 0 ? [] : [{
    kind: 'heredoc-command',
    text: commandText,
    analysis: analyzeScript(commandText),
    toDoc: (o) => base + o,
  }];
  const bodyIsShell = words.length === 0 || (SHELLS.test(words[0]) && words.slice(1).every((w) => w.startsWith('-')));
  if (bodyIsShell) {
    for (const h of ins.heredocs) {
      const body = text.slice(h.contentStart, h.contentEnd);
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
      if (shebang) {
        const interp = shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1];
        if (!SHELLS.test(interp) && !SHELLS.test(`/bin/${interp}`)) continue;
      }
      const start = h.contentStart;
      scripts.push({ kind: 'heredoc-body', text: body, analysis: analyzeScript(body), toDoc: (o) => start + o });
    }
  }
  return withNested(scripts);
}

const NESTING_SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|su)$/;

/**
 * Adds the scripts that commands hand to another shell: `sh -c 'apk add curl'`,
 * `su -c "…"`. Only a quoted word without escapes or expansions, so that every offset in it
 * maps back to the Dockerfile (an edit inside the quotes stays inside them). Two levels deep.
 */
function withNested(scripts: RunScript[], depth = 0): RunScript[] {
  if (depth >= 2) return scripts;
  const nested: RunScript[] = [];
  for (const script of scripts) {
    if (script.analysis.skipped) continue;
    for (const cmd of script.analysis.commands) {
      if (!cmd.name || !NESTING_SHELLS.test(cmd.name)) continue;
      const c = cmd.args.findIndex((a) => a.value !== null && /^-[A-Za-z]*c$/.test(a.value));
      const word = c >= 0 ? cmd.args[c + 1] : undefined;
      if (!word || word.value === null || word.raw.length < 2) continue;
      const q = word.raw[0];
      if ((q !== "'" && q !== '"') || word.raw[word.raw.length - 1] !== q || word.raw.slice(1, -1) !== word.value) continue;
      const at = word.start + 1;
      const parent = script;
      nested.push({
        kind: 'nested',
        text: word.value,
        analysis: analyzeScript(word.value),
        toDoc: (o, atEnd) => parent.toDoc(at + o, atEnd),
      });
    }
  }
  return nested.length === 0 ? scripts : [...scripts, ...withNested(nested, depth + 1)];
}
