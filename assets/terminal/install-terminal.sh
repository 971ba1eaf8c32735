# Production terminal, sourced by `./install.sh --terminal [--dry-run]` (docs/terminal.md): no test tools, no
# virtual reader, no compiler left behind; app in /opt/kiosk, configuration in /etc/kiosk, state in /var/lib/kiosk.
# Uses from install.sh: APT_PACKAGES, BUILD_PACKAGES, TERMINAL_PACKAGES, DRY_RUN, say, as_root.

PREFIX=/opt/kiosk
CONFIG_DIR=/etc/kiosk
STATE_DIR=/var/lib/kiosk
KIOSK_USER=kiosk
UNIT_DIR=/etc/systemd/system
UNITS=(kiosk.service kiosk-out-of-service.service)
# what runs on a terminal; tests/, bench/ and the development .venv stay behind
PY_PARTS=(kiosk drivers ui offline_queue protocol central)
APP_PARTS=("${PY_PARTS[@]}" assets docs pyproject.toml constraints.txt README.md)
# devices the kiosk opens outside its logind seat: serial ID card readers and receipt printers; and the journal,
# whose kiosk lines the staff screen shows (kiosk/journal_tail.py)
KIOSK_GROUPS=(dialout lp systemd-journal)
# kiosk.toml keys a terminal changes on first install: state under STATE_DIR, logs to the journal
CONFIG_OVERRIDES=(
  "logging.target=\"journald\""
  "logging.directory=\"$STATE_DIR/log\""
  "storage.state_directory=\"$STATE_DIR\""
  "devices.printer.sim_output_dir=\"$STATE_DIR/receipts\""
  "catalog.directory=\"$PREFIX/assets/catalog\""
  "catalog.updates_directory=\"$STATE_DIR/catalog\""
  "catalog.tickets_database=\"$STATE_DIR/tickets.sqlite3\""
  "central.credentials_file=\"$STATE_DIR/terminal.secret\""
  "queue.database=\"$STATE_DIR/queue.sqlite3\""
  "queue.key_file=\"$STATE_DIR/queue.key\""
  "maintenance.state_file=\"$STATE_DIR/staff.json\""
)

run() {  # a change to the machine: done as root, or only printed with --dry-run
  if [ "$DRY_RUN" = 1 ]; then printf '[dry-run] %s\n' "$*"; else as_root "$@"; fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

KEEP=("${APT_PACKAGES[@]}" "${TERMINAL_PACKAGES[@]}")
BUILD_ONLY=()  # build packages this run installs, and so purges again (one already there is the owner's)
for pkg in "${BUILD_PACKAGES[@]}"; do installed "$pkg" || BUILD_ONLY+=("$pkg"); done
[ "$DRY_RUN" = 1 ] && say "terminal install, dry run: prints what it would do and changes nothing"
say "packages kept: ${KEEP[*]}"
say "packages for building pyscard only, purged afterwards: ${BUILD_ONLY[*]:-(none missing)}"
say "user: $KIOSK_USER (system user, no login shell, home $STATE_DIR, groups ${KIOSK_GROUPS[*]})"
say "paths: app $PREFIX, venv $PREFIX/venv, configuration $CONFIG_DIR/kiosk.toml, state $STATE_DIR"
say "units: ${UNITS[*]/#/$UNIT_DIR/}"

run apt-get update -qq
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${KEEP[@]}" "${BUILD_ONLY[@]}"

if ! id "$KIOSK_USER" >/dev/null 2>&1; then
  run useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home --shell /usr/sbin/nologin "$KIOSK_USER"
else
  say "user $KIOSK_USER exists: kept"
fi
for group in "${KIOSK_GROUPS[@]}"; do run usermod -a -G "$group" "$KIOSK_USER"; done

# the app: a root-owned copy the kiosk user can read but not change; an upgrade replaces it whole
run install -d -m 0755 "$PREFIX"
for part in "${APP_PARTS[@]}"; do
  run rm -rf "$PREFIX/$part"
  run cp -a --no-preserve=ownership "$part" "$PREFIX/$part"
done
run find "$PREFIX" -name __pycache__ -prune -exec rm -rf {} +
[ -x "$PREFIX/venv/bin/python" ] || run python3 -m venv "$PREFIX/venv"
# no [test] extra: pytest and friends stay on development machines. Editable, so assets/ stays beside the code
run "$PREFIX/venv/bin/python" -m pip install -q --no-cache-dir -c "$PREFIX/constraints.txt" -e "$PREFIX"
if [ ${#BUILD_ONLY[@]} -gt 0 ]; then
  run env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${BUILD_ONLY[@]}"
  run env DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y -qq
fi
for ts in ui/i18n/*.ts; do
  run "$PREFIX/venv/bin/pyside6-lrelease" -silent "$PREFIX/$ts" -qm "$PREFIX/${ts%.ts}.qm"
done
# bytecode now, as root: the kiosk user cannot write here, so nothing is compiled at each boot
run "$PREFIX/venv/bin/python" -m compileall -q -j 0 "$PREFIX/venv/lib" "${PY_PARTS[@]/#/$PREFIX/}"
# the pinyin table too (kiosk/catalog/pinyin.py): the kiosk user could not write it into the venv
run "$PREFIX/venv/bin/python" -P -m kiosk.catalog.pinyin_build  # -P: the installed code, not this checkout

# state: the queue, its key file (0600, created by the kiosk, so owned by $KIOSK_USER), tickets, catalog updates
run install -d -m 0750 -o "$KIOSK_USER" -g "$KIOSK_USER" "$STATE_DIR"
# configuration: the shipped kiosk.toml on first install only; a technician's edits are never overwritten
if [ -e "$CONFIG_DIR/kiosk.toml" ]; then
  say "$CONFIG_DIR/kiosk.toml exists: kept as it is"
else
  for o in "${CONFIG_OVERRIDES[@]}"; do say "$CONFIG_DIR/kiosk.toml: $o"; done
  run install -d -m 0750 -o root -g "$KIOSK_USER" "$CONFIG_DIR"
  run install -m 0640 -o root -g "$KIOSK_USER" kiosk.toml "$CONFIG_DIR/kiosk.toml"
  run "$PREFIX/venv/bin/python" assets/terminal/set_keys.py "$CONFIG_DIR/kiosk.toml" "${CONFIG_OVERRIDES[@]}"
fi
run "$PREFIX/venv/bin/kiosk" config --config "$CONFIG_DIR/kiosk.toml"

for unit in "${UNITS[@]}"; do
  say "writing $UNIT_DIR/$unit"
  if [ "$DRY_RUN" = 1 ]; then continue; fi
  sed -e "s#@PREFIX@#$PREFIX#g" -e "s#@CONFIG@#$CONFIG_DIR/kiosk.toml#g" -e "s#@USER@#$KIOSK_USER#g" \
      -e "s#@STATE@#$STATE_DIR#g" -e "s#@CAGE@#/usr/bin/cage#g" "assets/systemd/$unit" | as_root tee "$UNIT_DIR/$unit" >/dev/null
done
run systemctl daemon-reload
run systemctl enable pcscd.socket kiosk.service
run systemctl set-default graphical.target
[ "$DRY_RUN" = 1 ] || say "done: the kiosk starts on tty1 at the next boot (now: systemctl start kiosk; logs: journalctl -u kiosk)"
