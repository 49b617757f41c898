#!/bin/sh
# Renders the console's screenshots under Xvfb into data/screenshots/ (console-*.png):
# the main window on the demo, the New Resource Record (SRV) and New Host dialogs with findings
# showing, the deployment checklist, Properties, Help (the rule reference), and a live check in progress against a server that never
# answers. Uses the app's LCS_SCREENSHOT hook (saves after the first draw, then quits).
#
#   build-aux/screenshots.sh [BUILD_DIR]      (default: build)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
app=$build/src/gui/lcsdns
out=$root/data/screenshots
python=/usr/bin/python3

[ -x "$app" ] || { echo "screenshots.sh: $app not found; build first" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing" >&2; exit 2; }
mkdir -p "$out"

tmp=$(mktemp -d)
silent_pid=
cleanup() {
  [ -n "$silent_pid" ] && kill "$silent_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

export LCS_DEMO_DIR="$root/data/demo"
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 NO_AT_BRIDGE=1

shoot() { # scene file [profile]
  echo "screenshots.sh: $2"
  LCS_SCREENSHOT="$out/$2" LCS_SCREENSHOT_SCENE="$1" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" ${3:+"$3"}
  [ -s "$out/$2" ] || { echo "screenshots.sh: $2 was not written" >&2; exit 1; }
}

shoot main console-main.png
shoot checklist console-checklist.png
shoot srv-dialog console-srv-dialog.png
shoot host-dialog console-host-dialog.png
shoot properties console-properties.png
shoot help console-help.png

# A live check in progress: the demo deployment asking a UDP socket that never answers.
"$python" -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
time.sleep(120)
' > "$tmp/port" &
silent_pid=$!
while [ ! -s "$tmp/port" ]; do sleep 0.1; done
port=$(cat "$tmp/port")
# Both views ask the silent socket, so nothing leaves the machine.
sed -e '/^internal-dns=/d' -e '/^external-dns=/d' "$LCS_DEMO_DIR/demo.lcsdns" > "$tmp/live.lcsdns"
printf 'internal-dns=127.0.0.1:%s\nexternal-dns=127.0.0.1:%s\n' "$port" "$port" >> "$tmp/live.lcsdns"
shoot live console-live-check.png "$tmp/live.lcsdns"

echo "screenshots.sh: written to $out"
