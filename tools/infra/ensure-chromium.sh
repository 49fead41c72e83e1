#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the dashboard's browser test (driven by playwright-core, which
# downloads nothing): installs the `chromium` package when it is missing, as root or through passwordless sudo.
# Prints the browser's path on stdout.
#
#   bash tools/infra/ensure-chromium.sh
#
# Environment: CHROMIUM_PATH (default /usr/bin/chromium) — a browser to use instead.
set -euo pipefail

BROWSER="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$BROWSER" ]]; then
  echo "$BROWSER"
  exit 0
fi
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  echo "chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
if ! command -v apt-get > /dev/null; then
  echo "chromium: $BROWSER is missing and this is not a Debian-like system: install chromium or set CHROMIUM_PATH" >&2
  exit 1
fi
if [[ $(id -u) -eq 0 ]]; then
  AS_ROOT=()
elif sudo -n true 2> /dev/null; then
  AS_ROOT=(sudo -n)
else
  echo "chromium: $BROWSER is missing; run: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "chromium: installing the Debian package (once)" >&2
# Another job may hold the dpkg lock for a moment: apt waits for it rather than failing.
"${AS_ROOT[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
DEBIAN_FRONTEND=noninteractive "${AS_ROOT[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium >&2
[[ -x "$BROWSER" ]] || { echo "chromium: the package installed no $BROWSER" >&2; exit 1; }
echo "$BROWSER"
