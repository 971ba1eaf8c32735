#!/usr/bin/env bash
# Sets up the hall kiosk on a fresh Debian 12.
#   ./install.sh                          development: system packages, .venv with the test tools, translations.
#                                         Idempotent: a second run finds everything in place (a few seconds).
#   ./install.sh --terminal [--dry-run]   a production terminal (docs/terminal.md): the app in /opt/kiosk, the
#                                         kiosk user, /etc/kiosk/kiosk.toml, /var/lib/kiosk, the systemd units;
#                                         --dry-run prints what it would install and write and changes nothing.
set -euo pipefail
cd "$(dirname "$0")"

MODE=development DRY_RUN=0
for arg in "$@"; do
  case $arg in
    --terminal) MODE=terminal ;;
    --dry-run) DRY_RUN=1 ;;
    *) echo "usage: ./install.sh [--terminal [--dry-run]]" >&2; exit 2 ;;
  esac
done
if [ "$DRY_RUN" = 1 ] && [ "$MODE" != terminal ]; then
  echo "install.sh: --dry-run goes with --terminal" >&2; exit 2
fi

# what pyscard needs to build (it has no Linux wheel; dlib comes as the dlib-bin wheel): a terminal builds it,
# then purges these again
BUILD_PACKAGES=(python3-dev gcc swig libpcsclite-dev)
# development only: the virtual reader the tests and demos use. It takes cards over TCP, never on a terminal
# and the kiosk-session test: a headless X server without a window manager, and key presses sent to it; the
# operations console's browser tests: Debian's Chromium and its WebDriver, and Firefox ESR (driven over the
# WebDriver BiDi it serves itself; Debian has no geckodriver) — no browser downloads
DEV_PACKAGES=(vsmartcard-vpcd xvfb xdotool chromium chromium-driver firefox-esr)
# development only: the A4 printing tests run their own cupsd with a cups-pdf queue (lpadmin, cupsenable from
# cups-client) and read its PDFs back (pdftotext, pdftoppm; the certificate tests too); a terminal with an A4
# printer: docs/a4-printing.md
DEV_PACKAGES+=(cups cups-client printer-driver-cups-pdf poppler-utils)
# the kiosk session: the compositor (Debian 12's cage refuses to start without Xwayland, which its package does not
# pull in) and the libraries Qt's Wayland platform plugin loads
SESSION_PACKAGES=(cage xwayland libwayland-client0 libwayland-cursor0 libwayland-egl1)
# development: the session test runs it on cage's headless backend; grim takes its screenshot
DEV_PACKAGES+=("${SESSION_PACKAGES[@]}" grim)
TERMINAL_PACKAGES=("${SESSION_PACKAGES[@]}")

APT_PACKAGES=(
  python3 python3-venv
  # smart cards: the daemon and the library pyscard loads
  pcscd libpcsclite1
  # Qt runtime for offscreen and xcb (desktop window) platforms; libpulse0 for the virtual keyboard
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libxrender1 libxi6 libsm6 libice6 libpulse0
  # Chinese on screen and on raster receipts
  fonts-noto-cjk
  # Chinese in central's A4 certificate PDFs (a TrueType font the PDF embeds as a subset)
  fonts-droid-fallback
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

if [ "$MODE" = terminal ]; then
  # shellcheck source=assets/terminal/install-terminal.sh
  . assets/terminal/install-terminal.sh
  exit 0
fi
APT_PACKAGES+=("${BUILD_PACKAGES[@]}" "${DEV_PACKAGES[@]}")

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

# the compact pinyin table search reads instead of pypinyin's 56 MB of dictionaries (kiosk/catalog/pinyin.py)
.venv/bin/python -c 'import sys; from kiosk.catalog.pinyin import table_path; sys.exit(not table_path().exists())' \
  || .venv/bin/python -m kiosk.catalog.pinyin_build

# translations: .ts sources -> .qm (the kiosk also builds a stale one at start)
for ts in ui/i18n/*.ts; do
  qm=${ts%.ts}.qm
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
say "ready: .venv/bin/kiosk run --windowed   |   .venv/bin/python -m pytest"
