/**
 * The command-line linter for CI: the same engine as the editor.
 *
 *   dockerfile-doctor [--fix] [--unsafe-fixes] [--format tty|json] [--rule id=severity]… [paths… | -]
 *
 * Exit codes: 0 no error-severity finding, 1 errors found, 2 bad usage or unreadable input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from './fixAll';
import { setLocale, t } from './l10n';
import { initEngine, Linter, type Finding } from './lint';
import { RULES } from './rules';
import { normalizeSettings } from './settings';
import { resolveContext } from './rules/context/_fs';

const VERSION = '0.1.0';

const USAGE = `Usage: dockerfile-doctor [options] [paths… | -]

Lints Dockerfiles (files, or folders searched for Dockerfile, *.dockerfile, Containerfile);
"-" reads standard input. Without paths, lints ./Dockerfile.

Options:
  --fix                 apply the safe fixes in place (to a fixed point), then report what is left
  --unsafe-fixes        with --fix, also apply fixes marked unsafe
  --format tty|json     output format (default: tty)
  --rule <id>=<level>   set a rule's severity: off, hint, info, warning, error (repeatable)
  --context <dir>       the build context (default: each Dockerfile's folder), for COPY/ADD sources and .dockerignore
  --list-rules          print the rules and their related hadolint/BuildKit codes
  --no-color            plain output
  -h, --help            this help
  -v, --version         the version
`;

class UsageError extends Error {}

interface Options {
  fix: boolean;
  unsafe: boolean;
  format: 'tty' | 'json';
  rules: Record<string, string>;
  paths: string[];
  color: boolean;
  listRules: boolean;
  context?: string;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { fix: false, unsafe: false, format: 'tty', rules: {}, paths: [], color: !!process.stdout.isTTY && !process.env.NO_COLOR, listRules: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--fix') o.fix = true;
    else if (a === '--unsafe-fixes') o.unsafe = true;
    else if (a === '--no-color') o.color = false;
    else if (a === '--list-rules') o.listRules = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'tty' && f !== 'json') throw new UsageError(`--format must be tty or json, not "${f}"`);
      o.format = f;
    } else if (a === '--rule' || a.startsWith('--rule=')) {
      const v = value('--rule');
      const m = /^([^=]+)=(.*)$/.exec(v);
      if (!m) throw new UsageError(`--rule takes <id>=<level>, not "${v}"`);
      o.rules[m[1]] = m[2];
    } else if (a === '--context' || a.startsWith('--context=')) {
      o.context = value('--context');
    } else if (a === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else o.paths.push(a);
  }
  if (o.unsafe && !o.fix) throw new UsageError('--unsafe-fixes goes with --fix');
  return o;
}

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
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

const COLORS: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '90' };

function paint(on: boolean, code: string, s: string): string {
  return on ? `\x1b[${code}m${s}\x1b[0m` : s;
}

function formatTty(file: string, findings: Finding[], color: boolean): string {
  let out = '';
  for (const f of findings) {
    const related = [f.related.hadolint, f.related.buildkit].filter(Boolean).join(', ');
    out += `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${paint(color, COLORS[f.severity], f.severity)} ${paint(color, '1', f.ruleId)}${related ? ` (${related})` : ''}: ${f.message}\n`;
    for (const fix of f.fixes) {
      out += `    ${paint(color, '32', fix.safety === 'safe' ? t('fix') : t('fix (unsafe)'))}: ${fix.title}\n`;
    }
  }
  return out;
}

function toJson(file: string, f: Finding): object {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    rule: f.ruleId,
    related: f.related,
    message: f.message,
    fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety })),
  };
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
    for (const r of RULES) {
      const related = [r.related.hadolint, r.related.buildkit].filter(Boolean).join(', ');
      process.stdout.write(`${r.id.padEnd(30)} ${r.defaultSeverity.padEnd(8)} ${related.padEnd(10)} ${t(r.description)}\n`);
    }
    return 0;
  }
  const { settings, problems } = normalizeSettings({ rules: opts.rules });
  if (problems.length > 0) {
    process.stderr.write(problems.map((p) => `dockerfile-doctor: ${p.replace(/^dockerfileDoctor\.rules/, '--rule')}\n`).join(''));
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
      process.stderr.write(`dockerfile-doctor: cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
  }
  await initEngine();
  let errors = 0;
  let total = 0;
  let fixed = 0;
  const json: object[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`dockerfile-doctor: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    const name = file === '-' ? '<stdin>' : file;
    const linter = new Linter();
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
    const findings = linter.lint(text, settings, file === '-' ? undefined : cliContext(file, opts.context));
    total += findings.length;
    errors += findings.filter((f) => f.severity === 'error').length;
    if (opts.format === 'json') json.push(...findings.map((f) => toJson(name, f)));
    else {
      const out = formatTty(name, findings, opts.color);
      // With `--fix -` the fixed text goes to stdout: the report goes to stderr.
      (opts.fix && file === '-' ? process.stderr : process.stdout).write(out);
    }
  }
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const summary = `${t('{0} problem(s) in {1} file(s)', total, files.length)}${errors ? `, ${t('{0} error(s)', errors)}` : ''}${opts.fix ? `; ${t('{0} fix(es) applied', fixed)}` : ''}\n`;
    (opts.fix && files.includes('-') ? process.stderr : process.stdout).write(summary);
  }
  return errors > 0 ? 1 : 0;
}

/** The build context of a file: `--context`, else its folder; the current folder is the workspace when it holds the file. */
function cliContext(file: string, context: string | undefined) {
  const setting = context === undefined ? undefined : path.resolve(context);
  return resolveContext(file, setting, [process.cwd()]) ?? resolveContext(file, setting);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`dockerfile-doctor: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
