/**
 * cmd-shell-form — `CMD npm start` / `ENTRYPOINT ./run.sh`: in shell form the process runs under
 * `/bin/sh -c`, which does not pass on SIGTERM, so `docker stop` waits and then kills it.
 * Not reported when the stage chose its shell with SHELL (BuildKit's exemption).
 *
 * The command line is read with the shell parser (the text `/bin/sh -c` receives: continuations
 * joined). Fixes, both unsafe and never preferred:
 * - one simple command whose words have fixed values (quotes allowed: `nginx -g 'daemon off;'`)
 *   → the JSON array of those values (`CMD exec x` drops the `exec`);
 * - anything that needs the shell (pipes, lists, redirects, `$VAR`, globs, assignments,
 *   builtins) → `["/bin/sh", "-c", "…"]`, with `exec ` in front of a single command so that stop
 *   signals reach the program; the title says what needs the shell.
 * No fix on Windows base images (their shell is cmd), with comment lines inside the instruction
 * (they would be lost), or when the parser cannot read the command.
 */
import { t } from '../../l10n';
import { joinLogical } from '../../model';
import { patternWord } from '../../shell/facts';
import { analyzeScript, shellParserReady, type ScriptAnalysis } from '../../shell/parser';
import { WINDOWS_IMAGE } from '../../shell/shells';
import type { Fix, Rule } from '../types';
import en from './cmd-shell-form.md';
import zhCn from './cmd-shell-form.zh-cn.md';

/** Shell builtins and keywords: as the first exec-form word they would not be found. */
const BUILTINS = new Set([
  '.', ':', 'alias', 'bg', 'break', 'cd', 'command', 'continue', 'eval', 'exec', 'exit', 'export', 'fg', 'getopts', 'hash',
  'jobs', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'times', 'trap', 'type', 'ulimit', 'umask', 'unalias',
  'unset', 'wait', 'if', 'for', 'while', 'until', 'case', 'function', 'select', 'local', 'declare', 'typeset', 'let',
  'time', '!', '[[', '{', 'true', 'false', 'printf', 'echo', 'test', '[', 'pwd', 'kill',
]);

type Reading = { kind: 'words'; words: string[] } | { kind: 'shell'; reason: string; single: boolean };

/** What the command line is: fixed words, or something that needs the shell (and why). */
function readCommand(script: string, a: ScriptAnalysis): Reading | null {
  if (a.skipped || a.hasError || a.commands.length === 0) return null;
  const lead = script.length - script.trimStart().length;
  const end = script.trimEnd().length;
  const c = a.commands[0];
  const covers = a.commands.length === 1 && c.inMainShell && a.singleStatement && a.pipelines.length === 0 && a.backgroundJobs.length === 0;
  // `exec ` can go in front of one command that starts the line and sets no variables.
  const single = covers && c.start === lead && c.env.length === 0 && c.name !== null && !BUILTINS.has(c.name);
  const shell = (reason: string): Reading => ({ kind: 'shell', reason, single });
  if (a.pipelines.length > 0) return shell(t('the pipe'));
  if (!covers) return shell(t('the command list'));
  if (a.expansions.length > 0 || c.name === null || c.args.some((w) => w.value === null)) return shell(t('the expansion'));
  if (c.unitStart !== c.start || c.unitEnd !== c.end || c.underListRedirect) return shell(t('the redirect'));
  if (c.start !== lead || c.unitEnd !== end) return shell(t('the shell syntax'));
  if (c.env.length > 0) return shell(t('the variable assignment'));
  const nameRaw = script.slice(c.nameStart, c.nameEnd);
  if (patternWord(nameRaw) || c.args.some((w) => patternWord(w.raw))) return shell(t('the glob pattern'));
  if (c.name === 'exec') {
    const rest = c.args.map((w) => w.value!);
    if (rest.length > 0 && !rest[0].startsWith('-') && !BUILTINS.has(rest[0]) && !rest[0].includes('=')) return { kind: 'words', words: rest };
    return shell(t('the shell builtin {0}', c.name));
  }
  if (BUILTINS.has(c.name) || c.name.includes('=')) return shell(t('the shell builtin {0}', c.name));
  return { kind: 'words', words: [c.name, ...c.args.map((w) => w.value!)] };
}

function shortened(s: string): string {
  return s.length <= 60 ? s : `${s.slice(0, 57)}…`;
}

export const cmdShellForm: Rule = {
  id: 'cmd-shell-form',
  defaultSeverity: 'warning',
  scope: 'instruction',
  related: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' },
  description: 'CMD or ENTRYPOINT in shell form',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'JSON form for fixed words; `["/bin/sh", "-c", …]` where the shell is needed (unsafe)',
  check(ctx) {
    const { model, report } = ctx;
    for (const ins of model.instructions) {
      if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
      // Malformed JSON (`CMD ['a']`) is invalid-json-form's finding.
      if (ins.json !== undefined || ins.bodyStart === null || ins.args.length === 0) continue;
      // A SHELL in the stage (or inherited from the stage it starts from): the shell is wanted.
      if (ctx.shellOf(ins) !== null) continue;
      const fixes: Fix[] = [];
      const windows = WINDOWS_IMAGE.test(ctx.stageOf(ins)?.inherited.image ?? '');
      // Comment lines inside the continuation would be lost by the rewrite.
      const source = model.text.slice(ins.bodyStart, ins.end);
      const comments = source.split(/\r\n|\n|\r/).slice(1).some((l) => l.trimStart().startsWith('#'));
      if (!windows && !comments && ins.heredocs.length === 0 && shellParserReady()) {
        const script = joinLogical(model.text, ins.bodyStart, ins.end, model.escape).text;
        const reading = /[\r\n]/.test(script) ? null : readCommand(script, analyzeScript(script));
        const edit = (json: string) => [{ start: ins.bodyStart!, end: ins.end, newText: json }];
        if (reading?.kind === 'words') {
          const json = `[${reading.words.map((w) => JSON.stringify(w)).join(', ')}]`;
          fixes.push({ title: t('Write as {0} (the process no longer runs under a shell)', shortened(json)), edits: edit(json), safety: 'unsafe' });
        } else if (reading?.kind === 'shell') {
          const body = script.trim();
          const json = `["/bin/sh", "-c", ${JSON.stringify(reading.single ? `exec ${body}` : body)}]`;
          fixes.push({
            title: reading.single
              ? t('Write as {0}: {1} needs the shell; exec makes the program receive stop signals', shortened(json), reading.reason)
              : t('Write as {0}: {1} needs the shell, which still receives the stop signals', shortened(json), reading.reason),
            edits: edit(json),
            safety: 'unsafe',
          });
        }
      }
      report({
        start: ins.bodyStart,
        end: ins.end,
        message: t('Use the JSON form for {0}: in shell form it runs under /bin/sh -c, which does not pass on stop signals', ins.keyword),
        fixes,
      });
    }
  },
};
