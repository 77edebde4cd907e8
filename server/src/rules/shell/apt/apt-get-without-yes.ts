/**
 * apt-get-without-yes — `apt-get install` (or upgrade, remove …) without `-y`: apt asks
 * "Do you want to continue?", reads end of input in a build and aborts. `-y`, `--yes`,
 * `--assume-yes`, quiet level 2 (`-qq`, `-q -q`, `-q=2`) and `-o APT::Get::Assume-Yes=true`
 * answer it, as does an apt.conf item written earlier in the stage or `yes |` in front.
 *
 * Fix: insert ` -y` after the subcommand (safe: it can only turn an aborted build into one
 * that completes; a build that got through without the prompt is unchanged).
 */
import { t } from '../../../l10n';
import { insertAfter } from '../../../shell/edits';
import { mayHideOptions, releaseHeld, reportOrHold, runGroups } from '../../../shell/packages';
import type { Fix, Rule } from '../../types';
import { aptCalls, aptOption, aptTrue, callRange, CHANGING_SUBCOMMANDS, configuredEarlier, recordConfigured, type AptCall } from './_apt';
import en from './apt-get-without-yes.md';
import zhCn from './apt-get-without-yes.zh-cn.md';

function quietLevel(call: AptCall): number {
  let level = 0;
  for (const o of call.args.options) {
    const raw = o.word.value ?? '';
    const eq = /^(?:-q|--quiet)=(\d+)$/.exec(raw);
    if (eq) {
      level = Math.max(level, Number(eq[1]));
      continue;
    }
    if (o.name === '-q' || o.name === '--quiet') level++;
  }
  return level;
}

function answersYes(call: AptCall): boolean {
  return call.args.has('-y', '--yes', '--assume-yes') || quietLevel(call) >= 2 || aptTrue(aptOption(call, 'APT::Get::Assume-Yes'));
}

/** `yes | apt-get install …`: a `yes` earlier in the same pipeline. */
function fedByYes(call: AptCall): boolean {
  const cmd = call.inv.command;
  if (!cmd.inPipeline) return false;
  const a = call.script.analysis;
  const pipe = a.pipelines.find((p) => p.start <= cmd.start && cmd.end <= p.end);
  return !!pipe && a.commands.some((c) => c.name === 'yes' && c.start >= pipe.start && c.end <= cmd.start);
}

export const aptGetWithoutYes: Rule = {
  id: 'apt-get-without-yes',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL3014' },
  description: 'apt-get install, upgrade or remove without -y',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'insert `-y` (safe)',
  checkFile: releaseHeld,
  check(ctx) {
    recordConfigured(ctx, 'Assume-Yes');
    for (const group of runGroups(ctx)) {
      for (const script of group.scripts) {
        for (const call of aptCalls(ctx, script)) {
          const sub = call.sub;
          if (!sub || !CHANGING_SUBCOMMANDS.has(sub.value!)) continue;
          if (answersYes(call) || fedByYes(call) || mayHideOptions(call.inv.args)) continue;
          if (configuredEarlier(ctx, group, call, 'Assume-Yes')) continue;
          const fixes: Fix[] = script.readOnly ? [] : [{ title: t('Add -y to {0} {1}', call.tool, sub.value!), edits: [insertAfter(script, sub, ' -y')], safety: 'safe' }];
          reportOrHold(ctx, group.ins, { ...callRange(call), message: t('Use {0} {1} -y: without it apt asks for confirmation and the build aborts', call.tool, sub.value!), fixes }, ['Assume-Yes']);
        }
      }
    }
  },
};

