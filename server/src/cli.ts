/**
 * The command-line linter for CI: the same engine and the same configuration as the editor.
 * Wiring only: options in cli/args.ts, report formats in cli/formats/, settings in cli/settings.ts.
 *
 * Exit codes: 0 clean or under the failure threshold, 1 findings at or above it, 2 bad usage,
 * unreadable input or a configuration problem (reported, and the rest still applied).
 */
import './nodeFlags';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, USAGE, UsageError, type Options } from './cli/args';
import { FORMATTERS, type FileResult } from './cli/formats';
import { formatFileTty } from './cli/formats/tty';
import { unifiedDiff } from './cli/diff';
import { explain, listRules } from './cli/rules';
import { CliSettings } from './cli/settings';
import { fixAll } from './fixAll';
import { setLocale, t } from './l10n';
import { initEngine, Linter } from './lint';
import { resolveContext } from './rules/context/_fs';
import type { Severity } from './rules/types';
import { setHost } from './host/host';
import { nodeHost } from './host/nodeHost';

// Files and the wasm parser come from Node's file system.
setHost(nodeHost);

const VERSION = '0.1.0';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:dockerfile|Dockerfile|containerfile))$/;

function collect(p: string, out: string[]): void {
  const st = fs.statSync(p);
  if (!st.isDirectory()) {
    out.push(p);
    return;
  }
  for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) collect(path.join(p, e.name), out);
    } else if (e.isFile() && DOCKERFILE_NAME.test(e.name)) {
      out.push(path.join(p, e.name));
    }
  }
}

/** Writes through a temporary file in the same folder and a rename: never half a file. */
function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const mode = fs.existsSync(file) ? fs.statSync(file).mode : 0o644;
  try {
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function errorMessage(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

async function main(argv: string[]): Promise<number> {
  setLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`dockerfile-doctor: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (opts.listRules) {
    process.stdout.write(listRules(opts.formats.includes('json')));
    return 0;
  }
  if (opts.explain !== undefined) {
    const docs = explain(opts.explain);
    if (!docs) {
      process.stderr.write(`dockerfile-doctor: unknown rule "${opts.explain}" (see --list-rules)\n`);
      return 2;
    }
    process.stdout.write(docs);
    return 0;
  }
  const cfg = new CliSettings(opts, process.env, process.cwd());
  if (cfg.usageProblems.length > 0) {
    process.stderr.write(cfg.usageProblems.map((p) => `dockerfile-doctor: ${p}\n`).join(''));
    return 2;
  }
  const files: string[] = [];
  const inputs = opts.paths.length > 0 ? opts.paths : ['Dockerfile'];
  for (const p of inputs) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    try {
      collect(p, files);
    } catch (e) {
      process.stderr.write(`dockerfile-doctor: cannot read ${p}: ${errorMessage(e)}\n`);
      return 2;
    }
  }
  await initEngine();
  const global = cfg.global();
  const formats = global.formats;
  const color = opts.color ?? (!global.noColor && !process.env.NO_COLOR && !!process.stdout.isTTY);
  // A progress line on a terminal for long runs (never in pipes or CI logs).
  const progress = !!process.stderr.isTTY && files.length > 20 && !process.env.CI;
  const streamTty = formats.length === 1 && formats[0] === 'tty';
  const results: FileResult[] = [];
  linted = files.length;
  let failing = 0;
  let total = 0;
  let errors = 0;
  let fixed = 0;
  const linter = new Linter();
  for (const [n, file] of files.entries()) {
    if (progress && n % 10 === 0) process.stderr.write(`\r\x1b[2K${t('Linting {0}/{1}', n, files.length)} ${file}`.slice(0, 200));
    let text: string;
    try {
      text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`dockerfile-doctor: cannot read ${file}: ${errorMessage(e)}\n`);
      return 2;
    }
    const name = (file === '-' || files.length === 1) && opts.filePathInReport ? opts.filePathInReport : file === '-' ? '<stdin>' : file;
    const settings = cfg.forFile(file === '-' ? undefined : file);
    if (opts.diff) {
      const patch = unifiedDiff(name, text, fixAll(text, settings, { unsafe: opts.unsafe, linter }).text);
      if (patch) {
        failing++;
        process.stdout.write(patch);
      }
      continue;
    }
    if (opts.fix) {
      const result = fixAll(text, settings, { unsafe: opts.unsafe, linter });
      if (result.text !== text) {
        fixed += result.applied;
        if (file === '-') process.stdout.write(result.text);
        else writeAtomic(file, result.text);
        text = result.text;
      } else if (file === '-') {
        process.stdout.write(text);
      }
    }
    const context = file === '-' ? undefined : cliContext(file, opts.context);
    if (global.verbose) {
      const config = cfg.configFileFor(file === '-' ? undefined : file);
      process.stderr.write(`dockerfile-doctor: ${name}: configuration ${config ?? '(none)'}, build context ${context?.buildContext ?? '(none: standard input)'}\n`);
    }
    const findings = linter.lint(text, settings, context);
    // `# check=error=true`: the file's warnings fail the run like errors.
    const strict = linter.lastCheckError;
    total += findings.length;
    errors += findings.filter((f) => f.severity === 'error').length;
    if (global.threshold !== 'none') {
      failing += findings.filter((f) => RANK[strict && f.severity === 'warning' ? 'error' : f.severity] >= RANK[global.threshold as Severity]).length;
    }
    const result = { file: name, text, findings };
    results.push(result);
    if (streamTty && findings.length > 0) {
      if (progress) process.stderr.write('\r\x1b[2K');
      // With `--fix -` the fixed text goes to stdout: the report goes to stderr.
      (opts.fix && file === '-' ? process.stderr : process.stdout).write(formatFileTty(result, { color, version: VERSION }));
    }
  }
  if (progress) process.stderr.write('\r\x1b[2K');
  if (opts.diff) return cfg.configProblems().length > 0 ? 2 : failing > 0 ? 1 : 0;
  for (const problem of cfg.configProblems()) process.stderr.write(`dockerfile-doctor: ${problem}\n`);
  const toStdout = opts.fix && files.includes('-') ? process.stderr : process.stdout;
  for (const f of formats) {
    if (f === 'tty') {
      if (!streamTty) toStdout.write(FORMATTERS.tty(results, { color, version: VERSION }));
      const summary = `${t('{0} problem(s) in {1} file(s)', total, files.length)}${errors ? `, ${t('{0} error(s)', errors)}` : ''}${opts.fix ? `; ${t('{0} fix(es) applied', fixed)}` : ''}\n`;
      toStdout.write(summary);
    } else {
      toStdout.write(FORMATTERS[f](results, { color: false, version: VERSION }));
    }
  }
  for (const o of opts.outputs) {
    try {
      writeAtomic(o.file, FORMATTERS[o.format](results, { color: false, version: VERSION }));
    } catch (e) {
      process.stderr.write(`dockerfile-doctor: cannot write ${o.file}: ${errorMessage(e)}\n`);
      return 2;
    }
  }
  if (cfg.configProblems().length > 0) return 2;
  if (global.noFail) return 0;
  return failing > 0 ? 1 : 0;
}

/** The build context of a file: `--context`, else its folder; the current folder is the workspace when it holds the file. */
function cliContext(file: string, context: string | undefined) {
  const setting = context === undefined ? undefined : path.resolve(context);
  return resolveContext(file, setting, [process.cwd()]) ?? resolveContext(file, setting);
}

// `dockerfile-doctor … | head`: the reader went away; stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const started = performance.now();
/** Files linted by this run (for DOCKERFILE_DOCTOR_STATS). */
let linted = 0;
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // For the benchmark: the run's own time and peak memory, on stderr.
    if (process.env.DOCKERFILE_DOCTOR_STATS === '1') {
      process.stderr.write(`dockerfile-doctor stats: ${JSON.stringify({ files: linted, ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
    }
  },
  (e) => {
    process.stderr.write(`dockerfile-doctor: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
