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
  kind: 'shell' | 'heredoc-command' | 'heredoc-body';
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
    return [{
      kind: 'shell',
      text: logical.text,
      analysis: analyzeScript(logical.text),
      toDoc: (o, atEnd) => mapLogical(logical, o, atEnd),
    }];
  }
  const base = ins.bodyStart;
  const commandText = text.slice(base, ins.end);
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
  return scripts;
}
