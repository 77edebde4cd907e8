/**
 * Helpers the general shell rules share.
 */
import type { InstructionInfo } from '../../../model';
import type { Invocation } from '../../../shell/facts';
import type { Word } from '../../../shell/parser';
import type { RuleContext } from '../../types';

/** `command -v curl`, `command -V curl`: a lookup, not a run of the program. */
export function isLookup(inv: Invocation): boolean {
  if (inv.wrappers[0] !== 'command') return false;
  return inv.command.args.some((w) => w.start < inv.programStart && /^-[a-zA-Z]*[vV]/.test(w.value ?? ''));
}

/** Base images whose /bin/sh and wget are busybox's (Alpine, busybox). */
const BUSYBOX_IMAGE = /(?:^|[/:@-])(?:alpine|busybox)(?:$|[/:@.-])/i;

/** The base image of the stage an instruction is in (through `FROM <stage>`), lower case. */
export function baseImageOf(ctx: RuleContext, ins: InstructionInfo): string {
  return ctx.stageOf(ins)?.inherited.image ?? '';
}

export function isBusyboxImage(image: string): boolean {
  return BUSYBOX_IMAGE.test(image);
}

/** The word naming a wrapper (`sudo`) in front of the program, if any. */
export function wrapperWord(inv: Invocation, name: string): { start: number; end: number } | null {
  const cmd = inv.command;
  if (cmd.name !== null && (cmd.name === name || cmd.name.endsWith(`/${name}`))) return { start: cmd.nameStart, end: cmd.nameEnd };
  const w: Word | undefined = cmd.args.find((a) => a.start < inv.programStart && a.value !== null && (a.value === name || a.value.endsWith(`/${name}`)));
  return w ? { start: w.start, end: w.end } : null;
}
