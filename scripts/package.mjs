#!/usr/bin/env node
// `npm run package`: production bundles, then `vsce package` → dockerfile-doctor-<version>.vsix
// in the repository root. Everything the extension runs is bundled into dist/, so the
// .vsix carries no node_modules (--no-dependencies); .vscodeignore is an allowlist.
//
//   node scripts/package.mjs [--out FILE] [--skip-build]
//
// Prints the .vsix's file list and size, and fails when it is larger than
// DD_VSIX_MAX_MB (default 3) or ships something that should not be there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = args.indexOf('--out');
const out = path.resolve(root, outIndex >= 0 ? args[outIndex + 1] : `${pkg.name}-${pkg.version}.vsix`);
const maxBytes = Number(process.env.DD_VSIX_MAX_MB ?? 3) * 1024 * 1024;

function run(what, cmd, cmdArgs) {
  const t0 = Date.now();
  console.log(`[package] ${what}`);
  // stdin closed: vsce must never wait for an answer (CI has no terminal).
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`[package] ${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`[package] ${what}: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

if (!args.includes('--skip-build')) {
  // Overwrites dist/*.js with minified bundles; a dev build's *.map files stay in dist/
  // but .vscodeignore keeps them out of the package.
  run('build --production', process.execPath, [path.join(root, 'scripts/build.mjs'), '--production']);
}
for (const f of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'dist/browser/client.js', 'dist/browser/server.js']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`[package] ${f} is missing: the build did not produce it`);
    process.exit(1);
  }
}

let vsce;
try {
  vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
} catch {
  console.error('[package] @vscode/vsce is not installed: run `npm install` (it is a devDependency)');
  process.exit(1);
}
fs.rmSync(out, { force: true });
run('vsce package', process.execPath, [vsce, 'package', '--no-dependencies', '--out', out]);

// The archive's table of contents, read straight from the zip's central directory.
function listZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const entries = listZip(out).sort((a, b) => a.name.localeCompare(b.name));
const bytes = fs.statSync(out).size;
console.log(`[package] ${path.relative(root, out)}: ${entries.length} files, ${(bytes / 1024).toFixed(1)} KiB`);
for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);

const unexpected = entries.filter((e) => /(^|\/)(node_modules|src|test|bin|examples)\/|\.map$|\.ts$/.test(e.name));
if (unexpected.length) {
  console.error(`[package] the .vsix ships files it should not: ${unexpected.map((e) => e.name).join(', ')}`);
  console.error('[package] fix .vscodeignore');
  process.exit(1);
}
// Both extension hosts need their bundles and the parser: a .vsix without one is broken somewhere.
const names = new Set(entries.map((e) => e.name));
const required = ['client.js', 'server.js', 'server-main.js', 'browser/client.js', 'browser/server.js', 'web-tree-sitter.wasm', 'tree-sitter-bash.wasm'].map((f) => `extension/dist/${f}`);
const missing = required.filter((f) => !names.has(f));
if (missing.length) {
  console.error(`[package] the .vsix lacks ${missing.join(', ')}: fix .vscodeignore`);
  process.exit(1);
}
if (bytes > maxBytes) {
  console.error(`[package] the .vsix is ${(bytes / 1048576).toFixed(2)} MiB, over the ${maxBytes / 1048576} MiB limit (DD_VSIX_MAX_MB)`);
  process.exit(1);
}
