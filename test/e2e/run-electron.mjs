#!/usr/bin/env node
// `npm run test:e2e:electron`: the same suite as `npm run test:e2e` (test/e2e/suite), in a
// desktop VS Code through @vscode/test-electron. It downloads VS Code, so it needs the
// internet (a developer laptop, public CI); on an offline machine use `npm run test:e2e`.
//
//   node test/e2e/run-electron.mjs [--vsix PATH | --packaged] [--code PATH] [--vscode-version V]
//
//   default          development mode: `npm run build`, the extension loads from this folder
//   --packaged       `npm run package`, then test that .vsix (installed in a fresh extensions dir)
//   --vsix PATH      test a given .vsix
//   --code PATH      use an installed VS Code instead of downloading one (or DD_VSCODE_EXECUTABLE)
//   --vscode-version the version to download (default: stable)
// On Linux without a display, run it under `xvfb-run -a`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const e2eDir = path.join(root, 'test/e2e');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const say = (msg) => console.log(`[e2e-electron] ${msg}`);
function die(msg) {
  console.error(`[e2e-electron] ERROR: ${msg}`);
  process.exit(1);
}
function runStep(what, cmd, args) {
  say(what);
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) die(`${what}: ${r.error.message}`);
  if (r.status !== 0) die(`${what} failed (exit ${r.status ?? r.signal})`);
}

let testElectron;
try {
  testElectron = await import('@vscode/test-electron');
} catch {
  die('@vscode/test-electron is not installed: run `npm install` (it is a devDependency)');
}
const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = testElectron;

// ---- what to test ------------------------------------------------------------------------
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
let vsix = opt('--vsix') && path.resolve(opt('--vsix'));
if (argv.includes('--packaged')) {
  runStep('npm run package', process.execPath, [path.join(root, 'scripts/package.mjs')]);
  vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
} else if (!vsix) {
  runStep('npm run build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
}
if (vsix && !fs.existsSync(vsix)) die(`${vsix}: no such file`);
runStep('bundle the suite', process.execPath, [path.join(e2eDir, 'build.mjs')]);

// ---- VS Code -------------------------------------------------------------------------------
let vscodeExecutablePath = opt('--code') ?? process.env.DD_VSCODE_EXECUTABLE;
if (vscodeExecutablePath) {
  if (!fs.existsSync(vscodeExecutablePath)) die(`VS Code executable not found: ${vscodeExecutablePath}`);
} else {
  const version = opt('--vscode-version') ?? 'stable';
  say(`download VS Code ${version} (cached in .vscode-test/)`);
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(root, '.vscode-test'), timeout: 30_000 });
  } catch (e) {
    die(
      `could not download VS Code ${version}: ${e?.message ?? e}\n` +
        '  @vscode/test-electron needs the internet to fetch VS Code. On an offline machine run the same\n' +
        '  suite in code-server instead: `bash test/e2e/setup.sh && npm run test:e2e`.\n' +
        '  Or point at an installed VS Code: --code /path/to/code (or DD_VSCODE_EXECUTABLE).',
    );
  }
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  say('warning: no DISPLAY; if VS Code fails to start, run this under `xvfb-run -a`');
}

// ---- fresh folders --------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-electron-'));
const extensionsDir = path.join(tmp, 'extensions');
const userDataDir = path.join(tmp, 'user-data');
const workspace = path.join(tmp, 'workspace');
const resultFile = path.join(tmp, 'result.json');
fs.cpSync(path.join(e2eDir, 'workspace'), workspace, { recursive: true });
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userDataDir, 'User/settings.json'),
  JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'git.enabled': false,
  }),
);

if (vsix) {
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  say(`install ${path.relative(root, vsix)} into a fresh extensions dir`);
  const r = spawnSync(
    cli,
    [...cliArgs, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (r.status !== 0) die(`installing ${vsix} failed (exit ${r.status ?? r.error?.message})`);
}

// ---- run ------------------------------------------------------------------------------------
let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath,
    // Packaged: an empty host extension as development path, so the .vsix is what runs.
    extensionDevelopmentPath: vsix ? path.join(e2eDir, 'host') : root,
    extensionTestsPath: path.join(root, 'out/e2e/suite/index.js'),
    extensionTestsEnv: {
      DD_E2E_RESULT: resultFile,
      DD_E2E_EXPECT_VSIX: vsix ? '1' : '0',
      DD_E2E_EXTENSIONS_DIR: extensionsDir,
    },
    launchArgs: [
      workspace,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
    ],
  });
} catch (e) {
  exitCode = 1;
  console.error(`[e2e-electron] ${e?.message ?? e}`);
}

if (!fs.existsSync(resultFile)) {
  die(`the suite wrote no result (${resultFile}): VS Code did not run it; see the output above. Temp folder: ${tmp}`);
}
const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
for (const t of result.tests) {
  console.log(`${t.ok ? 'ok  ' : 'FAIL'} ${t.name} (${t.ms} ms)${t.ok ? '' : `\n     ${t.error.replace(/\n/g, '\n     ')}`}`);
}
console.log(`${result.passed} passed, ${result.failed} failed`);
if (result.failed > 0 || result.passed === 0) exitCode = 1;
if (exitCode === 0) fs.rmSync(tmp, { recursive: true, force: true });
else say(`temp folder kept: ${tmp}`);
process.exit(exitCode);
