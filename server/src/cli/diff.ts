/**
 * A unified diff of two texts by lines (`--diff`): common prefix and suffix trimmed, Myers'
 * O((N+M)·D) on the rest, and past a few thousand differences the middle becomes one change
 * (still a correct patch, only less minimal).
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

const MAX_D = 2000;

/** The edit script between a and b, or undefined when it has more than MAX_D changes. */
function myers(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_D);
  const off = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[off + k] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(trace, a, b, off);
      }
    }
    v = next;
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], off: number): Op[] {
  // trace[d] is the furthest x on each diagonal after d - 1 edits (trace[0]: none yet).
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 2; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[off + prevK];
    const prevY = prevX - prevK;
    // The edit moved from (prevX, prevY) to (midX, midY); a run of equal lines led on to (x, y).
    const midX = down ? prevX : prevX + 1;
    while (x > midX) {
      ops.push({ kind: ' ', line: a[x - 1] });
      x--;
      y--;
    }
    ops.push(down ? { kind: '+', line: b[prevY] } : { kind: '-', line: a[prevX] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[x - 1] });
    x--;
    y--;
  }
  return ops.reverse();
}

function ops(a: string[], b: string[]): Op[] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  const mid = myers(midA, midB) ?? [...midA.map((line) => ({ kind: '-' as const, line })), ...midB.map((line) => ({ kind: '+' as const, line }))];
  return [...a.slice(0, p).map((line) => ({ kind: ' ' as const, line })), ...mid, ...a.slice(a.length - s).map((line) => ({ kind: ' ' as const, line }))];
}

/** `--- a/file` / `+++ b/file` and hunks with 3 lines of context; '' when the texts are equal. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const list = ops(a, b);
  let out = `--- a/${file}\n+++ b/${file}\n`;
  let i = 0;
  // Line numbers (1-based) of list[i] in a and b.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const op of list) {
    posA.push(la);
    posB.push(lb);
    if (op.kind !== '+') la++;
    if (op.kind !== '-') lb++;
  }
  while (i < list.length) {
    while (i < list.length && list[i].kind === ' ') i++;
    if (i >= list.length) break;
    let start = Math.max(0, i - context);
    let end = i;
    // Extend over changes closer than 2 * context lines apart.
    for (;;) {
      while (end < list.length && list[end].kind !== ' ') end++;
      let gap = end;
      while (gap < list.length && list[gap].kind === ' ' && gap - end < 2 * context) gap++;
      if (gap < list.length && list[gap].kind !== ' ') end = gap;
      else break;
    }
    const stop = Math.min(list.length, end + context);
    const hunk = list.slice(start, stop);
    const countA = hunk.filter((o) => o.kind !== '+').length;
    const countB = hunk.filter((o) => o.kind !== '-').length;
    const startA = countA === 0 ? posA[start] - 1 : posA[start];
    const startB = countB === 0 ? posB[start] - 1 : posB[start];
    out += `@@ -${startA},${countA} +${startB},${countB} @@\n`;
    for (const o of hunk) {
      out += `${o.kind}${o.line}`;
      if (!o.line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
    i = stop;
    start = stop;
  }
  return out;
}
