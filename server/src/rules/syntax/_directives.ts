/**
 * Parser directives as BuildKit reads them: `# name=value` lines at the very top of the file
 * (leading blanks allowed, a BOM skipped), names `syntax`, `escape` and `check` in any case.
 * The first line that is not one (a blank line, another comment, an unknown name, an
 * instruction) ends them: anything directive-like after that is a plain comment.
 */
import type { DockerfileModel } from '../../model';

export const DIRECTIVE_LINE = /^[ \t]*#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
export const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

export interface DirectiveLine {
  name: string;
  value: string;
  line: number;
  /** Offsets of the name and of the value. */
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

function readLine(model: DockerfileModel, line: number): DirectiveLine | null {
  let text = model.lines.lineText(line);
  let base = model.lines.starts[line];
  if (line === 0 && text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    base++;
  }
  const m = DIRECTIVE_LINE.exec(text.replace(/\r$/, ''));
  if (!m) return null;
  const nameAt = text.indexOf(m[1]);
  const valueAt = text.indexOf(m[2], text.indexOf('=', nameAt + m[1].length) + 1);
  return {
    name: m[1].toLowerCase(),
    value: m[2],
    line,
    nameStart: base + nameAt,
    nameEnd: base + nameAt + m[1].length,
    valueStart: base + valueAt,
    valueEnd: base + valueAt + m[2].length,
  };
}

/** The directive block at the top of the text (empty in later chunks: they start with a blank line). */
export function topDirectives(model: DockerfileModel): DirectiveLine[] {
  const out: DirectiveLine[] = [];
  for (let l = 0; l < model.lines.lineCount; l++) {
    const d = readLine(model, l);
    if (!d || !DIRECTIVE_NAMES.has(d.name)) break;
    out.push(d);
  }
  return out;
}

/**
 * Comment lines after the block that would be directives at the top (read from the text: only
 * lines outside every instruction, so heredoc bodies and continued lines are not looked at).
 */
export function lateDirectives(model: DockerfileModel, topCount: number): DirectiveLine[] {
  const out: DirectiveLine[] = [];
  const ins = model.instructions;
  let k = 0;
  for (let l = topCount; l < model.lines.lineCount; l++) {
    while (k < ins.length && ins[k].endLine < l) k++;
    if (k < ins.length && ins[k].startLine <= l) continue;
    const start = model.lines.starts[l];
    let i = start;
    while (model.text.charCodeAt(i) === 32 || model.text.charCodeAt(i) === 9) i++;
    if (model.text.charCodeAt(i) !== 35) continue; // #
    const d = readLine(model, l);
    if (d && DIRECTIVE_NAMES.has(d.name)) out.push(d);
  }
  return out;
}
