/**
 * The checks the yum / dnf / zypper rules share; each rule file names its family.
 * They read only the shell facts (`ctx.shellScripts()`, `ctx.invocations()`) through
 * `shell/rpm.ts`.
 */
import { t } from '../../../l10n';
import type { InstructionInfo } from '../../../model';
import { insertAfter } from '../../../shell/edits';
import { hasCacheOrTmpfsMount } from '../../../shell/mounts';
import {
  asksConfirmation, CACHE_DIRS, callRange, command, downloads, hasDynamicOptions, isCacheClean, isLocalOrDynamic,
  isNonInteractive, readRpm, removesCache, rpmCalls, subcommand, type RpmCall, type RpmFamily,
} from '../../../shell/rpm';
import type { RunScript } from '../../../shell/script';
import type { Fix, RuleContext, ShellScript } from '../../types';

/** The ONBUILD triggers of the chunk: they run in the child image, not in this stage. */
export function triggersOf(ctx: RuleContext): Set<InstructionInfo> {
  const out = new Set<InstructionInfo>();
  for (const ins of ctx.model.instructions) if (ins.trigger) out.add(ins.trigger);
  return out;
}

function callsOf(ctx: RuleContext, s: ShellScript, family: RpmFamily): RpmCall[] {
  return rpmCalls(ctx.invocations(s.script)).filter((c) => c.family === family);
}

/** DL3030 / DL3038 / DL3034: a command that prompts, without `-y` / `-n`. */
export function checkNonInteractive(ctx: RuleContext, family: RpmFamily): void {
  for (const s of ctx.shellScripts()) {
    for (const call of callsOf(ctx, s, family)) {
      if (!asksConfirmation(call) || isNonInteractive(call) || hasDynamicOptions(call)) continue;
      const { start, end } = callRange(s.script, call);
      const fixes: Fix[] = [];
      const words = `${call.program} ${subcommand(call)}`;
      if (family === 'zypper') {
        if (!s.script.readOnly) {
          const at = s.script.toDoc(call.inv.programEnd, true);
          fixes.push({ title: t('Add -n (--non-interactive) to zypper'), edits: [{ start: at, end: at, newText: ' -n' }], safety: 'safe' });
        }
        ctx.report({ start, end, message: t('{0} without -n (--non-interactive): a build cannot answer its prompts', words), fixes });
        continue;
      }
      if (!s.script.readOnly) {
        fixes.push({ title: t('Add -y to {0}', words), edits: [insertAfter(s.script, call.sub2 ?? call.sub!, ' -y')], safety: 'safe' });
      }
      ctx.report({ start, end, message: t('{0} without -y: a build cannot answer its confirmation prompt', words), fixes });
    }
  }
}

const CLEAN_COMMAND: Readonly<Record<RpmFamily, string>> = { yum: 'clean all', dnf: 'clean all', zypper: 'clean --all' };

/**
 * DL3032 / DL3040 / DL3036: an install or update whose cache is not cleaned in the same RUN
 * (after it, when in the same script), not covered by a cache/tmpfs mount, in a stage whose
 * layers reach the final image (ONBUILD triggers always count).
 */
export function checkCacheClean(ctx: RuleContext, family: RpmFamily): void {
  // Only RUNs with an install or update of this family are looked at further.
  const byRun = new Map<InstructionInfo, ShellScript[]>();
  const downloading = new Set<InstructionInfo>();
  for (const s of ctx.shellScripts()) {
    const list = byRun.get(s.ins);
    if (list) list.push(s);
    else byRun.set(s.ins, [s]);
    if (!downloading.has(s.ins) && callsOf(ctx, s, family).some(downloads)) downloading.add(s.ins);
  }
  if (downloading.size === 0) return;
  const triggers = triggersOf(ctx);
  // yum and dnf share their caches on RHEL 8+ (yum is dnf there): either's clean-up counts.
  const cleaners: RpmFamily[] = family === 'zypper' ? ['zypper'] : ['yum', 'dnf'];
  const dirs = family === 'zypper' ? CACHE_DIRS.zypper : [...new Set([...CACHE_DIRS.yum, ...CACHE_DIRS.dnf])];
  for (const ins of downloading) {
    const scripts = byRun.get(ins)!;
    if (!triggers.has(ins) && ctx.stageOf(ins)?.reachesFinal === false) continue;
    if (hasCacheOrTmpfsMount(ins, ...CACHE_DIRS[family])) continue;
    // Where each script cleans each cache last (an offset in that script), -1 when it does not.
    const lastClean = scripts.map((s) => {
      const last = { microdnf: -1, dnf: -1 };
      for (const inv of ctx.invocations(s.script)) {
        const call = readRpm(inv);
        if (call) {
          if (cleaners.includes(call.family) && isCacheClean(call)) last[cacheOwner(call)] = Math.max(last[cacheOwner(call)], inv.command.start);
        } else if (removesCache(inv, dirs)) {
          last.microdnf = Math.max(last.microdnf, inv.command.start);
          last.dnf = Math.max(last.dnf, inv.command.start);
        }
      }
      return last;
    });
    for (let i = 0; i < scripts.length; i++) {
      const s = scripts[i];
      const cleaned = (c: RpmCall) => lastClean.some((at, k) => (k === i ? at[cacheOwner(c)] > c.inv.command.start : at[cacheOwner(c)] >= 0));
      const call = callsOf(ctx, s, family).find((c) => downloads(c) && !cleaned(c));
      if (!call) continue;
      const { start, end } = callRange(s.script, call);
      const clean = `${call.program} ${CLEAN_COMMAND[family]}`;
      ctx.report({
        start,
        end,
        message: t('{0} leaves its package cache in the layer: run {1} in the same RUN (or mount a cache on {2})', `${call.program} ${subcommand(call)}`, clean, CACHE_DIRS[family][0]),
        fixes: appendFix(s.script, ctx.model.text, clean),
      });
      break;
    }
  }
}

/**
 * Whose cache a call uses: microdnf keeps its own (`/var/cache/yum` on RHEL 8/9), which
 * `dnf clean all` does not remove, and `microdnf clean all` leaves dnf's `/var/cache/dnf`.
 * yum is dnf on RHEL 8+ and shares its cache.
 */
function cacheOwner(call: RpmCall): 'microdnf' | 'dnf' {
  return call.program === 'microdnf' ? 'microdnf' : 'dnf';
}

/** Appends `&& <clean>` to a flat `a && b` script (unsafe: the layer's content changes). */
function appendFix(script: RunScript, docText: string, clean: string): Fix[] {
  if (script.readOnly || script.kind !== 'shell' || !script.analysis.flat || script.analysis.hasError) return [];
  const body = script.text.replace(/\s+$/, '');
  if (body === '' || script.analysis.comments.length > 0) return [];
  const at = script.toDoc(body.length, true);
  if (docText.slice(at - 1, at) === '\\') return [];
  return [{ title: t('Add && {0} at the end of the RUN', clean), edits: [{ start: at, end: at, newText: ` && ${clean}` }], safety: 'unsafe' }];
}

/** A yum/dnf package word that names a version: `pkg-1.2`, `pkg-1.2-3.el9`, `pkg >= 1.2`. */
function yumPinned(v: string): boolean {
  return /-\d/.test(v) || /[<>=]/.test(v);
}

/** DL3033 / DL3041 / DL3037: packages installed without a version. */
export function checkPins(ctx: RuleContext, family: RpmFamily): void {
  for (const s of ctx.shellScripts()) {
    for (const call of callsOf(ctx, s, family)) {
      const sub = command(call);
      if (family === 'zypper') {
        if (sub !== 'install' && sub !== 'in') continue;
        const type = call.parsed.valueOf('-t', '--type');
        if (type !== undefined && type !== 'package') continue;
        for (const w of call.operands) {
          if (isLocalOrDynamic(w) || /[<>=]/.test(w.value!)) continue;
          ctx.report({ start: s.script.toDoc(w.start), end: s.script.toDoc(w.end, true), message: t('Pin the version: zypper install {0}=<version>', w.value!) });
        }
        continue;
      }
      if (sub === 'module install') {
        for (const w of call.operands) {
          if (isLocalOrDynamic(w) || w.value!.includes(':')) continue;
          ctx.report({ start: s.script.toDoc(w.start), end: s.script.toDoc(w.end, true), message: t('Pin the module stream: {0} module install {1}:<stream>', call.program, w.value!) });
        }
        continue;
      }
      if (sub !== 'install') continue;
      for (const w of call.operands) {
        if (isLocalOrDynamic(w) || yumPinned(w.value!)) continue;
        ctx.report({ start: s.script.toDoc(w.start), end: s.script.toDoc(w.end, true), message: t('Pin the version: {0} install {1}-<version>', call.program, w.value!) });
      }
    }
  }
}
