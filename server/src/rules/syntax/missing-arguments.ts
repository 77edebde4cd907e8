/**
 * missing-arguments — an instruction without arguments (`FROM`, `RUN`, `COPY x` …).
 * BuildKit fails to parse the file.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './missing-arguments.md';
import zhCn from './missing-arguments.zh-cn.md';

/** The fewest arguments each instruction takes (flags not counted). */
const MIN_ARGS: Record<string, number> = {
  ADD: 2, ARG: 1, CMD: 1, COPY: 2, ENTRYPOINT: 1, ENV: 1, EXPOSE: 1, FROM: 1, HEALTHCHECK: 1, LABEL: 1,
  MAINTAINER: 1, ONBUILD: 1, RUN: 1, SHELL: 1, STOPSIGNAL: 1, USER: 1, VOLUME: 1, WORKDIR: 1,
};

export const missingArguments: Rule = {
  id: 'missing-arguments',
  defaultSeverity: 'error',
  related: {},
  description: 'Instruction without its arguments',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    for (const ins of model.instructions) {
      const min = MIN_ARGS[ins.keyword];
      if (min === undefined) continue;
      let count: number;
      if (Array.isArray(ins.json)) count = ins.json.length;
      else if (ins.json === null) continue; // reported by invalid-json-form
      else if (ins.heredocs.length > 0) count = Math.max(ins.args.length, min);
      else count = ins.args.length;
      // `CMD []` and `ENTRYPOINT []` are valid (they reset the value).
      if (Array.isArray(ins.json) && (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT')) continue;
      if (count >= min) continue;
      report({
        start: ins.keywordStart,
        end: Math.max(ins.keywordEnd, ins.args.length ? ins.args[ins.args.length - 1].end : ins.keywordEnd),
        message: count === 0
          ? t('{0} needs arguments', ins.keyword)
          : t('{0} needs at least {1} arguments', ins.keyword, min),
      });
    }
  },
};
