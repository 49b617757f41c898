"""End to end through AT-SPI (dogtail): the console as a trainer uses it in a workshop.

- F5 (and Check now) on the first-start demo re-read its zone files: no DNS question leaves the
  machine, the demo stays offline-checked. The system's resolver is replaced, for the console
  only, by a recorder on loopback (a private mount namespace with its own /etc/resolv.conf);
  the near miss proves the recorder hears a question once the trainer chooses a live check
  against the system's resolver.
- File → New with a result row selected, then Properties → OK: the console keeps running.
- On a 1024×600 screen (meson.build runs it on one) the status bar is on screen.

Run under dbus-run-session and xvfb-run (see meson.build); exit status 0 on success, 77 when the
machine cannot give the console a resolv.conf of its own (needs root or user namespaces)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dns_harness import Recorder  # noqa: E402
from console_util import child_named, click, fail, launch, read_rows, stop_app, wait_for  # noqa: E402

SKIP = 77


def private_resolv_conf(path):
    """A command prefix that runs a program with @path as its /etc/resolv.conf, or None."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    script = 'mount --bind "$0" /etc/resolv.conf && exec "$@"'
    for flags in (["--mount"], ["--map-root-user", "--mount"]):
        wrapper = [unshare] + flags + ["sh", "-c", script, path]
        probe = subprocess.run(wrapper + ["cat", "/etc/resolv.conf"], capture_output=True, text=True)
        with open(path) as f:
            if probe.returncode == 0 and probe.stdout == f.read():
                return wrapper
    return None


def press_f5(frame):
    from dogtail import rawinput
    # Without a window manager the keyboard follows the pointer: put it over the window.
    x, y = frame.position
    w, h = frame.size
    rawinput.absoluteMotion(x + w // 2, y + h // 2)
    rawinput.pressKey("F5")


def check_f5_asks_nobody(app, frame, recorder):
    status = child_named(app, "label", "Check status")
    wait_for("the demo's offline check", lambda: "offline" in status.text)
    before = status.text
    press_f5(frame)
    click(child_named(app, "push button", "Check now"))
    # Either source of the refresh would turn the status bar to "Checking…" or "live" at once.
    time.sleep(1.0)
    print("status bar after F5:", status.text)
    if "offline" not in status.text or "live" in status.text:
        fail(f"F5 left the offline check: '{status.text}' (was '{before}')")
    if recorder.questions:
        fail(f"F5 on the demo asked the system's resolver: {recorder.questions[:5]}")
    missing = [r for r in read_rows(app) if r[3] == "Missing"]
    if len(missing) == len(read_rows(app)):
        fail("every demo record turned Missing")
    print(f"F5 on the demo: no question sent, {len(read_rows(app))} rows still from the zone files")


def check_live_asks_first(app, recorder):
    click(child_named(app, "menu item", "Check Live (Ask DNS Servers)"))
    question = wait_for("the question about DNS servers",
                        lambda: next((c for c in app.children if c.roleName == "alert"), None))
    if recorder.questions:
        fail("a question was sent before the trainer chose a server")
    click(child_named(question, "push button", "Ask the System's Resolver"))
    wait_for("a question at the recorder", lambda: any("contoso.com" in q for q in recorder.questions), timeout=30)
    print(f"near miss: after choosing the system's resolver, the recorder heard {len(recorder.questions)} "
          "questions, e.g.", recorder.questions[0])
    status = child_named(app, "label", "Check status")
    wait_for("the live check to end", lambda: "live" in status.text, timeout=60)


def check_fits_screen(app, frame):
    """Run on a 1024×600 screen: the status bar is on it, and the console tree keeps its width."""
    from gi.repository import Gdk
    geometry = Gdk.Display.get_default().get_monitor(0).get_geometry()
    width, height = geometry.width, geometry.height
    bar = wait_for("the status bar", lambda: app.findChild(lambda n: n.name == "Status bar",
                                                           retry=False, requireResult=False))
    x, y = bar.position
    w, h = bar.size
    print(f"screen {width}×{height}: window {frame.size}, status bar at y={y}, height {h}")
    if not bar.showing or y + h > height or x + w > width:
        fail(f"the status bar is off the {width}×{height} screen: {x},{y} {w}×{h}")
    tree = child_named(app, "tree table", "Console tree")
    if tree.size[0] < 160:
        fail(f"the console tree collapsed to {tree.size[0]} px")


def check_new_with_row_selected(app, proc):
    table = child_named(app, "table", "Records")
    cells = [c for c in table.children if c.roleName == "table cell"]
    cells[0].select()
    click(child_named(app, "menu item", "New Deployment"))
    dialog = wait_for("the properties of the new deployment",
                      lambda: next((c for c in app.children if c.roleName == "dialog"), None))
    child_named(dialog, "text", "SIP domains").text = "example.org"
    child_named(dialog, "text", "Pool").text = "lcs.example.org"
    child_named(dialog, "text", "Pool IP address").text = "10.0.0.5"
    ok = child_named(dialog, "push button", "OK")
    wait_for("OK to be enabled", lambda: ok.sensitive)
    click(ok)
    wait_for("the new deployment's rows",
             lambda: any(r[0].endswith("example.org.") for r in read_rows(app)))
    if proc.poll() is not None:
        fail(f"the console ended ({proc.returncode}) after New with a row selected")
    print("New with a row selected: the console shows the new deployment")


def main():
    from dogtail import tree
    from dogtail.config import config

    config.logDebugToFile = False
    config.searchCutoffCount = 10

    workdir = tempfile.mkdtemp(prefix="lcs-workshop-")
    try:
        recorder = Recorder()
    except PermissionError:
        print("SKIP: port 53 on loopback needs root")
        return SKIP
    wrapper = private_resolv_conf(recorder.resolv_conf(workdir))
    if wrapper is None:
        recorder.stop()
        print("SKIP: no private mount namespace for a resolv.conf of the console's own")
        return SKIP

    proc = None
    try:
        proc, app = launch(tree, None, wrapper)
        frame = wait_for("the main window", lambda: app.child(roleName="frame"))
        child_named(app, "table", "Records")
        check_fits_screen(app, frame)
        check_f5_asks_nobody(app, frame, recorder)
        check_live_asks_first(app, recorder)
        check_new_with_row_selected(app, proc)
    finally:
        if proc is not None:
            stop_app(proc)
        recorder.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
