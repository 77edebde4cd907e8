/**
 * The Node.js host: the real file system, and the wasm files read from the folder of the
 * bundle (`dist/`), or `DOCKERFILE_DOCTOR_WASM_DIR`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeCacheHook } from '../codeCacheHook';
import type { HostFs, ServerHost } from './host';

const WASM_FILES = ['tree-sitter-bash.wasm', 'web-tree-sitter.wasm'];

/** The folder holding both wasm files: the env override, else the bundle's folder or a parent's `dist/`. */
export function findWasmDir(): string {
  const candidates: string[] = [];
  if (process.env.DOCKERFILE_DOCTOR_WASM_DIR) candidates.push(process.env.DOCKERFILE_DOCTOR_WASM_DIR);
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    candidates.push(dir, path.join(dir, 'dist'));
    dir = path.dirname(dir);
  }
  for (const c of candidates) {
    if (WASM_FILES.every((f) => fs.existsSync(path.join(c, f)))) return c;
  }
  throw new Error(`tree-sitter-bash.wasm not found (looked in ${candidates.join(', ')}); run "npm run build"`);
}

export const nodeFs: HostFs = {
  path,
  stat(p) {
    try {
      const st = fs.statSync(p, { throwIfNoEntry: false });
      return st ? { isFile: st.isFile(), isDirectory: st.isDirectory(), mtimeMs: st.mtimeMs, size: st.size } : undefined;
    } catch {
      return undefined;
    }
  },
  readFile: (p) => fs.readFileSync(p, 'utf8'),
  uriToPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  pathToUri: (p) => pathToFileURL(p).href,
  homedir() {
    try {
      return os.homedir();
    } catch {
      return '';
    }
  },
  env: process.env,
};

let wasmDir: string | undefined;

export const nodeHost: ServerHost = {
  platform: 'node',
  async loadWasm(name) {
    wasmDir ??= findWasmDir();
    return fs.readFileSync(path.join(wasmDir, name));
  },
  fs: nodeFs,
  defaultLocale: process.env.VSCODE_NLS_LOCALE,
  version: process.env.DOCKERFILE_DOCTOR_VERSION ?? '0.1.0',
  afterFirstLint() {
    const hook = codeCacheHook();
    if (!hook) return undefined;
    if (hook.status === 'used') return 'loaded at start';
    const what = hook.save();
    return what && `${hook.status === 'none' ? '' : `the one found was ${hook.status}; `}${what}`;
  },
};
