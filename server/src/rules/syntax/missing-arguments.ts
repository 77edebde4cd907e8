/**
 * missing-arguments — an instruction without the arguments BuildKit requires: `FROM`,
 * `COPY x` / `ADD x` (a source and a destination), `COPY <<EOF` without destination,
 * `FROM image AS` without a name, `SHELL []`, `EXPOSE`, `ENV`, `LABEL`, `ARG`, `USER` …
 * alone. `RUN`, `CMD` and `ENTRYPOINT` may be empty (BuildKit builds them), as may
 * `CMD []` / `ENTRYPOINT []` (they reset the value).
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import { headArgs, plainArgs } from './_words';
import en from './missing-arguments.md';
import zhCn from './missing-arguments.zh-cn.md';

/** The fewest arguments each instruction takes (flags not counted). */
const MIN_ARGS: Record<string, number> = {
  ADD: 2, ARG: 1, COPY: 2, ENV: 1, EXPOSE: 1, FROM: 1, HEALTHCHECK: 1, LABEL: 1,
  MAINTAINER: 1, ONBUILD: 1, SHELL: 1, STOPSIGNAL: 1, USER: 1, VOLUME: 1, WORKDIR: 1,
};

export const missingArguments: Rule = {
  id: 'missing-arguments',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Instruction without its arguments',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      const min = MIN_ARGS[ins.keyword];
      if (min === undefined) continue;
      const args = plainArgs(ins);
      let count: number;
      if (Array.isArray(ins.json)) count = ins.json.length;
      else if (ins.json === null) continue; // reported by invalid-json-form
      else count = args.length;
      const end = Math.max(ins.keywordEnd, args.length ? args[args.length - 1].end : ins.keywordEnd);
      if (ins.keyword === 'FROM' && args.length === 2 && args[1].value.toLowerCase() === 'as') {
        report({ start: args[1].start, end: args[1].end, message: t('FROM … AS needs a stage name after AS') });
        continue;
      }
      if (ins.keyword === 'VOLUME' && count >= 1) {
        // BuildKit: "VOLUME specified can not be an empty string".
        const empty = Array.isArray(ins.json) ? ins.json.some((v) => v.trim() === '') : args.some((a) => a.value === '""' || a.value === "''");
        if (empty) report({ start: ins.keywordStart, end, message: t('VOLUME cannot take an empty path') });
        continue;
      }
      if (count >= min) continue;
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && count === 1 && ins.heredocs.length > 0 && headArgs(ins).length > 0) {
        report({ start: ins.keywordStart, end, message: t('{0} needs a destination after the heredoc: {0} <<EOF /path', ins.keyword) });
        continue;
      }
      report({
        start: ins.keywordStart,
        end,
        message: count === 0
          ? t('{0} needs arguments', ins.keyword)
          : t('{0} needs at least {1} arguments', ins.keyword, min),
      });
    }
  },
};
