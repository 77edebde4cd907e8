/**
 * The whole document's model assembled from per-stage chunks, each parsed once and cached by
 * its text — the linter's trick (lint.ts) applied to the editor features. dockerfile-ast needs
 * ~150–400 ms for a 10,000-line file; after a keystroke only the stage that changed is parsed
 * again, and the rest is copied with shifted offsets (a few milliseconds).
 *
 * The result has the `DockerfileModel` shape with offsets, lines and stage indices of the
 * whole document. Only `InstructionInfo.node` stays relative to its chunk: features must read
 * offsets from the model, never ranges from the node.
 */
import { DockerfileModel, fileStages, type InstructionInfo } from '../model';
import { chunkStarts, escapeOf, MAX_LINE_LENGTH } from '../lint';
import { LineIndex } from '../text';

/** For each instruction of an assembled model: the chunk's own instruction and the offset shift. */
export interface Origin {
  ins: InstructionInfo;
  delta: number;
}

const ORIGINS = new WeakMap<DockerfileModel, Origin[]>();

/** Where the instructions of a model built here come from (undefined for a plain model). */
export function originsOf(model: DockerfileModel): Origin[] | undefined {
  return ORIGINS.get(model);
}

interface Parsed {
  model: DockerfileModel | null;
  /** Names of heredocs still open at its end. */
  open: string[];
  /** Its instructions as placed in the last document built (reused while the place is the same). */
  placed?: { delta: number; lineDelta: number; stageBase: number; instructions: InstructionInfo[]; origins: Origin[] };
}

export class ChunkedModels {
  /** Parsed chunks by their text (the first chunk's key starts with U+0001: it has no prefix). */
  private parsed = new Map<string, Parsed>();
  private escape = '\\';

  /** The model of a whole text; reuses the chunks of the previous call. Never throws. */
  build(text: string): DockerfileModel {
    const lines = new LineIndex(text);
    const escape = escapeOf(lines);
    const prefix = escape === '\\' ? '\n' : `# escape=${escape}\n\n`;
    const prefixLines = escape === '\\' ? 1 : 2;
    const starts = chunkStarts(lines, escape, fileStages(lines).map((s) => s.line));
    // The prefix of every chunk but the first holds the escape directive: a new one re-parses all.
    if (escape !== this.escape) this.parsed.clear();
    this.escape = escape;
    const next = new Map<string, Parsed>();
    const out = Object.create(DockerfileModel.prototype) as DockerfileModel;
    const instructions: InstructionInfo[] = [];
    const origins: Origin[] = [];
    const comments: DockerfileModel['comments'] = [];
    let directives: DockerfileModel['directives'] = [];
    let stageBase = 0;
    for (let i = 0; i < starts.length;) {
      let j = i + 1;
      let joins = 0;
      let parsed: Parsed;
      let from: number;
      for (;;) {
        from = lines.starts[starts[i]];
        const to = j < starts.length ? lines.starts[starts[j]] : text.length;
        // Keyed by the slice itself: no copy of the chunk with its prefix unless it is parsed.
        const key = i === 0 ? `\u0001${text.slice(from, to)}` : text.slice(from, to);
        parsed = next.get(key) ?? this.parsed.get(key) ?? parse((i === 0 ? '' : prefix) + text.slice(from, to));
        next.set(key, parsed);
        if (parsed.open.length > 0 && j < starts.length) {
          // A heredoc runs on past the next FROM line: join up to its delimiter (then the rest).
          joins++;
          const close = joins > 2 ? -1 : delimiterLine(lines, starts[j], parsed.open[parsed.open.length - 1]);
          if (close < 0) j = starts.length;
          else while (j < starts.length && starts[j] <= close) j++;
          continue;
        }
        break;
      }
      const m = parsed.model;
      if (m) {
        const delta = from - (i === 0 ? 0 : prefix.length);
        const lineDelta = starts[i] - (i === 0 ? 0 : prefixLines);
        let p = parsed.placed;
        if (!p || p.delta !== delta || p.lineDelta !== lineDelta || p.stageBase !== stageBase) {
          p = {
            delta, lineDelta, stageBase,
            instructions: m.instructions.map((ins) => shift(ins, delta, lineDelta, ins.stage < 0 ? (i === 0 ? -1 : stageBase - 1) : ins.stage + stageBase)),
            origins: m.instructions.map((ins) => ({ ins, delta })),
          };
          parsed.placed = p;
        }
        for (let k = 0; k < p.instructions.length; k++) {
          instructions.push(p.instructions[k]);
          origins.push(p.origins[k]);
        }
        stageBase += m.stageStarts.length;
        for (const c of m.comments) comments.push({ line: c.line + lineDelta, content: c.content });
        if (i === 0) directives = m.directives;
      }
      i = j;
    }
    this.parsed = next;
    const stageStarts: number[] = [];
    instructions.forEach((ins, k) => {
      if (ins.keyword === 'FROM') stageStarts.push(k);
    });
    Object.assign(out, { text, lines, instructions, directives, comments, escape, stageStarts, style: undefined });
    ORIGINS.set(out, origins);
    return out;
  }
}

function parse(body: string): Parsed {
  if (body.length > MAX_LINE_LENGTH && longestLine(body) > MAX_LINE_LENGTH) return { model: null, open: [] };
  let model: DockerfileModel | null;
  try {
    model = new DockerfileModel(body);
  } catch {
    try {
      model = new DockerfileModel(body.replace(/\r(?!\n)/g, '\n'));
    } catch {
      model = null;
    }
  }
  const open: string[] = [];
  const last = model?.instructions[model.instructions.length - 1];
  if (last) for (const h of last.heredocs) if (!h.terminated) open.push(h.name);
  return { model, open };
}

function shift(ins: InstructionInfo, d: number, l: number, stage: number): InstructionInfo {
  if (d === 0 && l === 0 && stage === ins.stage) return ins;
  return {
    ...ins,
    keywordStart: ins.keywordStart + d,
    keywordEnd: ins.keywordEnd + d,
    start: ins.start + d,
    end: ins.end + d,
    startLine: ins.startLine + l,
    endLine: ins.endLine + l,
    flags: ins.flags.map((f) => ({ ...f, start: f.start + d, end: f.end + d })),
    args: ins.args.map((a) => ({ value: a.value, start: a.start + d, end: a.end + d })),
    bodyStart: ins.bodyStart === null ? null : ins.bodyStart + d,
    heredocs: ins.heredocs.map((h) => ({ ...h, contentStart: h.contentStart + d, contentEnd: h.contentEnd + d })),
    stage,
    // ONBUILD's trigger instruction has offsets of its own.
    trigger: ins.trigger ? shift(ins.trigger, d, l, stage) : undefined,
  };
}

/** The line that closes a heredoc (`NAME`, or tab-indented for `<<-`), from a line on. */
function delimiterLine(lines: LineIndex, from: number, name: string): number {
  for (let k = from; k < lines.lineCount; k++) {
    const t = lines.lineText(k);
    if (t === name || (t.charCodeAt(0) === 9 && t.replace(/^\t+/, '') === name)) return k;
  }
  return -1;
}

function longestLine(text: string): number {
  let max = 0;
  for (let at = 0; at <= text.length;) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (nl - at > max) max = nl - at;
    at = nl + 1;
  }
  return max;
}
