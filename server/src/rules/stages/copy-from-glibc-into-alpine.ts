/**
 * copy-from-glibc-into-alpine — a binary or folder copied from a stage built on a glibc image
 * (Debian, Ubuntu, Fedora, golang, node, python …) into an Alpine stage without the glibc
 * compatibility layer. A dynamically linked program then fails on musl with "not found".
 * Whole-file: the stages' base images through `FROM <stage>` chains, what each stage installs
 * (`apk add gcompat`) and whether it builds static binaries (`CGO_ENABLED=0`, musl targets).
 */
import { t } from '../../l10n';
import type { Range } from '../../text';
import type { Rule } from '../types';
import { byStage, copyParts, isHeredocSource, parseImage } from '../instructions/_words';
import { unquoteSource } from '../instructions/add-instead-of-copy';
import { resolveFrom } from './_from';
import { lineage, stageAt } from './_stages';
import en from './copy-from-glibc-into-alpine.md';
import zhCn from './copy-from-glibc-into-alpine.zh-cn.md';

interface Fact {
  at: Range;
  /** The stage installs gcompat or libc6-compat. */
  compat: boolean;
  /** The stage builds static or musl binaries. */
  static: boolean;
  copies: { range: Range; ins: Range; from: string; source: string }[];
}

/** Images whose default variants are glibc-based and whose outputs are often native code. */
const GLIBC = new Set([
  'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'ubi', 'ubi8', 'ubi9',
  'ubi-minimal', 'ubi8-minimal', 'ubi9-minimal', 'archlinux', 'leap', 'tumbleweed', 'clearlinux', 'buildpack-deps',
  'golang', 'rust', 'gcc', 'node', 'python', 'ruby', 'swift', 'haskell', 'erlang', 'elixir', 'perl', 'wolfi-base',
]);

/** Names of files that are not native code (scripts, data, managed bytecode). */
const NOT_NATIVE = /\.(?:js|mjs|cjs|ts|json|html?|css|map|txt|md|ya?ml|toml|ini|conf|cfg|xml|properties|jar|war|ear|class|dll|py|pyc|rb|php|pl|sh|bash|lua|sql|pem|crt|cer|key|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|otf|csv|tsv|gz|tgz|tar|zip|wasm|env|lock)$/i;
/** Destinations and sources that hold data, certificates, web content or configuration. */
const DATA_PATH = /^\/(?:etc|usr\/share|var\/www|usr\/local\/share|srv\/www)(?:\/|$)/;

function repoName(image: string): { name: string; tag: string } {
  const ref = parseImage(image.toLowerCase());
  return { name: ref.repo.slice(ref.repo.lastIndexOf('/') + 1), tag: ref.tag ?? '' };
}

export function isAlpine(image: string): boolean {
  const { name, tag } = repoName(image);
  if (image.toLowerCase().includes('glibc')) return false;
  return name === 'alpine' || tag.includes('alpine');
}

export function isGlibc(image: string): boolean {
  const { name, tag } = repoName(image);
  if (tag.includes('alpine') || tag.includes('musl') || image.includes('$')) return false;
  return GLIBC.has(name);
}

/** A `-static` / `--static` link flag inside a word. */
const STATIC = /(?:^|[\s"'=])--?static(?![A-Za-z0-9_-])/;
/** STATIC, with a plain substring test first: most words of a script hold no "static" (this runs on every word). */
const hasStatic = (s: string): boolean => s.includes('static') && STATIC.test(s);

const COMPAT = /^(?:gcompat|libc6-compat)(?:[=<>~].*)?$/;

export const copyFromGlibcIntoAlpine: Rule = {
  id: 'copy-from-glibc-into-alpine',
  defaultSeverity: 'info',
  related: {},
  description: 'COPY --from a glibc-based stage into an Alpine stage without gcompat',
  docs: { en, 'zh-cn': zhCn },
  check(ctx) {
    const { model } = ctx;
    const byIndex = new Map<number, Fact>();
    for (const { from, body } of byStage(model.instructions)) {
      const fact: Fact = { at: ctx.range(from.start, from.end), compat: false, static: false, copies: [] };
      byIndex.set(from.stage, fact);
      for (const ins of body) {
        if ((ins.keyword === 'ENV' || ins.keyword === 'ARG') && ins.args.some((a) => /^CGO_ENABLED=["']?0["']?$/.test(a.value))) fact.static = true;
        if (ins.keyword !== 'COPY') continue;
        const flag = ins.flags.find((f) => f.name === 'from');
        if (!flag || flag.value === null) continue;
        const parts = copyParts(ins, model);
        if (!parts || !parts.dest || DATA_PATH.test(parts.dest.value)) continue;
        for (const s of parts.sources) {
          if (isHeredocSource(s) || NOT_NATIVE.test(s.value.replace(/\/+$/, '')) || DATA_PATH.test(s.value)) continue;
          const at = parts.json ? { start: ins.keywordStart, end: ins.keywordEnd } : s;
          fact.copies.push({ range: ctx.range(at.start, at.end), ins: ctx.range(ins.start, ins.start), from: unquoteSource(flag.value, model.escape).value, source: s.value });
        }
      }
    }
    /** Per stage: is its base glibc-based, is it Alpine (read once per stage, not per script). */
    const bases = new Map<number, { glibc: boolean; alpine: boolean }>();
    for (const { ins, script } of ctx.shellScripts()) {
      const fact = byIndex.get(ins.stage);
      if (!fact) continue;
      // Only what can matter: static builds in glibc stages (sources), gcompat in Alpine ones (targets).
      let base = bases.get(ins.stage);
      if (!base) {
        const image = ctx.stageOf(ins)?.inherited.image ?? '';
        bases.set(ins.stage, (base = { glibc: isGlibc(image), alpine: isAlpine(image) }));
      }
      const wantStatic = !fact.static && base.glibc;
      const wantCompat = !fact.compat && base.alpine;
      if (!wantStatic && !wantCompat) continue;
      if (wantStatic) {
        // `CGO_ENABLED=0`, `export CGO_ENABLED=0`, `LDFLAGS="-static"` for the rest of the script.
        for (const a of script.analysis.skipped ? [] : script.analysis.assignments) {
          if ((a.name === 'CGO_ENABLED' && a.value === '0') || (a.value !== null && hasStatic(a.value))) fact.static = true;
        }
      }
      for (const inv of ctx.invocations(script)) {
        if (wantCompat && inv.program === 'apk' && inv.args[0]?.value === 'add' && inv.args.some((w) => w.value !== null && COMPAT.test(w.value))) fact.compat = true;
        if (!wantStatic || fact.static) continue;
        if (inv.env.get('CGO_ENABLED') === '0') fact.static = true;
        // Rust/C musl targets, `-static` link flags: in a word (`-ldflags "… -extldflags -static"`, read
        // as written since it may hold a `$(…)`) or in a variable for make (`LD_FLAGS=" -extldflags -static"`).
        for (const w of inv.args) if (w.raw.includes('-musl') || hasStatic(w.raw)) fact.static = true;
        for (const v of inv.env.values()) if (v !== null && hasStatic(v)) fact.static = true;
      }
    }
    for (const fact of byIndex.values()) if (fact.compat || fact.static || fact.copies.length > 0) ctx.fact(fact);
  },
  checkFile(ctx) {
    const facts = ctx.facts as Fact[];
    const byLine = new Map(facts.map((f) => [f.at.start.line, f]));
    for (const f of facts) {
      if (f.copies.length === 0) continue;
      const target = stageAt(ctx.stages, f.at.start.line);
      if (!target || !isAlpine(target.inherited.image)) continue;
      if (lineage(ctx.stages, target).some((s) => byLine.get(s.line)?.compat)) continue;
      for (const c of f.copies) {
        const ref = resolveFrom(c.from, ctx.stages);
        if (ref.kind !== 'stage' || ref.index === target.index) continue;
        const source = ctx.stages[ref.index];
        const image = source.inherited.image;
        if (!isGlibc(image)) continue;
        if (lineage(ctx.stages, source).some((s) => byLine.get(s.line)?.static)) continue;
        ctx.report({
          range: c.range,
          message: t('{0} comes from stage {1}, built on the glibc image {2}, into an Alpine (musl) stage: a dynamically linked program fails there with "not found". Build it static (CGO_ENABLED=0, a musl target), build it on Alpine, or apk add gcompat', c.source, source.name ?? String(source.index), image),
          instructionLine: c.ins.start.line,
        });
      }
    }
  },
};
