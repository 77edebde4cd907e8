/**
 * wget-and-curl — a stage that runs both wget and curl: two tools (and two sets of
 * certificates, proxies and retry options) for one job. Reported on the calls of the tool
 * the stage uses less (wget on a tie), so the message says which to replace.
 *
 * The whole stage is inside one chunk: the rule reads the shell scripts of the chunk's RUNs
 * with the same `ins.stage`. `ONBUILD RUN` triggers run in another build and do not count;
 * nor do lookups (`command -v curl`) or package names (`apk add curl`).
 */
import { t } from '../../../l10n';
import type { Invocation } from '../../../shell/facts';
import type { RunScript } from '../../../shell/script';
import type { Rule } from '../../types';
import { isLookup } from './_general';
import en from './wget-and-curl.md';
import zhCn from './wget-and-curl.zh-cn.md';

export const wgetAndCurl: Rule = {
  id: 'wget-and-curl',
  defaultSeverity: 'warning',
  related: { hadolint: 'DL4001' },
  description: 'Both wget and curl are used in one stage',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const triggers = new Set(ctx.model.instructions.map((i) => i.trigger).filter((x) => x !== undefined));
    const byStage = new Map<number, { wget: { s: RunScript; inv: Invocation }[]; curl: { s: RunScript; inv: Invocation }[] }>();
    for (const s of ctx.shellScripts()) {
      if (triggers.has(s.ins)) continue;
      for (const inv of ctx.invocations(s.script)) {
        if ((inv.program !== 'wget' && inv.program !== 'curl') || isLookup(inv)) continue;
        let st = byStage.get(s.ins.stage);
        if (!st) byStage.set(s.ins.stage, (st = { wget: [], curl: [] }));
        st[inv.program].push({ s: s.script, inv });
      }
    }
    for (const st of byStage.values()) {
      if (st.wget.length === 0 || st.curl.length === 0) continue;
      const [flag, keep] = st.wget.length <= st.curl.length ? ['wget', 'curl'] : ['curl', 'wget'];
      for (const { s, inv } of st[flag as 'wget' | 'curl']) {
        ctx.report({
          start: s.toDoc(inv.programStart),
          end: s.toDoc(inv.programEnd, true),
          message: t('This stage uses both wget and curl: use {0} here too, one tool is enough', keep),
        });
      }
    }
  },
};
