#!/usr/bin/env bash
# Sets up the hall kiosk on a fresh Debian 12: system packages, .venv, pinned Python packages, translations.
# Idempotent: a second run finds everything in place and only checks (a few seconds).
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  # Python and what pyscard needs to build
  python3 python3-venv python3-dev gcc swig libpcsclite-dev
  # smart cards: the daemon and the virtual reader the tests and demos use
  pcscd vsmartcard-vpcd
  # Qt runtime for offscreen and xcb (desktop window) platforms; libpulse0 for the virtual keyboard
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libxrender1 libxi6 libsm6 libice6 libpulse0
  # Chinese on screen and on raster receipts
  fonts-noto-cjk
  # voice prompts
  speech-dispatcher espeak-ng
  # the beep after a card read (aplay)
  alsa-utils
  # USB receipt printers (pyusb)
  libusb-1.0-0
  # central's deployment database; the tests start their own throwaway server from it
  postgresql
)

say() { printf '[install] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*  (run as root or install sudo)"; exit 1; fi
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages: all present"
fi

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
  say "$PY is not Python 3.11 (Debian 12's python3 is); set PYTHON=/path/to/python3.11"; exit 1
fi
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys' 2>/dev/null; then
  say "creating .venv"
  rm -rf .venv
  "$PY" -m venv .venv
fi

# reinstall only when the pins or the project metadata changed since the last successful install
stamp=.venv/.kiosk-install-stamp
want=$(cat constraints.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! .venv/bin/python -c 'import kiosk, PySide6, dlib, smartcard' 2>/dev/null; then
  say "installing Python packages (pinned in constraints.txt)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e '.[test]'
  echo "$want" > "$stamp"
else
  say "Python packages: up to date"
fi

# translations: .ts sources -> .qm (the kiosk also builds a stale one at start)
for ts in ui/i18n/*.ts; do
  qm=${ts%.ts}.qm
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
say "ready: .venv/bin/kiosk run --windowed   |   .venv/bin/python -m pytest"
