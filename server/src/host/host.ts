/**
 * What the server needs from the platform it runs on, injected by its entry point so that the
 * rest of the server imports nothing from Node.js and bundles for a Web Worker as it is:
 * `nodeHost.ts` (the editor's server over IPC/stdio, the CLI, the tests) and `browserHost.ts`
 * (vscode.dev, github.dev, code-server's web worker extension host).
 *
 * Without a file system (`fs` undefined) the features that read files degrade silently: the
 * build-context rules (copy-source-missing, copy-ignored-file, build-context-mismatch) report
 * nothing, no `.hadolint.yaml` is looked up, and COPY/ADD sources get no document links.
 */

/** The subset of Node's `path` the server uses (the platform's flavour: win32 on Windows). */
export interface PathApi {
  readonly sep: string;
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  relative(from: string, to: string): string;
  dirname(p: string): string;
  basename(p: string): string;
  isAbsolute(p: string): boolean;
}

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  mtimeMs: number;
  size: number;
}

/** Synchronous file access: a handful of small files per lint, cached by the callers. */
export interface HostFs {
  readonly path: PathApi;
  /** undefined when nothing is there (or it cannot be read); never throws. */
  stat(p: string): FileStat | undefined;
  /** The file as UTF-8; throws an error with a `code` (`ENOENT` …) when it cannot be read. */
  readFile(p: string): string;
  /** The path of a `file:` URI, or undefined for other schemes and malformed URIs. */
  uriToPath(uri: string): string | undefined;
  pathToUri(p: string): string;
  /** The user's home folder ('' when unknown) and environment, for hadolint's user-level config files. */
  homedir(): string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ServerHost {
  readonly platform: 'node' | 'browser';
  /** The bytes of a WebAssembly file shipped beside the server (`web-tree-sitter.wasm`, `tree-sitter-bash.wasm`). */
  loadWasm(name: string): Promise<Uint8Array>;
  /** The file system, or undefined where there is none. */
  readonly fs?: HostFs;
  /** The UI language when the client does not say (`VSCODE_NLS_LOCALE` under Node). */
  readonly defaultLocale?: string;
  /** The server's version, for `initialize`'s serverInfo. */
  readonly version: string;
  /**
   * Called at `initialize`, before the wasm is loaded, with the client's initializationOptions
   * (the browser host reads `wasmBaseUrl` there).
   */
  configure?(initializationOptions: Readonly<Record<string, unknown>>): void;
  /**
   * Called once, a few seconds after the first diagnostics went out, when the rules' code has
   * been compiled (the Node host saves the V8 code cache then: see bootstrap.ts). Returns a line
   * for the log, if any.
   */
  afterFirstLint?(): string | undefined;
}

/** A host with no file system and no wasm: what modules see until an entry point installs one. */
export const NO_HOST: ServerHost = {
  platform: 'browser',
  loadWasm: (name) => Promise.reject(new Error(`no server host installed: cannot load ${name}`)),
  version: '0.1.0',
};

let current: ServerHost = NO_HOST;

/** Installs the platform host (entry points call this before anything else runs). */
export function setHost(host: ServerHost): void {
  current = host;
}

export function getHost(): ServerHost {
  return current;
}

/** The file system of the current host, or undefined (browser): callers then do nothing. */
export function hostFs(): HostFs | undefined {
  return current.fs;
}
