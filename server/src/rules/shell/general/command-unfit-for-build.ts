/**
 * command-unfit-for-build — programs that make no sense in a build step: interactive ones
 * (vim, top, ssh), ones that act on a running system (service, shutdown, mount, ifconfig,
 * kill), and ones that only inspect the short-lived build container (ps, free).
 *
 * Read from the invocations: the program that runs (behind `sudo`, `env` …), never an argument
 * (`apt-get install vim`, `which ps`, `command -v kill` are fine). `kill` of what the same
 * script started in the background (`server & pid=$!; …; kill $pid`) or of a pid read at run
 * time (`kill "$(cat /run/x.pid)"`) is the one sound use and is not reported; so is a
 * `service x start` … `service x stop` pair (a database started for the setup and stopped).
 */
import { t } from '../../../l10n';
import type { Rule } from '../../types';
import { isLookup } from './_general';
import en from './command-unfit-for-build.md';
import zhCn from './command-unfit-for-build.zh-cn.md';

function reason(program: string): string {
  switch (program) {
    case 'ssh': return t('a build cannot answer its prompts and keys left in a layer leak; use RUN --mount=type=ssh for private sources');
    case 'vim': return t('nobody can type into an editor during a build; write files with COPY, a heredoc or sed');
    case 'service':
    case 'shutdown': return t('a build container runs no init system or services, and what a RUN starts stops when it ends; start services from CMD or ENTRYPOINT');
    case 'mount':
    case 'ifconfig': return t('the build container cannot change mounts or network interfaces, and the image will not keep them; use RUN --mount or docker run options');
    case 'kill': return t('nothing runs between RUN instructions that could be stopped');
    default: return t('it shows only the short-lived build container, and nothing of it stays in the image');
  }
}

export const UNFIT = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export const commandUnfitForBuild: Rule = {
  id: 'command-unfit-for-build',
  defaultSeverity: 'info',
  scope: 'instruction',
  related: { hadolint: 'DL3001' },
  description: 'A command that makes no sense in a build (ssh, vim, service, ps, kill …)',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    for (const s of ctx.shellScripts()) {
      const a = s.script.analysis;
      const invs = ctx.invocations(s.script);
      // `service mysql start && mysql < init.sql && service mysql stop`: a service run for the
      // setup and stopped again in the same RUN.
      const started = new Set<string>();
      const paired = new Set<string>();
      for (const inv of invs) {
        const name = inv.program === 'service' ? inv.args[0]?.value : null;
        if (!name) continue;
        if (inv.args[1]?.value === 'start') started.add(name);
        else if (inv.args[1]?.value === 'stop' && started.has(name)) paired.add(name);
      }
      for (const inv of invs) {
        if (inv.program === null || !UNFIT.has(inv.program) || isLookup(inv)) continue;
        if (inv.program === 'service' && inv.args[0]?.value && paired.has(inv.args[0].value)) continue;
        if (inv.program === 'kill') {
          // Stopping a job the script started itself, or a pid only known at run time.
          const dynamic = inv.wrappers.includes('xargs') || inv.args.some((w) => w.value === null || w.value.startsWith('%'));
          if (dynamic || a.backgroundJobs.length > 0) continue;
        }
        ctx.report({
          start: s.script.toDoc(inv.programStart),
          end: s.script.toDoc(inv.programEnd, true),
          message: t('{0} makes no sense in a build: {1}', inv.program, reason(inv.program)),
        });
      }
    }
  },
};
