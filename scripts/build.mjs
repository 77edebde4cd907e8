#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild,
// and copies the tree-sitter .wasm files next to the bundles. The web extension's client and
// server (a Web Worker) go to dist/browser/; the worker fetches the .wasm files from dist/.
// `--tests` also bundles every test/**/*.test.ts into out/test/ for `node --test`.
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  loader: { '.md': 'text', '.code-snippets': 'json' },
  external: ['vscode'],
  // web-tree-sitter's ESM build needs import.meta.url, which a CJS bundle lacks: use its CJS build.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });

for (const [from, to] of [
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
]) {
  fs.copyFileSync(path.join(root, from), path.join(dist, to));
}

// The browser bundles: platform 'browser' makes esbuild fail on any Node built-in module that
// sneaks in (nothing is aliased to an empty shim). web-tree-sitter's ESM build is used as it
// is: its `import.meta.url` only serves to find the .wasm, which the server passes as bytes.
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  alias: {},
  define: { 'import.meta.url': 'globalThis.location.href' },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: dist },
  // dist/server.js is the small bootstrap that loads dist/server-main.js with a V8 code cache (bootstrap.ts).
  { entryPoints: { server: 'server/src/bootstrap.ts', 'server-main': 'server/src/server.ts', cli: 'server/src/cli.ts' }, outdir: dist },
  // The web extension host loads the client as a CommonJS module (`vscode` is provided to it).
  { ...browser, format: 'cjs', entryPoints: { client: 'client/src/browserExtension.ts' }, outdir: path.join(dist, 'browser') },
  { ...browser, entryPoints: { server: 'server/src/browserServer.ts' }, outdir: path.join(dist, 'browser') },
];

if (args.has('--tests')) {
  const entries = {};
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'fixtures' && e.name !== 'e2e') walk(rel);
      } else if (e.name.endsWith('.test.ts')) {
        entries[rel.replace(/^test[\\/]/, '').replace(/\.ts$/, '')] = rel;
      }
    }
  };
  walk('test');
  fs.rmSync(path.join(root, 'out/test'), { recursive: true, force: true });
  builds.push({ entryPoints: entries, outdir: path.join(root, 'out/test'), inject: ['test/nodeHost.setup.ts'] });
}

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, absWorkingDir: root })));
// A browser bundle that needs a Node module fails the build (esbuild reports it as an error).
if (args.has('--watch')) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
