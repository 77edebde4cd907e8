/** Command-line options, as hadolint users know them plus ours. Throws UsageError on bad usage. */
import { FORMAT_NAMES, parseThreshold, THRESHOLD_NAMES, type Threshold } from '../projectConfig';

export class UsageError extends Error {}

export interface Options {
  fix: boolean;
  /** Print the fixes as a unified diff, write nothing. */
  diff: boolean;
  unsafe: boolean;
  /** `--format` (repeatable); empty: from the config file, else tty. */
  formats: string[];
  /** `-o FORMAT=FILE` (repeatable). */
  outputs: { format: string; file: string }[];
  /** `--rule id=level`, `--error/--warning/--info/--style CODE`, `--ignore CODE`, in order. */
  rules: { code: string; level: string }[];
  paths: string[];
  /** undefined: decided by the terminal, NO_COLOR and the config file. */
  color?: boolean;
  listRules: boolean;
  explain?: string;
  config?: string;
  failureThreshold?: Threshold;
  noFail?: boolean;
  trustedRegistries: string[];
  requireLabels: string[];
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  filePathInReport?: string;
  /** `--context DIR`: the build context for COPY/ADD sources and .dockerignore (default: each Dockerfile's folder). */
  context?: string;
  /** `-V`, `--verbose`: say on stderr which configuration and build context each file gets. */
  verbose?: boolean;
}

export const USAGE = `Usage: dockerfile-doctor [options] [paths… | -]

Lints Dockerfiles (files, or folders searched for Dockerfile, *.dockerfile, Containerfile);
"-" reads standard input. Without paths, lints ./Dockerfile.

Options:
  --fix                        apply the safe fixes in place (to a fixed point), then report what is left
  --unsafe-fixes               with --fix or --diff, also apply fixes marked unsafe
  --diff                       print the fixes as a unified diff, write nothing (exit 1 if there are any)
  -f, --format <format>        ${FORMAT_NAMES.join(' | ')} (default tty; repeatable)
  -o, --output <format>=<file> also write a report in that format to a file (repeatable)
  -c, --config <file>          use this .hadolint.yaml instead of looking one up
  --rule <id>=<level>          set a rule's severity: off, hint, info, warning, error (repeatable)
  --ignore <code>              turn a rule off (our id, hadolint code or BuildKit name; repeatable)
  --error|--warning|--info|--style <code>   set a rule's severity, as hadolint does (repeatable)
  -t, --failure-threshold <level>  exit 1 only for findings at or above: ${THRESHOLD_NAMES.join(', ')} (default error)
  --no-fail                    exit 0 even with findings
  --trusted-registry <name>    a registry FROM may use (DL3026; repeatable; wildcards like *.gcr.io)
  --require-label <name>:<type>  a label every image must have (DL3049-DL3058; repeatable)
  --strict-labels              labels outside the schema are reported
  --disable-ignore-pragma      ignore comments (# hadolint ignore=…) are not honoured
  --file-path-in-report <path> the file name reported for standard input
  --context <dir>              the build context (default: each Dockerfile's folder), for COPY/ADD sources and .dockerignore
  --list-rules                 print the rules and their related hadolint/BuildKit codes (--format json: as JSON)
  --explain <code>             print a rule's documentation (our id, hadolint code or BuildKit name)
  --no-color                   plain output (also NO_COLOR, or when not a terminal)
  -V, --verbose                say on stderr which configuration file and build context each file gets
  -h, --help                   this help
  -v, --version                the version

Configuration: .hadolint.yaml / .hadolint.yml from the file's folder up to the repository root,
then the current folder, then ~/.config/hadolint.yaml; hadolint's HADOLINT_* variables; then
these flags. Exit codes: 0 clean or under the threshold, 1 findings at or above it, 2 bad usage
or a configuration error.
`;

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { fix: false, diff: false, unsafe: false, formats: [], outputs: [], rules: [], paths: [], listRules: false, trustedRegistries: [], requireLabels: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '--fix': o.fix = true; break;
      case '--diff': o.diff = true; break;
      case '--unsafe-fixes': o.unsafe = true; break;
      case '--no-color': o.color = false; break;
      case '--color': o.color = true; break;
      case '--list-rules': o.listRules = true; break;
      case '--explain': o.explain = value(); break;
      case '--no-fail': o.noFail = true; break;
      case '-V': case '--verbose': o.verbose = true; break;
      case '--strict-labels': o.strictLabels = true; break;
      case '--disable-ignore-pragma': o.disableIgnorePragma = true; break;
      case '-f': case '--format': {
        const f = value();
        if (!FORMAT_NAMES.includes(f)) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${f}"`);
        o.formats.push(f);
        break;
      }
      case '-o': case '--output': {
        const v = value();
        const m = /^([a-z_]+)=(.+)$/.exec(v);
        if (!m || !FORMAT_NAMES.includes(m[1])) throw new UsageError(`--output takes <format>=<file> with a format of ${FORMAT_NAMES.join(', ')}, not "${v}"`);
        o.outputs.push({ format: m[1], file: m[2] });
        break;
      }
      case '-c': case '--config': o.config = value(); break;
      case '--rule': {
        const v = value();
        const m = /^([^=]+)=(.*)$/.exec(v);
        if (!m) throw new UsageError(`--rule takes <id>=<level>, not "${v}"`);
        o.rules.push({ code: m[1], level: m[2] });
        break;
      }
      case '--ignore': o.rules.push({ code: value(), level: 'off' }); break;
      case '--error': case '--warning': case '--info': case '--style':
        o.rules.push({ code: value(), level: flag === '--style' ? 'hint' : flag.slice(2) });
        break;
      case '-t': case '--failure-threshold': {
        const v = value();
        const th = parseThreshold(v);
        if (!th) throw new UsageError(`--failure-threshold must be one of ${THRESHOLD_NAMES.join(', ')}, not "${v}"`);
        o.failureThreshold = th;
        break;
      }
      case '--trusted-registry': o.trustedRegistries.push(value()); break;
      case '--require-label': o.requireLabels.push(value()); break;
      case '--file-path-in-report': o.filePathInReport = value(); break;
      case '--context': o.context = value(); break;
      case '--':
        o.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  if (o.unsafe && !o.fix && !o.diff) throw new UsageError('--unsafe-fixes goes with --fix or --diff');
  if (o.fix && o.diff) throw new UsageError('--diff shows the fixes without writing them: use it without --fix');
  return o;
}
