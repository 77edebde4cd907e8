/**
 * apk-add-tzdata-without-tz — `apk add tzdata` installs the zone files, but musl uses them
 * only through `TZ` or `/etc/localtime`: without either the container still runs in UTC.
 * Satisfied by `ENV TZ=…` anywhere in the stage, or a RUN of the stage that writes
 * /etc/localtime (`ln -snf /usr/share/zoneinfo/… /etc/localtime`, `cp …`, `setup-timezone`),
 * or a COPY/ADD to /etc/localtime. Not reported in a stage whose layers never reach the final
 * image (a build stage has no use for the timezone anyway).
 *
 * Fix (suggestion): the recipe of the "Alpine: set the timezone (tzdata)" snippet: an
 * `ENV TZ=Asia/Shanghai` line before the RUN (edit the zone) and, when `apk add` is a plain
 * `&&` list member, `&& ln -snf "/usr/share/zoneinfo/$TZ" /etc/localtime && echo "$TZ" > /etc/timezone`.
 */
import { t } from '../../../l10n';
import type { InstructionInfo } from '../../../model';
import { readApk } from '../../../shell/apk';
import { layerDiscarded, recordSets, releaseHeld, reportOrHold, runGroups, setsVariable, wholeStage } from '../../../shell/packages';
import type { Command } from '../../../shell/parser';
import type { RunScript } from '../../../shell/script';
import { matchKeywordCase, type OffsetEdit } from '../../../text';
import type { Fix, Rule, RuleContext } from '../../types';
import en from './apk-add-tzdata-without-tz.md';
import zhCn from './apk-add-tzdata-without-tz.zh-cn.md';

/** The lines of the timezone recipe (snippets/dockerfile.code-snippets, "Alpine: set the timezone (tzdata)"). */
export const TZ_ENV = 'ENV TZ=Asia/Shanghai';
export const TZ_LINK = 'ln -snf "/usr/share/zoneinfo/$TZ" /etc/localtime && echo "$TZ" > /etc/timezone';

function writesLocaltime(ctx: RuleContext, ins: InstructionInfo): boolean {
  if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.args.length > 1) {
    return ins.args[ins.args.length - 1].value.replace(/\/+$/, '') === '/etc/localtime';
  }
  const run = ins.keyword === 'RUN' ? ins : ins.keyword === 'ONBUILD' && ins.trigger?.keyword === 'RUN' ? ins.trigger : undefined;
  if (!run) return false;
  return ctx.scripts(run).some((s) => ctx.invocations(s).some((inv) => inv.program === 'setup-timezone'
    || inv.args.some((w) => (w.value ?? w.raw) === '/etc/localtime')));
}

/** `apk add` in a plain `&&` list: ` && ln …` can follow it. */
function canFollow(script: RunScript, cmd: Command): boolean {
  return !script.readOnly && script.kind !== 'heredoc-command' && script.analysis.flat && !script.analysis.hasError
    && cmd.inMainShell && !cmd.inPipeline && !cmd.underListRedirect && (cmd.listNext === null || cmd.listNext.op === '&&');
}

export const apkAddTzdataWithoutTz: Rule = {
  id: 'apk-add-tzdata-without-tz',
  defaultSeverity: 'info',
  related: {},
  description: 'apk add tzdata without TZ or /etc/localtime',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'the timezone recipe: `ENV TZ=…` and `/etc/localtime` (suggestion)',
  checkFile: releaseHeld,
  check(ctx) {
    const { model } = ctx;
    // Whether each stage sets TZ or writes /etc/localtime: looked up once per stage.
    const setsZone = new Map<number, boolean>();
    for (const i of model.instructions) if (setsVariable(i, 'TZ', ['ENV']) || writesLocaltime(ctx, i)) recordSets(ctx, i, ['TZ']);
    for (const group of runGroups(ctx)) {
      if (layerDiscarded(ctx, group)) continue;
      for (const script of group.scripts) {
        for (const inv of ctx.invocations(script)) {
          const call = readApk(inv);
          if (!call || call.subcommand?.value !== 'add') continue;
          const tz = call.operands.find((w) => w.value !== null && /^tzdata(?:$|[=<>~])/.test(w.value));
          if (!tz) continue;
          let zone = setsZone.get(group.ins.stage);
          if (zone === undefined) {
            zone = wholeStage(model, group.ins).some((i) => setsVariable(i, 'TZ', ['ENV']) || writesLocaltime(ctx, i));
            setsZone.set(group.ins.stage, zone);
          }
          if (zone) continue;
          const fixes: Fix[] = [];
          if (!group.trigger && !script.readOnly) {
            const lineStart = model.text.lastIndexOf('\n', group.ins.start - 1) + 1;
            const indent = model.text.slice(lineStart, group.ins.start);
            const env = matchKeywordCase(group.ins.keywordText, 'ENV') + TZ_ENV.slice(3);
            const edits: OffsetEdit[] = [{ start: lineStart, end: lineStart, newText: `${/^[ \t]*$/.test(indent) ? indent : ''}${env}${model.eol}` }];
            if (canFollow(script, inv.command)) {
              const at = script.toDoc(inv.command.unitEnd, true);
              edits.push({ start: at, end: at, newText: ` && ${TZ_LINK}` });
            }
            fixes.push({ title: t('Set the timezone: ENV TZ and /etc/localtime (edit the zone)'), edits, safety: 'suggestion' });
          }
          reportOrHold(ctx, group.ins, {
            start: script.toDoc(tz.start),
            end: script.toDoc(tz.end, true),
            message: t('tzdata is installed but this stage sets no timezone (ENV TZ or /etc/localtime): the container runs in UTC unless TZ is given at run time'),
            fixes,
          }, ['TZ']);
        }
      }
    }
  },
};
