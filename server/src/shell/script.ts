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
  /**
   * `nested`: the script of `sh -c '…'` (or `su -c`) inside another one; `exec-form`: the script
   * of `RUN ["sh", "-c", "…"]`.
   */
  kind: 'shell' | 'heredoc-command' | 'heredoc-body' | 'nested' | 'exec-form';
  /** Offsets cannot be mapped exactly (a JSON string with escapes): report, but offer no fix. */
  readOnly?: boolean;
  text: string;
  analysis: ScriptAnalysis;
  /** Maps an offset in `text` to an offset in the Dockerfile. */
  toDoc(offset: number, atEnd?: boolean): number;
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash)$/;

/**
 * `RUN ["sh", "-c", "script"]` / `["/bin/bash", "-ec", "…"]`: the script string. Its offsets map
 * into the JSON string when the string has no escapes (so fixes can edit it); otherwise
 * `readOnly` (findings point at the string, no fix is offered).
 */
function execFormScript(model: DockerfileModel, ins: InstructionInfo): RunScript[] {
  const json = ins.json as string[];
  if (json.length < 3 || !SHELLS.test(json[0])) return [];
  const c = json.findIndex((a, i) => i > 0 && /^-[A-Za-z]*c[A-Za-z]*$/.test(a));
  if (c < 0 || c + 1 >= json.length || json.slice(1, c).some((a) => !a.startsWith('-'))) return [];
  const script = json[c + 1];
  // Find the raw JSON string of the script: the (c+1)-th string literal of the array.
  const raw = model.text.slice(ins.bodyStart!, ins.end);
  let at = -1;
  let n = 0;
  const re = /"(?:[^"\\]|\\.)*"/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (n++ === c + 1) {
      at = m.index;
      if (m[0].slice(1, -1) === script) {
        const start = ins.bodyStart! + at + 1;
        return [{ kind: 'exec-form', text: script, analysis: analyzeScript(script), toDoc: (o) => start + o }];
      }
      break;
    }
  }
  const where = at < 0 ? ins.bodyStart! : ins.bodyStart! + at;
  const whereEnd = at < 0 ? ins.end : where + 1;
  return [{ kind: 'exec-form', text: script, analysis: analyzeScript(script), readOnly: true, toDoc: (_o, atEnd) => (atEnd ? whereEnd : where) }];
}

/** The scripts of a RUN instruction (none for an empty RUN or exec form that runs no shell). */
export function runScripts(model: DockerfileModel, ins: InstructionInfo): RunScript[] {
  if (ins.keyword !== 'RUN' || ins.bodyStart === null || ins.json === null) return [];
  if (Array.isArray(ins.json)) return withNested(execFormScript(model, ins));
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
        readOnly: parent.readOnly,
        text: word.value,
        analysis: analyzeScript(word.value),
        toDoc: (o, atEnd) => parent.toDoc(at + o, atEnd),
      });
    }
  }
  return nested.length === 0 ? scripts : [...scripts, ...withNested(nested, depth + 1)];
}
