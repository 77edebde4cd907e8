/**
 * archive-copied-then-extracted — `COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz`:
 * ADD unpacks a local tar archive itself, and the archive does not stay in a layer.
 * Reads the RUNs through the shared shell facts (`ctx.shellScripts()` / `ctx.invocations()`).
 */
import { t } from '../../l10n';
import { parseArgs } from '../../shell/facts';
import type { Rule } from '../types';
import { copyParts, isHeredocSource } from './_words';
import en from './archive-copied-then-extracted.md';
import zhCn from './archive-copied-then-extracted.zh-cn.md';

/** Names of tar archives ADD unpacks: plain, gzip, bzip2, xz or zstd (not lzip, lzma or compress). */
const TAR = /\.(?:tar|tgz|tbz|tbz2|tb2|txz|tzst|tar\.(?:gz|bz2|xz|zst|zstd))$/i;
/** tar options that take a value (short and long). */
const TAR_VALUES = new Set(['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '-b', '--blocking-factor', '-H', '--format', '-I', '--use-compress-program', '--owner', '--group', '--mode', '-N', '--newer', '--after-date', '-g', '--listed-incremental', '-K', '--starting-file', '-V', '--label', '--exclude', '--transform', '--xform', '--strip-components', '--wildcards-match-slash']);
/** Options that make the extraction something ADD cannot do (a subset, renamed or filtered paths, to stdout). */
const NOT_LIKE_ADD = /^(?:--strip-components|--exclude|--exclude-from|-X|--transform|--xform|-T|--files-from|-O|--to-stdout|--to-command|--wildcards|-K|--starting-file|-N|--newer|--after-date|--occurrence|-k|--keep-old-files|--skip-old-files|--keep-newer-files)$/;

function baseName(p: string): string {
  const s = p.replace(/[\\/]+$/, '');
  return s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
}

export const archiveCopiedThenExtracted: Rule = {
  id: 'archive-copied-then-extracted',
  defaultSeverity: 'info',
  related: { hadolint: 'DL3010' },
  description: 'tar archive copied with COPY and then extracted in a RUN',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { model } = ctx;
    // The archives each stage copies in: base name → the COPY word.
    const copied: { stage: number; name: string; start: number; end: number; after: number }[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== 'COPY' || ins.flags.some((f) => f.name === 'from')) continue;
      const parts = copyParts(ins, model);
      if (!parts || !parts.dest) continue;
      const at = (w: { start: number; end: number }) => (parts.json ? { start: ins.keywordStart, end: ins.keywordEnd } : w);
      const destName = baseName(parts.dest.value);
      if (!parts.dest.value.endsWith('/') && TAR.test(destName) && !parts.dest.raw.includes('$')) {
        copied.push({ stage: ins.stage, name: destName, ...at(parts.dest), after: ins.end });
        continue;
      }
      for (const s of parts.sources) {
        if (isHeredocSource(s) || s.raw.includes('$') || /[*?[]/.test(s.value)) continue;
        const name = baseName(s.value);
        if (TAR.test(name)) copied.push({ stage: ins.stage, name, ...at(s), after: ins.end });
      }
    }
    if (copied.length === 0) return;
    const reported = new Set<number>();
    for (const { ins, script } of ctx.shellScripts()) {
      for (const inv of ctx.invocations(script)) {
        if (inv.program !== 'tar') continue;
        let words = inv.args;
        let extract = false;
        // Old-style `tar xzf file`: the first word is the option cluster, without a dash.
        const first = words[0]?.value;
        if (first && /^[A-Za-z]+$/.test(first) && first.includes('x')) {
          extract = true;
          const expanded = [...first].map((c) => ({ ...words[0], value: `-${c}` }));
          words = [...expanded, ...words.slice(1)];
        }
        const parsed = parseArgs(words, TAR_VALUES);
        extract ||= parsed.has('-x', '--extract', '--get');
        if (!extract || parsed.dynamic.length > 0) continue;
        if (parsed.options.some((o) => NOT_LIKE_ADD.test(o.name))) continue;
        const file = parsed.valueOf('-f', '--file');
        // Extra positional words name members to extract: ADD unpacks everything.
        if (!file || parsed.positionals.length > 0) continue;
        const name = baseName(file);
        for (const c of copied) {
          if (c.stage !== ins.stage || c.after > ins.start || c.name !== name || reported.has(c.start)) continue;
          reported.add(c.start);
          ctx.report({
            start: c.start,
            end: c.end,
            message: t('{0} is copied and then extracted by tar in a RUN: ADD unpacks a local tar archive itself, and the archive does not stay in a layer', c.name),
          });
        }
      }
    }
  },
};
