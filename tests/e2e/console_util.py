"""What the AT-SPI end-to-end tests share: starting the console, finding it on the accessibility
bus, reading the Records table, waiting without fixed sleeps."""

import os
import signal
import subprocess
import sys
import time

LCSDNS = os.environ["LCSDNS"]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def wait_for(what, predicate, timeout=20.0, quiet=False):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.2)
    if quiet:
        return None
    fail("timed out waiting for " + what)


def start_app(profile=None, wrapper=()):
    """The console on @profile (None: the demo), run under @wrapper (a command prefix)."""
    return subprocess.Popen(list(wrapper) + [LCSDNS] + ([profile] if profile else []))


def stop_app(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def find_app(tree, pid, timeout=40):
    """The application of process @pid, or None: a closed one may linger on the bus for a while."""
    def lookup():
        # The desktop's child list is cached; a restarted application may not be in it yet.
        tree.root.clear_cache()
        for app in tree.root.applications():
            try:
                if app.name == "lcsdns" and app.get_process_id() == pid and app.children:
                    return app
            except Exception:
                continue
        return None
    return wait_for("the lcsdns window on the accessibility bus", lookup, timeout=timeout, quiet=True)


def launch(tree, profile=None, wrapper=()):
    """The console started on @profile and found on the accessibility bus: (process, application).
    On a loaded machine the AT-SPI registry can miss the bridge's one registration call (GTK
    prints "Couldn't register with accessibility bus" and never retries), so a console that is
    running but absent is started once more; absent twice fails."""
    for attempt in (1, 2):
        proc = start_app(profile, wrapper)
        app = find_app(tree, proc.pid)
        if app:
            return proc, app
        stop_app(proc)
        print(f"the console (pid {proc.pid}) did not appear on the accessibility bus"
              + ("; starting it once more" if attempt == 1 else ""))
    seen = []
    for other in tree.root.applications():
        try:
            seen.append(f"{other.name} pid {other.get_process_id()} children {len(other.children)}")
        except Exception as e:
            seen.append(f"? ({e})")
    fail(f"lcsdns is not on the accessibility bus; seen: {seen}")


def child_named(node, role, name, timeout=20.0):
    return wait_for(f"{role} '{name}'",
                    lambda: node.findChild(lambda n: n.roleName == role and n.name == name,
                                           retry=False, requireResult=False),
                    timeout)


def cell_text(cell):
    """A cell's text; the Status column's cell holds an icon and a text renderer."""
    if cell.name:
        return cell.name
    names = [c.name for c in cell.children if c.roleName == "table cell" and c.name]
    return names[-1] if names else ""


def read_rows(app):
    """[(name, type, data, status)] of the Records table."""
    table = child_named(app, "table", "Records")
    cells = [c for c in table.children if c.roleName == "table cell"]
    texts = [cell_text(c) for c in cells]
    return [tuple(texts[i:i + 4]) for i in range(0, len(texts) - len(texts) % 4, 4)]


def status_of(app, name):
    for row in read_rows(app):
        if row[0] == name:
            return row[3]
    return None


# Controls a screen reader user must be able to tell apart: each needs an accessible name.
NAMED_ROLES = {"push button", "toggle button", "check box", "radio button", "text", "table",
               "tree table", "combo box", "menu", "menu item", "check menu item", "page tab",
               "progress bar", "tool bar", "spin button"}


def unnamed_controls(root):
    """Named controls missing; a combo box's own popup menu is GTK's and is named by its combo."""
    def unnamed(n):
        if n.roleName not in NAMED_ROLES or n.name.strip():
            return False
        return not (n.roleName == "menu" and n.parent.roleName == "combo box")
    checked = root.findChildren(lambda n: n.roleName in NAMED_ROLES, showingOnly=False)
    if not checked:
        fail("no controls found to check under " + root.name)
    print(f"accessible names: {len(checked)} controls checked under '{root.name}'")
    return [f"{n.roleName} in {n.parent.roleName} '{n.parent.name}'" for n in checked if unnamed(n)]


def click(node):
    node.doActionNamed("click")
