"""End to end through AT-SPI (dogtail), on the demo: a trainer adds a host in New Host (whose second
button says Cancel until then, Done after), selects its row, deletes it with Edit → Delete, and
gets it back with Edit → Undo; Redo and Undo on the toolbar do the same. (XTest key presses
do not reach a window on this window-manager-less Xvfb; the Delete key and Ctrl+Z are tested in
tests/gui/test-edit.c, as GTK delivers them.)

Run under dbus-run-session and xvfb-run (see meson.build); exit status 0 on success."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_util import (cell_text, child_named, click, fail, find_app, read_rows, start_app,  # noqa: E402
                          stop_app, wait_for)

HOST = "sip2.contoso.com."
ADDED = "Added (not yet in DNS)"


def has_row(app, name):
    return any(row[0] == name for row in read_rows(app))


def add_host(app):
    click(child_named(app, "push button", "New Host (A or AAAA)…"))
    dialog = wait_for("the New Host dialog",
                      lambda: next((c for c in app.children if c.roleName == "dialog" and c.name == "New Host"), None))
    child_named(dialog, "push button", "Cancel")
    child_named(dialog, "text", "Name").text = "sip2"
    child_named(dialog, "text", "IP address").text = "10.0.0.77"
    click(child_named(dialog, "push button", "Add Host"))
    # As in Windows: once a host is added, closing the dialog is Done.
    click(child_named(dialog, "push button", "Done"))
    wait_for("the added host's row", lambda: any(r[0] == HOST and r[3] == ADDED for r in read_rows(app)))


def click_cell(cell):
    from dogtail import rawinput
    x, y = cell.position
    w, h = cell.size
    if x < 0 or y < 0:
        fail(f"'{cell.name}' is not on screen")
    rawinput.click(x + min(w // 2, 40), y + h // 2)


def show_internal_view(app):
    """contoso.com's internal view in the console tree: few enough rows that all are on screen."""
    tree = child_named(app, "tree table", "Console tree")
    node = wait_for("contoso.com's Internal view",
                    lambda: next(c for c in tree.children
                                 if c.roleName == "table cell" and cell_text(c) == "Internal view"))
    click_cell(node)


def select_row(app, name):
    """The keyboard focus on the row's cell, as a screen reader user moves it: the list puts its
    cursor there, which selects the row (it may be scrolled out of the pointer's reach)."""
    table = child_named(app, "table", "Records")
    cell = wait_for(f"the row {name}",
                    lambda: next(c for c in table.children if c.roleName == "table cell" and c.name == name))
    cell.grabFocus()
    selection = table.querySelection()
    wait_for(f"{name} selected", lambda: selection.nSelectedChildren > 0
             and selection.getSelectedChild(0).name == name)


def main():
    from dogtail import tree
    from dogtail.config import config

    config.logDebugToFile = False
    config.searchCutoffCount = 10

    proc = None
    try:
        proc = start_app(None)
        app = find_app(tree, proc.pid)
        wait_for("the main window", lambda: app.child(roleName="frame"))
        wait_for("the demo's rows", lambda: read_rows(app))
        if has_row(app, HOST):
            fail(f"the demo already has {HOST}")

        show_internal_view(app)
        add_host(app)
        print("added:", [r for r in read_rows(app) if r[0] == HOST])

        select_row(app, HOST)
        delete = child_named(app, "menu item", "Delete")
        wait_for("Edit → Delete enabled on the added row", lambda: delete.sensitive)
        click(delete)
        wait_for("the row to go after Edit → Delete", lambda: not has_row(app, HOST))
        print("Edit → Delete: the row is gone")

        click(child_named(app, "menu item", "Undo"))
        wait_for("the row back after Edit → Undo", lambda: has_row(app, HOST))
        print("Edit → Undo: the row is back")

        click(child_named(app, "push button", "Redo"))
        wait_for("the row to go after Redo", lambda: not has_row(app, HOST))
        click(child_named(app, "push button", "Undo"))
        wait_for("the row back after Undo on the toolbar", lambda: has_row(app, HOST))
        print("toolbar Redo, then Undo: gone, then back")

        # Near miss: a record the deployment requires lives in DNS; Delete is off for it.
        required = next(r for r in read_rows(app) if r[3] != ADDED and r[0].startswith("_sip"))
        before = read_rows(app)
        select_row(app, required[0])
        wait_for("Edit → Delete disabled on a required record", lambda: not delete.sensitive)
        if "click" in delete.actions:
            fail("the disabled Delete can still be clicked")
        if read_rows(app) != before:
            fail(f"Edit → Delete on {required[0]} changed the rows")
        print(f"near miss: Edit → Delete is disabled on {required[0]}; the rows are unchanged")
    finally:
        if proc is not None:
            stop_app(proc)
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
