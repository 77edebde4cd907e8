/**
 * Edits on RUN scripts expressed in Dockerfile offsets.
 */
import type { OffsetEdit } from '../text';
import type { Command, Word } from './parser';
import type { RunScript } from './script';

/** Inserts text right after a word (e.g. ` --no-cache` after `add`). */
export function insertAfter(script: RunScript, word: Word, text: string): OffsetEdit {
  const at = script.toDoc(word.end, true);
  return { start: at, end: at, newText: text };
}

/** A removed range must not swallow a Dockerfile comment line or a heredoc. */
function safeRemoval(docText: string, edit: OffsetEdit): OffsetEdit | null {
  const removed = docText.slice(edit.start, edit.end);
  if (/(?:^|[\r\n])[ \t]*#/.test(removed) || removed.includes('<<')) return null;
  return edit;
}

/**
 * Removes a command and the `&&` that joins it to its list (`a && b && c` → `a && c`).
 * Null when the command is not in an `&&` list (removing it could change control flow).
 */
export function removeCommand(docText: string, script: RunScript, cmd: Command): OffsetEdit | null {
  // `a && rm x 2>/dev/null` redirects the whole list: removing `rm x` would leave it on `a`.
  if (script.kind === 'heredoc-command' || !cmd.inMainShell || cmd.underListRedirect) return null;
  if (cmd.listNext && cmd.listNext.op === '&&') {
    return safeRemoval(docText, { start: script.toDoc(cmd.unitStart), end: script.toDoc(cmd.listNext.start), newText: '' });
  }
  if (cmd.listPrev && cmd.listPrev.op === '&&') {
    return safeRemoval(docText, { start: script.toDoc(cmd.listPrev.end, true), end: script.toDoc(cmd.unitEnd, true), newText: '' });
  }
  return null;
}

/** Removes one argument word together with the blank before it. */
export function removeWord(docText: string, script: RunScript, cmd: Command, word: Word): OffsetEdit | null {
  const i = cmd.args.indexOf(word);
  const prevEnd = i > 0 ? cmd.args[i - 1].end : cmd.start + (cmd.name?.length ?? 0);
  if (i <= 0 && !cmd.name) return null;
  return safeRemoval(docText, { start: script.toDoc(prevEnd, true), end: script.toDoc(word.end, true), newText: '' });
}

/** True when no two edits overlap (touching is fine). */
export function disjoint(edits: readonly OffsetEdit[]): boolean {
  const s = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < s.length; i++) if (s[i].start < s[i - 1].end) return false;
  return true;
}
