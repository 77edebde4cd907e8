#!/usr/bin/env node
// `npm run test:e2e`: runs test/e2e/suite in a REAL VS Code (code-server 4.100.3, i.e.
// VS Code 1.100.3 with its node extension host) against the PACKAGED extension:
//   1. `npm run package` (or --vsix PATH), bundle the suite;
//   2. install the .vsix into a fresh extensions dir;
//   3. start code-server on a free loopback port with a fresh user-data-dir;
//   4. headless Chromium (playwright-core) opens the workbench with the suite as
//      extensionTestsPath and the empty test/e2e/host as extensionDevelopmentPath, so the
//      extension under test is the installed .vsix;
//   5. wait for the suite's result file, print it, take screenshots (best effort).
// Needs `bash test/e2e/setup.sh` first (installs code-server, Chromium, playwright-core).
//
// Display languages: `--locales en,zh-cn` (what `npm run test:e2e` does) packages once and runs
// one pass per language; `--locale zh-cn` runs one pass with VS Code's display language set to
// zh-cn (code-server --locale plus the fixture language pack in language-pack-zh-cn/, since the
// real one comes from the marketplace), where the suite checks the Chinese messages.
//
//   node test/e2e/run-code-server.mjs [--locales L1,L2 | --locale L] [--vsix PATH]
//                                     [--no-screenshots] [--timeout SECONDS] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const e2eDir = path.join(root, 'test/e2e');
const e2eHome = path.resolve(process.env.DD_E2E_HOME ?? path.join(root, '.e2e'));
const entry = path.join(e2eHome, 'node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.DD_E2E_CHROMIUM ?? '/usr/bin/chromium';
const screenshotDir = path.join(e2eDir, 'screenshots');

// ---- arguments ---------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const vsixArg = opt('--vsix');
const timeoutMs = Number(opt('--timeout') ?? 180) * 1000;
const wantScreenshots = !argv.includes('--no-screenshots');
const keep = argv.includes('--keep');
const locale = (opt('--locale') ?? 'en').toLowerCase();
const locales = opt('--locales')?.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);
function die(msg) {
  console.error(`[e2e] ERROR: ${msg}`);
  process.exit(1);
}

// ---- prerequisites -----------------------------------------------------------------------
if (!fs.existsSync(entry)) {
  die(`code-server is not installed in ${e2eHome}. Run \`bash test/e2e/setup.sh\` first (DD_E2E_HOME selects the folder).`);
}
if (!fs.existsSync(chromiumPath)) {
  die(`Chromium not found at ${chromiumPath}. Run \`bash test/e2e/setup.sh\` first (or set DD_E2E_CHROMIUM).`);
}
const requireE2e = createRequire(path.join(e2eHome, 'package.json'));
let chromium;
try {
  ({ chromium } = requireE2e('playwright-core'));
} catch {
  die(`playwright-core is not installed in ${e2eHome}. Run \`bash test/e2e/setup.sh\` first.`);
}

function runStep(what, cmd, args, env = process.env, cwd = root) {
  const start = Date.now();
  say(what);
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) die(`${what}: ${r.error.message}`);
  if (r.status !== 0) die(`${what} failed (exit ${r.status ?? r.signal})`);
  say(`${what}: done in ${((Date.now() - start) / 1000).toFixed(1)}s`);
}

// ---- 1. the .vsix and the suite ------------------------------------------------------------
let vsix;
if (vsixArg) {
  vsix = path.resolve(vsixArg);
  if (!fs.existsSync(vsix)) die(`--vsix ${vsix}: no such file`);
} else {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  runStep('npm run package', process.execPath, [path.join(root, 'scripts/package.mjs')]);
  vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
}
if (locales) {
  // One pass per display language, each a fresh run of this script with the same .vsix.
  const passArgs = argv.filter((a, i) => !['--locales', '--vsix'].includes(a) && !['--locales', '--vsix'].includes(argv[i - 1]));
  let failed = [];
  for (const l of locales) {
    say(`---- pass: display language ${l} ----`);
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...passArgs, '--vsix', vsix, '--locale', l], { stdio: 'inherit' });
    if (r.status !== 0) failed.push(l);
  }
  say(failed.length ? `FAILED in: ${failed.join(', ')}` : `all passes green: ${locales.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
}
runStep('bundle the suite', process.execPath, [path.join(e2eDir, 'build.mjs')]);
const suite = path.join(root, 'out/e2e/suite/index.js');

// ---- 2. fresh folders, the .vsix installed ---------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-'));
const extensionsDir = path.join(tmp, 'extensions');
const userDataDir = path.join(tmp, 'user-data');
const resultFile = path.join(tmp, 'result.json');
const serverLog = path.join(tmp, 'code-server.log');
const copyWorkspace = (name) => {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(e2eDir, 'workspace'), dir, { recursive: true });
  return dir;
};
const testWorkspace = copyWorkspace('workspace');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userDataDir, 'User/settings.json'),
  JSON.stringify(
    {
      'telemetry.telemetryLevel': 'off',
      'workbench.enableExperiments': false,
      'workbench.startupEditor': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'git.enabled': false,
      'files.hotExit': 'off',
    },
    null,
    2,
  ),
);
// code-server writes a default config (with a password) if none exists: give it its own.
const configFile = path.join(tmp, 'config.yaml');
fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
const csArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
// No extension gallery: nothing to reach offline, and the test must not depend on one.
const csEnv = { ...process.env, EXTENSIONS_GALLERY: '{}' };

runStep(`install ${path.relative(root, vsix)} into a fresh extensions dir`, process.execPath, [
  entry,
  ...csArgs,
  '--install-extension',
  vsix,
], csEnv);
if (!locale.startsWith('en')) {
  // VS Code only switches its display language (vscode.env.language, package.nls.<l>.json,
  // l10n bundles) when a language pack for it is installed.
  const packDir = path.join(e2eDir, `language-pack-${locale}`);
  if (!fs.existsSync(packDir)) die(`--locale ${locale}: no fixture language pack ${path.relative(root, packDir)}`);
  const packSrc = path.join(tmp, `language-pack-${locale}`);
  fs.cpSync(packDir, packSrc, { recursive: true });
  const packVsix = path.join(tmp, `language-pack-${locale}.vsix`);
  runStep(`package the ${locale} language pack`, process.execPath, [
    path.join(root, 'node_modules/@vscode/vsce/vsce'),
    'package',
    '--skip-license',
    '--allow-missing-repository',
    '--out',
    packVsix,
  ], process.env, packSrc);
  runStep(`install the ${locale} language pack`, process.execPath, [entry, ...csArgs, '--install-extension', packVsix], csEnv);
  // A language pack installed from the UI is registered in <user-data>/languagepacks.json by
  // the running server; one installed from the command line is not, so register it the same way.
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = path.join(extensionsDir, `${id}-${manifest.version}`);
  if (!fs.existsSync(installed)) die(`the ${locale} language pack is not in ${installed}`);
  const packs = {};
  for (const loc of manifest.contributes.localizations) {
    packs[loc.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(loc.translations.map((t) => [t.id, path.join(installed, t.path)])),
      label: loc.localizedLanguageName ?? loc.languageName,
    };
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

// ---- 3. code-server ----------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let server;
let browser;
let cleanedUp = false;
async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM'); // its whole process group: extension hosts too
    } catch {}
    const t = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(t);
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`[e2e] ${sig}: stopping`);
    cleanUp().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  // Last resort when we die unexpectedly (cleanUp is async and may not have run).
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
  }
});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
say(`start code-server on ${base}`);
const logStream = fs.createWriteStream(serverLog);
server = spawn(
  process.execPath,
  [
    entry,
    ...csArgs,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--locale',
    locale,
    testWorkspace,
  ],
  {
    cwd: tmp,
    detached: true, // own process group, so cleanUp() can stop it and its children
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...csEnv,
      DD_E2E_RESULT: resultFile,
      DD_E2E_EXPECT_VSIX: '1',
      DD_E2E_EXTENSIONS_DIR: extensionsDir,
      DD_E2E_LOCALE: locale,
    },
  },
);
server.stdout.pipe(logStream);
server.stderr.pipe(logStream);
const serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
async function fail(msg) {
  console.error(`[e2e] ERROR: ${msg}`);
  console.error(`[e2e] last lines of ${serverLog}:\n${tail(serverLog)}`);
  for (const f of findFiles(path.join(userDataDir, 'logs'), /exthost\.log$/)) {
    console.error(`[e2e] ${f}:\n${tail(f, 30)}`);
  }
  console.error(`[e2e] temp folder kept: ${tmp}`);
  await cleanUp();
  process.exit(1);
}
function findFiles(dir, re) {
  const found = [];
  const walk = (d) => {
    let entries = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(e.name)) found.push(p);
    }
  };
  walk(dir);
  return found;
}

/** Resolves once code-server answers /healthz; rejects when it exits or after `ms`. */
async function waitForServer(ms = 60_000) {
  const deadline = Date.now() + ms;
  let exited = false;
  serverExited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(exited ? `code-server exited (${await serverExited})` : `code-server did not answer within ${ms / 1000}s`);
}
try {
  await waitForServer();
} catch (e) {
  await fail(e.message);
}
say('code-server is up');

// ---- 4. the suite in the browser ---------------------------------------------------------------
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(path.join(e2eDir, 'host'))],
  ['extensionTestsPath', remote(suite)],
];
const testUrl = `${base}/?folder=${encodeURIComponent(testWorkspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
} catch (e) {
  await fail(`cannot start Chromium (${chromiumPath}): ${e.message}`);
}
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.on('console', (m) => {
  // The extension host's console is forwarded to the page: show the suite's own lines.
  const text = m.text();
  if (text.includes('[dd-e2e]')) console.log(`  ${text.replace(/^.*?\[dd-e2e\]\s*/, '')}`);
});
say('open the workbench with the suite');
await page.goto(testUrl).catch((e) => say(`page.goto: ${e.message}`));

async function waitForResult(ms) {
  const deadline = Date.now() + ms;
  let exited = false;
  serverExited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    if (fs.existsSync(resultFile)) return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}
const result = await waitForResult(timeoutMs);
if (!result) {
  await page
    .screenshot({ path: path.join(tmp, 'timeout.png') })
    .then(() => console.error(`[e2e] screenshot of the page at the time-out: ${path.join(tmp, 'timeout.png')}`))
    .catch(() => {});
  await fail(
    server.exitCode !== null
      ? `code-server exited (${server.exitCode}) before the suite wrote ${resultFile}`
      : `no result from the suite within ${timeoutMs / 1000}s (it writes ${resultFile}); is the extension host running?`,
  );
}
{
  // The server keeps its V8 code cache (server/src/bootstrap.ts) in the extension's global storage:
  // written 3 s after its first diagnostics, long before the suite ends.
  const cacheDir = path.join(userDataDir, 'User', 'globalStorage', 'dockerfile-doctor.dockerfile-doctor', 'code-cache');
  const files = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => /^server-[0-9a-f]{16}\.cache$/.test(f)) : [];
  const ok = files.length === 1 && fs.statSync(path.join(cacheDir, files[0])).size > 100_000;
  result.tests.push({ name: "the server wrote its code cache to the extension's global storage", ok, ms: 0, error: `found ${JSON.stringify(files)} in ${cacheDir}` });
  if (ok) result.passed++;
  else result.failed++;
  // The suite's last test restarts the server: the second server loads that cache (its line in
  // the "Dockerfile Doctor" output channel, which VS Code writes to the logs folder).
  const channelLogs = findFiles(path.join(userDataDir, 'logs'), /Dockerfile Doctor\.log$/);
  const loaded = channelLogs.some((f) => fs.readFileSync(f, 'utf8').includes('Code cache: loaded at start'));
  result.tests.push({ name: 'after a restart, the server loaded that code cache (output channel)', ok: loaded, ms: 0, error: `no "Code cache: loaded at start" in ${JSON.stringify(channelLogs)}` });
  if (loaded) result.passed++;
  else result.failed++;
}
say(`suite finished: ${result.passed} passed, ${result.failed} failed`);
for (const [k, v] of Object.entries(result.metrics ?? {})) say(`${k}: ${v}`);
for (const t of result.tests) {
  console.log(`${t.ok ? 'ok  ' : 'FAIL'} ${t.name} (${t.ms} ms)${t.ok ? '' : `\n     ${t.error.replace(/\n/g, '\n     ')}`}`);
}
await page.close().catch(() => {});

// ---- 5. screenshots, as a person sees it (best effort) -----------------------------------------
async function screenshots() {
  // No stale pictures from an earlier run: the English pass owns 1-4, a language pass its own.
  fs.mkdirSync(screenshotDir, { recursive: true });
  const mine = (f) => (locale.startsWith('en') ? /^(?:[1-4]|7|8|9|10|13|14|15)-/.test(f) : f.includes(`-${locale}`));
  for (const f of fs.readdirSync(screenshotDir)) if (mine(f)) fs.rmSync(path.join(screenshotDir, f));
  const shotsWorkspace = copyWorkspace('workspace-screenshots');
  const p = await context.newPage();
  const shot = async (name, what, fn) => {
    try {
      await fn();
      const file = path.join(screenshotDir, `${name}.png`);
      await p.screenshot({ path: file });
      say(`screenshot ${path.relative(root, file)}: ${what}`);
    } catch (e) {
      say(`screenshot ${name} (${what}) not taken: ${e.message.split('\n')[0]}`);
      await p.screenshot({ path: path.join(screenshotDir, `${name}-failed.png`) }).catch(() => {});
    }
  };
  const visible = (sel, timeout = 20_000) => p.locator(sel).first().waitFor({ state: 'visible', timeout });
  await p.goto(`${base}/?folder=${encodeURIComponent(shotsWorkspace)}`);
  await visible('.monaco-workbench .part.editor', 60_000);

  // The steps a person takes; each screenshot shows the workbench after some of them.
  const openDockerfile = async () => {
    await p.keyboard.press('Control+P');
    await visible('.quick-input-widget input');
    await p.keyboard.type('Dockerfile');
    await visible('.quick-input-list .monaco-list-row');
    await p.keyboard.press('Enter');
    await visible('.monaco-editor .view-lines');
    await visible('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info');
  };
  const showProblems = async () => {
    await p.keyboard.press('Control+Shift+M');
    await visible('.markers-panel .monaco-list-row');
  };
  const quickFixOnLine2 = async () => {
    await p.locator('.monaco-editor .view-lines').first().click();
    await p.keyboard.press('Control+G');
    await visible('.quick-input-widget input');
    await p.keyboard.type('2');
    await p.keyboard.press('Enter');
    await p.keyboard.press('Control+.');
    await visible('.action-widget');
  };
  const typeMirror = async () => {
    await p.keyboard.press('Escape');
    await p.keyboard.press('Control+End');
    await p.keyboard.press('Enter');
    await p.keyboard.type('mirror');
    try {
      await visible('.suggest-widget.visible .monaco-list-row', 5_000);
    } catch {
      await p.keyboard.press('Control+Space');
      await visible('.suggest-widget.visible .monaco-list-row');
    }
  };

  const command = async (title) => {
    await p.keyboard.press('Escape');
    await p.keyboard.press('Control+Shift+P');
    await visible('.quick-input-widget input');
    await p.keyboard.type(title);
    await visible('.quick-input-list .monaco-list-row');
    await p.keyboard.press('Enter');
  };
  const openMulti = async () => {
    await p.keyboard.press('Escape');
    await p.keyboard.press('Control+P');
    await visible('.quick-input-widget input');
    await p.keyboard.type('multi.Dockerfile');
    // The row of that file, not the first row shown while Quick Open is still filtering
    // (Enter on that re-opened the other Dockerfile), then the editor of that file.
    await visible('.quick-input-list .monaco-list-row[aria-label*="multi.Dockerfile"]');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.title.includes('multi.Dockerfile'), null, { timeout: 20_000 });
    await visible('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info');
  };
  const goto = async (line, col = 1) => {
    await p.locator('.monaco-editor .view-lines').first().click();
    await p.keyboard.press('Control+G');
    await visible('.quick-input-widget input');
    await p.keyboard.type(`${line}:${col}`);
    await p.keyboard.press('Enter');
  };
  const lightBulbOnAdd = async () => {
    await openMulti();
    await goto(7, 2);
    await p.keyboard.press('Control+.');
    await visible('.action-widget');
  };
  const outline = async () => {
    await openMulti();
    await command('Explorer: Focus on Outline View');
    await visible('.outline-pane .monaco-list-row, .pane-body .monaco-tl-row');
  };
  const completeFrom = async () => {
    await openMulti();
    await goto(9, 13);
    // Type the `=` again, as a user does: it is a trigger character of the server's completion
    // (Ctrl+Space right after Go to Line did not always reach the editor in headless Chromium).
    await p.keyboard.press('Backspace');
    await p.keyboard.type('=');
    try {
      await visible('.suggest-widget.visible .monaco-list-row', 5_000);
    } catch {
      await p.keyboard.press('Control+Space');
      await visible('.suggest-widget.visible .monaco-list-row');
    }
  };
  const hoverFrom = async () => {
    await openMulti();
    await goto(6, 2);
    await p.keyboard.press('Control+K');
    await p.keyboard.press('Control+I');
    await visible('.monaco-hover .hover-contents, .monaco-hover .markdown-hover');
  };

  const renameStage = async () => {
    await openMulti();
    await goto(1, 23);
    await p.keyboard.press('F2');
    // Type only once the rename box has the focus (its text is selected: typing replaces it).
    await p.waitForFunction(() => !!document.activeElement?.closest('.rename-box'), null, { timeout: 20_000 });
    await p.keyboard.type('builder');
    await p.keyboard.press('Enter');
    // Both places show the new name: `AS builder` (line 1) and `--from=builder` (line 9).
    await p.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].filter((l) => l.textContent.includes('builder')).length >= 2, null, { timeout: 20_000 });
  };
  const messyLine = async () => {
    await openMulti();
    await goto(5, 1);
    await p.keyboard.type('run    echo hi   ');
    await p.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith('run    echo hi')), null, { timeout: 20_000 });
  };
  const formatDocument = async () => {
    // Through the Command Palette: Shift+Alt+F opens the browser's File menu in code-server.
    await command('Format Document');
    await p.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').trimEnd() === 'RUN echo hi'), null, { timeout: 20_000 });
    // And the re-lint of the formatted text has reached the Problems panel.
    await p.waitForFunction(() => !(document.querySelector('.markers-panel')?.textContent ?? '').includes("Command 'run'"), null, { timeout: 10_000 }).catch(() => {});
  };

  if (locale.startsWith('en')) {
    await shot('1-diagnostics', 'the sample Dockerfile with squiggles', openDockerfile);
    await shot('2-problems', 'the Problems panel', showProblems);
    await shot('3-quick-fix', 'the quick-fix menu (Ctrl+.) on line 2', quickFixOnLine2);
    await shot('4-snippet', 'snippet completion after typing "mirror"', typeMirror);
    await shot('7-light-bulb', 'the light-bulb menu on an ADD: fix, ignore, docs, fix all', lightBulbOnAdd);
    await shot('8-outline', 'the Outline view of a two-stage Dockerfile', outline);
    await shot('9-completion-from', 'completion after COPY --from=', completeFrom);
    await shot('10-hover', 'hover on FROM', hoverFrom);
    await shot('13-rename', 'rename the stage build → builder (F2): AS and --from= follow', renameStage);
    await shot('14-format-before', 'a messy line: lower-case keyword, extra and trailing blanks', messyLine);
    await shot('15-format-after', 'after Format Document', formatDocument);
  } else {
    // The same Dockerfile in the other display language: Problems panel and quick-fix menu.
    await shot(`5-${locale}-problems`, `the Problems panel in ${locale}`, async () => {
      await openDockerfile();
      await showProblems();
    });
    await shot(`6-${locale}-quick-fix`, `the quick-fix menu in ${locale}`, quickFixOnLine2);
    await shot(`11-${locale}-hover`, `hover on FROM in ${locale}`, hoverFrom);
    await shot(`12-${locale}-light-bulb`, `the light-bulb menu in ${locale}`, lightBulbOnAdd);
  }
  await p.close();
}
if (wantScreenshots) {
  say('screenshots');
  await screenshots().catch((e) => say(`screenshots stopped: ${e.message.split('\n')[0]}`));
}

await cleanUp();
if (result.failed === 0 && !keep) fs.rmSync(tmp, { recursive: true, force: true });
else say(`temp folder kept: ${tmp}`);
say(`total ${elapsed()}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
