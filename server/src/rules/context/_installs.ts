/**
 * Dependency installs that read only a manifest (and its lock file), for the layer-cache
 * advisor (copy-all-before-install): `npm ci`, `yarn install`, `pip install -r …`,
 * `go mod download` … Read from the shell facts (`Invocation` + `parseArgs`), never from text.
 */
import { parseArgs, type Invocation } from '../../shell/facts';

export interface ManifestInstall {
  /** The tool as users name it, for messages: `npm ci`, `pip install -r`. */
  label: string;
  /** The files it reads, relative to the directory it runs in; the first ones are required. */
  manifests: string[];
  /** How many of `manifests` must exist for the install to work (the rest are optional lock files). */
  required: number;
  /** What to copy when the build context is unknown (a glob is fine: `package*.json`). */
  fallback: string[];
  /**
   * The install needs only the manifests, so it can move before `COPY . .` as it is. Otherwise
   * it also builds or installs the project itself (`poetry install`, `mvn package`): a
   * dependency-only step (`dependencyStep`) goes before `COPY . .` and the original stays.
   */
  movable: boolean;
  /** The dependency-only command to insert when it is not movable (null: none is known to work). */
  dependencyStep: string | null;
}

const NPM_VALUES = new Set(['--omit', '--include', '--registry', '--loglevel', '--cache', '--userconfig', '--install-strategy']);
const PIP_VALUES = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f',
  '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version',
  '--only-binary', '--no-binary', '--progress-bar', '--cache-dir', '--src', '--upgrade-strategy', '--timeout',
  '--retries', '--implementation', '--abi', '--proxy', '--log', '--report', '--python',
]);

/** Options that make a tool run in, or read its manifest from, another directory. */
const ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  npm: ['--prefix', '-C', '-w', '--workspace', '--workspaces'],
  yarn: ['--cwd'],
  pnpm: ['-C', '--dir', '--filter', '-F', '-r', '--recursive'],
  poetry: ['-C', '--directory', '-P', '--project'],
  go: ['-C', '-modfile'],
  bundle: ['--gemfile'],
  composer: ['-d', '--working-dir'],
  mvn: ['-f', '--file', '-pl', '--projects'],
  cargo: ['--manifest-path'],
};

function elsewhere(tool: string, names: readonly string[]): boolean {
  const bad = ELSEWHERE[tool] ?? [];
  return names.some((n) => bad.includes(n));
}

const PIP = /^pip(?:3(?:\.\d+)?)?$/;
const PYTHON = /^python(?:3(?:\.\d+)?)?$/;

/** The manifest install an invocation is, or null (installs of named packages, other commands, unknown forms). */
export function manifestInstall(inv: Invocation): ManifestInstall | null {
  const program = inv.program;
  if (!program) return null;
  let args = inv.args;
  if (PYTHON.test(program)) {
    // `python -m pip install -r …`
    if (args[0]?.value !== '-m' || !PIP.test(args[1]?.value ?? '')) return null;
    args = args.slice(2);
    return pip(args);
  }
  if (PIP.test(program)) return pip(args);
  if (args.some((w) => w.value === null)) return null;
  switch (program) {
    case 'npm': {
      const p = parseArgs(args, NPM_VALUES);
      if (elsewhere('npm', p.options.map((o) => o.name))) return null;
      const [sub, ...rest] = p.positionals.map((w) => w.value);
      const install = sub === 'install' || sub === 'i' || sub === 'add';
      if (!(sub === 'ci' || sub === 'clean-install' || (install && rest.length === 0))) return null;
      return { label: `npm ${sub}`, manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'], required: 1, fallback: ['package*.json'], movable: true, dependencyStep: null };
    }
    case 'yarn': {
      const p = parseArgs(args);
      if (elsewhere('yarn', p.options.map((o) => o.name))) return null;
      const pos = p.positionals.map((w) => w.value);
      if (!(pos.length === 0 || (pos.length === 1 && pos[0] === 'install'))) return null;
      return { label: pos.length === 0 ? 'yarn' : 'yarn install', manifests: ['package.json', 'yarn.lock', '.yarnrc.yml'], required: 1, fallback: ['package.json', 'yarn.lock'], movable: true, dependencyStep: null };
    }
    case 'pnpm': {
      const p = parseArgs(args);
      if (elsewhere('pnpm', p.options.map((o) => o.name))) return null;
      const pos = p.positionals.map((w) => w.value);
      if (!(pos.length === 1 && (pos[0] === 'install' || pos[0] === 'i'))) return null;
      return { label: `pnpm ${pos[0]}`, manifests: ['package.json', 'pnpm-lock.yaml'], required: 1, fallback: ['package.json', 'pnpm-lock.yaml'], movable: true, dependencyStep: null };
    }
    case 'poetry': {
      const p = parseArgs(args);
      if (elsewhere('poetry', p.options.map((o) => o.name))) return null;
      if (p.positionals.length !== 1 || p.positionals[0].value !== 'install') return null;
      // Without --no-root (or --only-root … ) it installs the project itself: that needs the sources.
      const noRoot = p.has('--no-root');
      return { label: 'poetry install', manifests: ['pyproject.toml', 'poetry.lock'], required: 1, fallback: ['pyproject.toml', 'poetry.lock'], movable: noRoot, dependencyStep: noRoot ? null : 'poetry install --no-root' };
    }
    case 'go': {
      const p = parseArgs(args);
      if (elsewhere('go', p.options.map((o) => o.name))) return null;
      const pos = p.positionals.map((w) => w.value);
      if (pos.length !== 2 || pos[0] !== 'mod' || pos[1] !== 'download') return null;
      return { label: 'go mod download', manifests: ['go.mod', 'go.sum'], required: 1, fallback: ['go.mod', 'go.sum'], movable: true, dependencyStep: null };
    }
    case 'bundle':
    case 'bundler': {
      const p = parseArgs(args, new Set(['--jobs', '-j', '--retry', '--path', '--without', '--with', '--deployment']));
      if (elsewhere('bundle', p.options.map((o) => o.name))) return null;
      const pos = p.positionals.map((w) => w.value);
      if (!(pos.length === 0 || (pos.length === 1 && pos[0] === 'install'))) return null;
      return { label: 'bundle install', manifests: ['Gemfile', 'Gemfile.lock'], required: 1, fallback: ['Gemfile', 'Gemfile.lock'], movable: true, dependencyStep: null };
    }
    case 'composer': {
      const p = parseArgs(args);
      if (elsewhere('composer', p.options.map((o) => o.name))) return null;
      if (p.positionals.length !== 1 || p.positionals[0].value !== 'install') return null;
      // Its scripts and the autoloader read the sources; without both it reads only the manifests.
      const depsOnly = p.has('--no-scripts') && p.has('--no-autoloader');
      return { label: 'composer install', manifests: ['composer.json', 'composer.lock'], required: 1, fallback: ['composer.json', 'composer.lock'], movable: depsOnly, dependencyStep: depsOnly ? null : 'composer install --no-scripts --no-autoloader' };
    }
    case 'mvn':
    case 'mvnw': {
      const p = parseArgs(args, new Set(['-s', '--settings', '-P', '--activate-profiles', '-T', '--threads', '-D']));
      if (elsewhere('mvn', p.options.map((o) => o.name))) return null;
      const goals = p.positionals.map((w) => w.value ?? '');
      const depsOnly = goals.length > 0 && goals.every((g) => g.startsWith('dependency:'));
      const builds = goals.some((g) => ['package', 'install', 'verify', 'compile'].includes(g));
      if (!depsOnly && !builds) return null;
      const word = inv.command.name ?? program;
      return { label: `${program} ${goals.join(' ')}`, manifests: ['pom.xml'], required: 1, fallback: ['pom.xml'], movable: depsOnly, dependencyStep: depsOnly ? null : `${word} dependency:go-offline` };
    }
    case 'cargo': {
      const p = parseArgs(args);
      if (elsewhere('cargo', p.options.map((o) => o.name))) return null;
      const sub = p.positionals[0]?.value;
      if (sub !== 'fetch' && sub !== 'build') return null;
      // Cargo reads no manifest without a target (src/main.rs or src/lib.rs): no step works with the manifests alone.
      return { label: `cargo ${sub}`, manifests: ['Cargo.toml', 'Cargo.lock'], required: 1, fallback: ['Cargo.toml', 'Cargo.lock'], movable: false, dependencyStep: null };
    }
    default:
      return null;
  }
}

/** `pip install -r requirements.txt [package …]`: only requirement files and named packages, no local paths. */
function pip(words: Invocation['args']): ManifestInstall | null {
  const p = parseArgs(words, PIP_VALUES);
  if (p.positionals[0]?.value !== 'install' || p.dynamic.length > 0) return null;
  if (p.has('-e', '--editable')) return null;
  const files: string[] = [];
  for (const o of p.options) {
    if (o.name !== '-r' && o.name !== '--requirement' && o.name !== '-c' && o.name !== '--constraint') continue;
    if (o.value === null || o.value === '' || o.value.startsWith('/') || o.value.includes('..') || /[$`*?[]/.test(o.value)) return null;
    files.push(o.value.replace(/^\.\//, ''));
  }
  if (!p.has('-r', '--requirement')) return null;
  // A local path (`.`, `./pkg`, `/src`) reads the sources.
  for (const w of p.positionals.slice(1)) {
    const v = w.value;
    if (v === null || v.startsWith('.') || v.startsWith('/') || v.includes('/') || v.startsWith('~')) return null;
  }
  const unique = [...new Set(files)];
  return { label: 'pip install -r', manifests: unique, required: unique.length, fallback: unique, movable: true, dependencyStep: null };
}
