#!/usr/bin/env bash
# Installs the Debian packages QuiltArchive and its tests need, only those that are missing.
# Python's venv module (Debian ships it apart) for .venv, Qt's offscreen and windowed platform
# libraries and fonts, Xvfb for screenshots, Chromium and its driver for the gallery tests,
# exiftool as the judge of exported metadata.
# `--list` prints the packages, one a line, and installs nothing.
set -euo pipefail

PACKAGES=(
  python3 python3-venv
  libegl1 libgl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
  chromium chromium-driver libatomic1
  libimage-exiftool-perl
)
# The gallery tests run axe-core (installed with npm) in Chromium; Node.js comes from Debian
# only when there is none already.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

if [[ "${1:-}" == "--list" ]]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-like system: please install the equivalents of: ${PACKAGES[*]}" >&2
  exit 0
fi

missing=()
for package in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo)
else
  echo "Please install these packages as root: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
