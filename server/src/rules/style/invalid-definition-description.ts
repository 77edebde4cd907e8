/**
 * invalid-definition-description — BuildKit's experimental InvalidDefinitionDescription: a
 * comment right above `ARG name` or `FROM … AS name` is read as its description (shown by
 * `docker buildx build --call=outline/targets`) and should start with the name:
 * `# version The release to package`. Off by default, as in BuildKit: turned on by
 * `# check=experimental=InvalidDefinitionDescription` (or `all`) or the rules setting.
 */
import { t } from '../../l10n';
import type { Rule } from '../types';
import en from './invalid-definition-description.md';
import zhCn from './invalid-definition-description.zh-cn.md';

/** Our and hadolint's suppression comments and BuildKit's check directive are not descriptions. */
const PRAGMA = /^(?:(?:hadolint|dockerfile-doctor)[ \t]+(?:global[ \t]+)?ignore[ \t]*=|check[ \t]*=|syntax[ \t]*=|escape[ \t]*=)/i;

export const invalidDefinitionDescription: Rule = {
  id: 'invalid-definition-description',
  defaultSeverity: 'warning',
  enabledByDefault: false,
  buildkitExperimental: true,
  related: { buildkit: 'InvalidDefinitionDescription' },
  description: 'Comment above an ARG or a named stage does not start with its name',
  fixSummary: 'an empty line after the comment (unsafe: it is then no description)',
  docs: { en, 'zh-cn': zhCn },
  check({ model, report }) {
    const commentAt = new Map(model.comments.map((c) => [c.line, c.content]));
    for (const ins of model.instructions) {
      let names: string[];
      let what: string;
      if (ins.keyword === 'ARG') {
        names = ins.args.map((a) => a.value.split('=')[0]).filter(Boolean);
        what = 'ARG';
      } else if (ins.keyword === 'FROM' && ins.args.length >= 3 && ins.args[1].value.toLowerCase() === 'as') {
        names = [ins.args[2].value, ins.args[2].value.toLowerCase()];
        what = 'FROM';
      } else continue;
      if (names.length === 0) continue;
      const line = ins.startLine - 1;
      const comment = commentAt.get(line);
      if (comment === undefined || comment === '' || PRAGMA.test(comment)) continue;
      const first = comment.split(' ')[0];
      if (names.includes(first)) continue;
      const example = what === 'ARG' && names.length > 1 ? '<arg_key>' : names[0];
      const start = model.lines.starts[line];
      const end = model.lines.lineEnd(line);
      report({
        start,
        end,
        message: t('Comment for {0} should follow the format: `# {1} <description>` (or separate it from the instruction with an empty line)', what, example),
        // Not automatic: whether the comment was meant as the description is the author's call.
        fixes: [{ title: t('Separate the comment from the instruction with an empty line'), safety: 'unsafe', edits: [{ start: end, end, newText: model.eol }] }],
      });
    }
  },
};
