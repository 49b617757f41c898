"""End to end through AT-SPI (dogtail): the console checks a fixture deployment live against a
BIND this test starts, the admin adds the SRV record from the Actions pane with the dialog's
one-click fix, saves, reopens, and the record is still there.

Run under dbus-run-session and xvfb-run (see meson.build); exit status 0 on success."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dns_harness import Named  # noqa: E402
from console_util import (child_named, click, fail, launch, read_rows,  # noqa: E402
                          status_of, stop_app, unnamed_controls, wait_for)

HERE = os.path.dirname(os.path.abspath(__file__))
DOMAIN = "contoso.com"
SRV_OWNER = "_sipinternaltls._tcp.contoso.com."
POOL_OWNER = "lcs.contoso.com."
ADDED = "Added (not yet in DNS)"


def main():
    from dogtail import tree
    from dogtail.config import config

    config.logDebugToFile = False
    config.searchCutoffCount = 10

    with open(os.path.join(HERE, "e2e.zone")) as f:
        named = Named(DOMAIN, f.read())
    workdir = tempfile.mkdtemp(prefix="lcs-e2e-")
    profile = os.path.join(workdir, "e2e.lcsdns")
    with open(os.path.join(HERE, "e2e.lcsdns.in")) as f:
        text = f.read().replace("@SERVER@", named.server)
    with open(profile, "w") as f:
        f.write(text)

    app_proc = None
    try:
        app_proc, app = launch(tree, profile)
        frame = wait_for("the main window", lambda: app.child(roleName="frame"))
        child_named(app, "table", "Records")
        missing = unnamed_controls(frame)
        if missing:
            fail("controls without an accessible name: " + "; ".join(missing))

        # Check now, from the Actions pane; wait for the live result.
        click(child_named(app, "push button", "Check Now"))
        status = child_named(app, "label", "Check status")
        wait_for("the live check to end", lambda: "live" in status.text, timeout=30)
        print("status bar:", status.text)
        rows = read_rows(app)
        for row in rows:
            print("row:", row)
        if status_of(app, POOL_OWNER) != "OK":
            fail(f"{POOL_OWNER} should be OK, is {status_of(app, POOL_OWNER)}")
        if status_of(app, SRV_OWNER) not in ("Misplaced", "Missing"):
            fail(f"{SRV_OWNER} should be misplaced, is {status_of(app, SRV_OWNER)}")

        # New Service Location (SRV)… from the Actions pane, typed the way the article's reader
        # types it, then the dialog's one-click fix.
        click(child_named(app, "push button", "New Service Location (SRV)…"))
        dialog = wait_for("the SRV dialog", lambda: app.child(roleName="dialog"))
        missing = unnamed_controls(dialog)
        if missing:
            fail("dialog controls without an accessible name: " + "; ".join(missing))
        child_named(dialog, "text", "Service").text = "_sipinternaltls._tcp"
        child_named(dialog, "text", "Protocol").text = "_tcp"
        child_named(dialog, "text", "Port number").text = "5061"
        child_named(dialog, "text", "Host offering this service").text = "lcs.contoso.com"
        fix = wait_for("the split fix", lambda: dialog.findChild(
            lambda n: n.roleName == "push button" and n.name.startswith("Fix:") and "_sipinternaltls" in n.name,
            retry=False, requireResult=False))
        print("fix button:", fix.name)
        click(fix)
        service = child_named(dialog, "text", "Service")
        wait_for("Service to read _sipinternaltls", lambda: service.text == "_sipinternaltls")
        click(child_named(dialog, "push button", "OK"))
        wait_for("the dialog to close", lambda: not any(c.roleName == "dialog" for c in app.children))
        wait_for("the added record", lambda: status_of(app, SRV_OWNER + "") and
                 any(r[0] == SRV_OWNER and r[3] == ADDED for r in read_rows(app)))
        if not frame.name.startswith("*"):
            fail("the title should mark unsaved changes: " + frame.name)

        # Save (the profile has a path: no chooser), then reopen.
        click(child_named(app, "push button", "Save"))
        wait_for("the title to lose its unsaved mark", lambda: not frame.name.startswith("*"))
        # File → Exit, so that the application leaves the accessibility bus properly.
        click(child_named(app, "menu item", "Exit"))
        try:
            app_proc.wait(10)
        except subprocess.TimeoutExpired:
            fail("File → Exit did not end the application")
        with open(profile) as f:
            saved = f.read()
        if SRV_OWNER not in saved:
            fail("the saved profile lacks the added record:\n" + saved)

        app_proc, app = launch(tree, profile)
        wait_for("the added record after reopening",
                 lambda: any(r[0] == SRV_OWNER and r[3] == ADDED for r in read_rows(app)))
        print("reopened: the added record is there")
    finally:
        if app_proc is not None:
            stop_app(app_proc)
        named.stop()
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
