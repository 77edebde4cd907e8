/**
 * The language server's entry under Node (dist/server.js): loads the server bundle
 * (dist/server-main.js) with a V8 code cache when the client names a folder for it in
 * `DOCKERFILE_DOCTOR_CODE_CACHE` (the extension passes its global storage), else as a plain
 * module. Kept tiny: it runs before anything is cached.
 *
 * Why: a fresh server spent ~90 ms compiling the bundle before `initialize` and ~60 ms more
 * compiling functions on the first lint. V8 can keep the compiled bytecode of a script,
 * including the functions compiled lazily while it ran (`Script.createCachedData()` after the
 * first lint). With it, the second and later starts of the server skip that compilation (the
 * first start ever is as before). VS Code caches its own code the same way.
 *
 * Safety:
 * - The file is named by the bundle's path, size and modification time and by Node's and V8's
 *   versions and the architecture: another build or runtime never reads it. (V8's own check
 *   compares the source's length, not its text.)
 * - V8 rejects data made under other flags or versions (`cachedDataRejected`); the file is
 *   then written again.
 * - Written once per start at most, to a temporary file renamed into place (two windows may
 *   start servers at once), with a SHA-1 of the data in front that is checked before use.
 * - Older cache files in the folder are removed when a new one is written: one file (~2 MB).
 * - Any failure (read-only folder, full disk) falls back to loading without a cache.
 */
import './nodeFlags';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { CODE_CACHE_HOOK, type CodeCacheHook } from './codeCacheHook';

const main = path.join(__dirname, 'server-main.js');
const dir = process.env.DOCKERFILE_DOCTOR_CODE_CACHE;

/** The compiled bundle and the hook that saves its cache, or undefined without a cache folder. */
function compile(): { script: vm.Script } | undefined {
  if (!dir) return undefined;
  const source = fs.readFileSync(main, 'utf8');
  const st = fs.statSync(main);
  const key = createHash('sha1').update(`${main}\0${st.size}\0${st.mtimeMs}\0${process.version}\0${process.versions.v8}\0${process.arch}`).digest('hex').slice(0, 16);
  const file = path.join(dir, `server-${key}.cache`);
  let cachedData: Buffer | undefined;
  let status = 'none';
  try {
    const raw = fs.readFileSync(file);
    const data = raw.subarray(20);
    if (raw.length > 20 && createHash('sha1').update(data).digest().equals(raw.subarray(0, 20))) cachedData = data;
    else status = 'corrupt';
  } catch {
    // No cache yet.
  }
  // No `importModuleDynamically`: the bundle's only `import()` is web-tree-sitter's for a wasm
  // given as a path, and the server always passes the bytes.
  const script = new vm.Script(Module.wrap(source), { filename: main, cachedData });
  if (cachedData) status = script.cachedDataRejected ? 'rejected' : 'used';
  let saved = false;
  const hook: CodeCacheHook = {
    status,
    save(): string | undefined {
      if (saved || status === 'used') return undefined;
      saved = true;
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true });
        try {
          fs.writeFileSync(tmp, Buffer.concat([createHash('sha1').update(data).digest(), data]));
          fs.renameSync(tmp, file);
        } finally {
          fs.rmSync(tmp, { force: true });
        }
        for (const f of fs.readdirSync(dir)) if (/^server-[0-9a-f]{16}\.cache$/.test(f) && path.join(dir, f) !== file) fs.rmSync(path.join(dir, f), { force: true });
        return `wrote ${(data.length / 1048576).toFixed(1)} MB to ${file}`;
      } catch (e) {
        return `not written (${(e as Error)?.message ?? e})`;
      }
    },
  };
  (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK] = hook;
  return { script };
}

let compiled: { script: vm.Script } | undefined;
try {
  compiled = compile();
} catch (e) {
  // A cache that cannot be used must never keep the server from starting.
  process.stderr.write(`Dockerfile Doctor: the code cache is not used (${(e as Error)?.message ?? e}).\n`);
  delete (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK];
}
if (compiled) {
  const m = new Module(main, module);
  m.filename = main;
  const run = compiled.script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(m.exports, m.exports, Module.createRequire(main), m, main, path.dirname(main));
  m.loaded = true;
} else {
  require(main);
}
