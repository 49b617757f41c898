#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the console's screenshots under Xvfb into data/screenshots/ (console-*.png), at
# 1280×800 and (main window, SRV dialog, help) at 1024×600:
# the main window on the demo, the New Resource Record (SRV) and New Host dialogs with findings
# showing (and the SRV dialog with View → Advanced), the context menus of a row and of a view,
# the deployment checklist, Properties, Help (the rule reference), the zone name asked on Import,
# and a live check in progress whose rows fill in as answers arrive (one domain answered, the
# other not yet).
# Runs tests/gui/lcsdns-screenshot, the console with the LCS_SCREENSHOT hook (saves after the
# first draw, then quits); the shipped lcsdns has no such hook.
#
#   build-aux/screenshots.sh [BUILD_DIR]      (default: build)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
app=$build/tests/gui/lcsdns-screenshot
out=$root/data/screenshots
python=/usr/bin/python3

[ -x "$app" ] || { echo "screenshots.sh: $app not found; build first" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing" >&2; exit 2; }
mkdir -p "$out"

tmp=$(mktemp -d)
responder_pid=
cleanup() {
  [ -n "$responder_pid" ] && kill "$responder_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

export LCS_DEMO_DIR="$root/data/demo"
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 NO_AT_BRIDGE=1

# The settings (zoom) of whoever runs this never change the pictures.
XDG_CONFIG_HOME="$tmp/config"
export XDG_CONFIG_HOME

shoot() { # scene file [profile]; SIZE=WxH (default 1280x800)
  echo "screenshots.sh: $2"
  LCS_SCREENSHOT="$out/$2" LCS_SCREENSHOT_SCENE="$1" \
    xvfb-run -a -s "-screen 0 ${SIZE:-1280x800}x24" "$app" ${3:+"$3"}
  [ -s "$out/$2" ] || { echo "screenshots.sh: $2 was not written" >&2; exit 1; }
}

shoot main console-main.png
shoot checklist console-checklist.png
shoot srv-dialog console-srv-dialog.png
shoot host-dialog console-host-dialog.png
shoot properties console-properties.png
shoot properties-lync console-properties-lync.png
shoot help console-help.png
# View → Advanced (TTL, aging), and the context menus of a result row and of a view's node.
shoot srv-dialog-advanced console-srv-dialog-advanced.png
shoot row-menu console-row-menu.png
shoot tree-menu console-tree-menu.png
# A small laptop or a projector: everything on screen, the status bar and OK / Cancel with it.
SIZE=1024x600 shoot main console-main-1024x600.png
SIZE=1024x600 shoot srv-dialog console-srv-dialog-1024x600.png
SIZE=1024x600 shoot help console-help-1024x600.png
SIZE=1024x600 shoot host-dialog console-host-dialog-1024x600.png
SIZE=1024x600 shoot srv-dialog-advanced console-srv-dialog-advanced-1024x600.png
SIZE=1024x600 shoot row-menu console-row-menu-1024x600.png
SIZE=1024x600 shoot properties-lync console-properties-lync-1024x600.png
# The zone as DNS Manager shows it: folders in the tree, Name / Type / Data / Timestamp, and the
# View column with the filter box when both views are listed.
shoot zone console-zone.png
shoot zone-views console-zone-views.png
SIZE=1024x600 shoot zone console-zone-1024x600.png
SIZE=1024x600 shoot zone-views console-zone-views-1024x600.png
# Import of the demo's contoso.com export renamed contoso-50k.dns, its Windows header gone: the
# zone name the file name gives, shown and changeable; and a name that is no zone name.
sed -e '/^;/d' "$LCS_DEMO_DIR/contoso.com.dns" > "$tmp/contoso-50k.dns"
export LCS_SCREENSHOT_ZONE_FILE="$tmp/contoso-50k.dns"
shoot import-zone-name console-import-zone-name.png
shoot import-zone-name-error console-import-zone-name-error.png
SIZE=1024x600 shoot import-zone-name console-import-zone-name-1024x600.png
SIZE=1024x600 shoot import-zone-name-error console-import-zone-name-error-1024x600.png

# A live check in progress, rows filling in: the demo deployment asking a local responder that
# answers from the demo's zone files (internal and external/) at once, except for anything under
# fabrikam.com, which it leaves unanswered: contoso.com's rows show their status while
# fabrikam.com's still say "Checking…". Nothing leaves the machine.
cat > "$tmp/responder.py" <<'PY'
import os, re, select, socket, sys
import dns.flags, dns.message, dns.name, dns.rcode, dns.rdataclass, dns.rdatatype, dns.rrset, dns.zone

def load(directory):
    zones = []
    for f in sorted(os.listdir(directory)):
        if not f.endswith(".dns"):
            continue
        origin = f[:-4] + "."
        with open(os.path.join(directory, f)) as fh:
            text = re.sub(r"\[AGE:\d+\]\s*", "", fh.read())
        zones.append(dns.zone.from_text(text, origin=origin, relativize=False, check_origin=False))
    return zones

def answer(zones, slow, wire):
    query = dns.message.from_wire(wire)
    qname, qtype = query.question[0].name, query.question[0].rdtype
    if qname.is_subdomain(slow):
        return None
    reply = dns.message.make_response(query)
    reply.flags |= dns.flags.AA
    for zone in zones:
        if not qname.is_subdomain(zone.origin):
            continue
        name = qname
        for _ in range(8):
            node = zone.get_node(name)
            if node is None:
                if name == qname:
                    reply.set_rcode(dns.rcode.NXDOMAIN)
                break
            rds = node.get_rdataset(dns.rdataclass.IN, qtype)
            cname = node.get_rdataset(dns.rdataclass.IN, dns.rdatatype.CNAME)
            if rds is not None:
                reply.answer.append(dns.rrset.from_rdata_list(name, rds.ttl, list(rds)))
                break
            if cname is None or qtype == dns.rdatatype.CNAME:
                break
            reply.answer.append(dns.rrset.from_rdata_list(name, cname.ttl, list(cname)))
            name = cname[0].target
        return reply.to_wire()
    reply.set_rcode(dns.rcode.REFUSED)
    return reply.to_wire()

demo, slow = sys.argv[1], dns.name.from_text(sys.argv[2])
views = [load(demo), load(os.path.join(demo, "external"))]
socks = []
for _ in views:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks), flush=True)
while True:
    ready, _, _ = select.select(socks, [], [], 120)
    if not ready:
        break
    for s in ready:
        wire, addr = s.recvfrom(4096)
        try:
            out = answer(views[socks.index(s)], slow, wire)
        except Exception as e:
            print("responder:", e, file=sys.stderr)
            out = None
        if out is not None:
            s.sendto(out, addr)
PY
"$python" "$tmp/responder.py" "$LCS_DEMO_DIR" fabrikam.com > "$tmp/ports" &
responder_pid=$!
while [ ! -s "$tmp/ports" ]; do
  kill -0 "$responder_pid" 2>/dev/null || { echo "screenshots.sh: the DNS responder did not start" >&2; exit 1; }
  sleep 0.1
done
read -r internal_port external_port < "$tmp/ports"
sed -e '/^internal-dns=/d' -e '/^external-dns=/d' "$LCS_DEMO_DIR/demo.lcsdns" > "$tmp/live.lcsdns"
printf 'internal-dns=127.0.0.1:%s\nexternal-dns=127.0.0.1:%s\n' "$internal_port" "$external_port" >> "$tmp/live.lcsdns"
shoot live console-live-check.png "$tmp/live.lcsdns"

echo "screenshots.sh: written to $out"
