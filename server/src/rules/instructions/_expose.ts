/** The ports of an EXPOSE instruction, read once for the four EXPOSE rules. */
import type { InstructionInfo } from '../../model';
import { word, type Word } from './_words';

export interface ExposedPort {
  word: Word;
  /** Contains an expansion: nothing is known about it. */
  dynamic: boolean;
  /** `ip:host:container` or `host:container`: a `-p` mapping written in EXPOSE. */
  mapping: boolean;
  /** The port or range part (before `/`), with its offset in the word. */
  ports: string;
  /** The numbers of `80` or `8000-8010` (null when not digits). */
  first: number | null;
  last: number | null;
  /** The protocol as written (after `/`), null when none; its offset in the written word. */
  proto: string | null;
  protoStart: number;
}

const DIGITS = /^[0-9]{1,10}$/;

export function exposedPorts(ins: InstructionInfo, escape: string): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const a of ins.args) {
    const w = word(a, escape);
    const dynamic = w.raw.includes('$');
    // A `:` outside `${…}` (where it is a modifier, `${PORT:-80}`).
    const mapping = (dynamic ? w.value.replace(/\$\{[^}]*\}/g, '') : w.value).includes(':');
    const slash = w.value.indexOf('/');
    const ports = slash < 0 ? w.value : w.value.slice(0, slash);
    const proto = slash < 0 ? null : w.value.slice(slash + 1);
    // Offsets inside the raw word: equal to the value's when the word has no quotes.
    const rawSlash = w.raw.indexOf('/');
    let first: number | null = null;
    let last: number | null = null;
    const dash = ports.indexOf('-');
    const a1 = dash < 0 ? ports : ports.slice(0, dash);
    const a2 = dash < 0 ? ports : ports.slice(dash + 1);
    if (DIGITS.test(a1) && DIGITS.test(a2)) {
      first = Number(a1);
      last = Number(a2);
    }
    out.push({ word: w, dynamic, mapping, ports, first, last, proto, protoStart: rawSlash < 0 ? -1 : rawSlash + 1 });
  }
  return out;
}

export const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
