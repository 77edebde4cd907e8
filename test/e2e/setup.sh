#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3) plus Debian's Chromium, a
# CJK font and playwright-core, so `npm run test:e2e` can run the extension test suite offline.
# Idempotent: a second run returns in about a second when everything is in place.
#
#   bash test/e2e/setup.sh            # installs into ${DD_E2E_HOME:-<repo>/.e2e}
#
# Recipe: code-server's own postinstall downloads ripgrep from GitHub (not reachable here),
# so it is installed with --ignore-scripts and its native modules are rebuilt by hand.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.64.1
# fonts-wqy-microhei: a CJK font, so the zh-cn pass's screenshots show Chinese, not boxes.
APT_PACKAGES=(libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config ripgrep chromium fonts-wqy-microhei)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_HOME="${DD_E2E_HOME:-$ROOT/.e2e}"
CS="$E2E_HOME/node_modules/code-server"
ENTRY="$CS/out/node/entry.js"
VSC="$CS/lib/vscode"

T0=$SECONDS
step_name=""
step_start=$SECONDS
step_end() { [ -z "$step_name" ] || echo "[setup]   ${step_name}: $((SECONDS - step_start))s"; }
step() { # step NAME: closes the previous step (with its duration) and starts the next
  step_end
  step_name="$*"
  step_start=$SECONDS
  echo "[setup] $*"
}

# npm 11 warns about this user config on every call; it is harmless.
export npm_config_loglevel="${npm_config_loglevel:-error}"

# --- 1. Debian packages ----------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  step "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "[setup] Debian packages already present: ${APT_PACKAGES[*]}"
fi

# --- 2. fast path -------------------------------------------------------------------------
# `entry.js --version` writes a default config.yaml into $XDG_CONFIG_HOME/code-server: keep it in here.
cs_version() { XDG_CONFIG_HOME="$E2E_HOME/.config" node "$ENTRY" --version 2>/dev/null; }
installed_ok() {
  [ -f "$ENTRY" ] &&
    [ -f "$E2E_HOME/node_modules/playwright-core/package.json" ] &&
    [ -f "$E2E_HOME/.complete" ] &&
    cs_version | grep -q "^$CODE_SERVER_VERSION "
}
if installed_ok; then
  step_name=""
  echo "[setup] code-server $CODE_SERVER_VERSION and playwright-core already installed in $E2E_HOME"
  echo "[setup] done in $((SECONDS - T0))s"
  exit 0
fi

# --- 3. code-server + playwright-core ------------------------------------------------------
mkdir -p "$E2E_HOME"
rm -f "$E2E_HOME/.complete"
cd "$E2E_HOME"
[ -f package.json ] || echo '{ "name": "dd-e2e-tools", "private": true }' >package.json
step "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (--ignore-scripts)"
npm install --no-save --no-audit --no-fund --ignore-scripts \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"

step "npm rebuild argon2"
npm rebuild argon2

cd "$VSC"
step "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts --no-audit --no-fund

step "lib/vscode: rebuild native modules"
npm_config_yes=true npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid

step "lib/vscode: ripgrep symlink + node_modules.asar"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar

cd "$VSC/extensions"
step "lib/vscode/extensions: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts --no-audit --no-fund

step "check"
version="$(cs_version | tail -1)"
echo "[setup] $version"
echo "$version" | grep -q "^$CODE_SERVER_VERSION " || { echo "[setup] unexpected code-server version" >&2; exit 1; }
touch "$E2E_HOME/.complete"
step_end
echo "[setup] installed in $E2E_HOME; done in $((SECONDS - T0))s"
