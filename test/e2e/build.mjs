#!/usr/bin/env node
// Bundles the e2e suite (test/e2e/suite/index.ts) into out/e2e/suite/index.js, the file
// VS Code loads as extensionTestsPath. `vscode` is provided by the extension host.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

await esbuild.build({
  absWorkingDir: root,
  entryPoints: { index: 'test/e2e/suite/index.ts' },
  outdir: path.join(root, 'out/e2e/suite'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});
