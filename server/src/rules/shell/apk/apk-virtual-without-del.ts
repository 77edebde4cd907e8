/**
 * apk-virtual-without-del — `apk add --virtual .build-deps gcc make …` groups build
 * dependencies under one name so one `apk del .build-deps` removes them; when the same RUN
 * never runs it, they stay in the layer (a later RUN's `apk del` cannot shrink the image).
 *
 * A virtual package named for run-time dependencies (`.run-deps`, `.python-rundeps`,
 * `.runtime-deps`) is kept on purpose and not reported; neither is a RUN whose `apk del` takes
 * an expansion (`apk del $BUILD_DEPS`), a stage whose layers never reach the final image, nor
 * a name from an expansion. No fix: where the build dependencies stop being needed is for the
 * author to say.
 */
import { t } from '../../../l10n';
import { layerDiscarded, runGroups } from '../../../shell/packages';
import type { Rule } from '../../types';
import { groupApk } from './_apk';
import en from './apk-virtual-without-del.md';
import zhCn from './apk-virtual-without-del.zh-cn.md';

const RUNTIME = /run-?(?:time)?[-_.]?deps?|runtime/i;

export const apkVirtualWithoutDel: Rule = {
  id: 'apk-virtual-without-del',
  defaultSeverity: 'info',
  scope: 'instruction',
  related: {},
  description: 'apk add --virtual without apk del in the same RUN',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const group of runGroups(ctx)) {
      if (layerDiscarded(ctx, group)) continue;
      const entries = groupApk(ctx, group);
      const dels = entries.filter((e) => e.call.subcommand?.value === 'del');
      if (dels.some((e) => e.call.operands.some((w) => w.value === null))) continue;
      for (const { script, si, call } of entries) {
        if (call.subcommand?.value !== 'add') continue;
        const opt = call.args.options.find((o) => o.name === '--virtual' || o.name === '-t');
        const name = opt?.value;
        if (!opt || !name || RUNTIME.test(name)) continue;
        const removed = dels.some((d) => (d.si > si || (d.si === si && d.call.command.start > call.command.start))
          && d.call.operands.some((w) => w.value === name));
        if (removed) continue;
        // The option word, and its value when it is the next word.
        const at = call.inv.args.indexOf(opt.word);
        const valueWord = opt.word.value!.includes('=') ? opt.word : call.inv.args[at + 1] ?? opt.word;
        ctx.report({
          start: script.toDoc(opt.word.start),
          end: script.toDoc(valueWord.end, true),
          message: t('The virtual package {0} is never removed in this RUN: add && apk del {0} once the build dependencies are no longer needed', name),
        });
      }
    }
  },
};
