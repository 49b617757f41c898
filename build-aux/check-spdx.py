#!/usr/bin/env python3
"""Every source file names its licence in its first lines: SPDX-License-Identifier: GPL-3.0-or-later
(the licence is in COPYING).

  check-spdx.py ROOT          TAP: one line a file that lacks it (the test `spdx`)
  check-spdx.py --add ROOT    adds the line, in each file's own comment syntax, where it is missing

Source files are code, build files, scripts, .ui/.css and the Windows resources; test data (zones,
corpora, golden scripts, profiles), pictures and prose are not."""
import os
import subprocess
import sys

LICENCE = "GPL-3.0-or-later"
TAG = "SPDX-License-Identifier: " + LICENCE
DATA = ("tests/fixtures/", "tests/fuzz/corpus/", "tests/fuzz/dict/", "tests/fix/golden/",
        "tests/lookup/zones/", "ui/icons/", "data/demo/", "data/screenshots/", "docs/")
BLOCK = "/* %s */"
HASH = "# %s"
XML = "<!-- %s -->"
# (how a path ends, comment form); the first match wins.
KINDS = (
    (".c", BLOCK), (".h", BLOCK), (".css", BLOCK), ("config.h.in", BLOCK),
    (".rc.in", "// %s"), (".nsi", "; %s"),
    (".ui", XML), (".xml", XML), (".manifest.in", XML),
    (".py", HASH), ("meson.build", HASH), ("meson_options.txt", HASH), (".sh", HASH),
    (".desktop", HASH), ("win32/settings.ini", HASH), ("win32/cross-mingw64.txt", HASH),
)
SCRIPTS = (".ci/", "build-aux/", "win32/")  # files without an extension there are shell scripts


def comment_form(path):
    if path.startswith(DATA):
        return None
    for ending, form in KINDS:
        if path.endswith(ending):
            return form
    name = os.path.basename(path)
    if path.startswith(SCRIPTS) and "." not in name:
        return HASH
    return None


def tracked(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True,
                             check=True).stdout.decode()
        return [p for p in out.split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        paths = []
        for top, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith((".git", "build", "_build"))]
            paths += [os.path.relpath(os.path.join(top, f), root) for f in files]
        return paths


def has_tag(text):
    return TAG in "\n".join(text.splitlines()[:3])


def add_tag(text, form):
    lines = text.splitlines(keepends=True)
    at = 0
    # After a shebang or an XML declaration, which must stay first.
    if lines and (lines[0].startswith("#!") or lines[0].startswith("<?xml")):
        at = 1
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    lines.insert(at, form % TAG + newline)
    return "".join(lines)


def main():
    args = sys.argv[1:]
    fix = args[:1] == ["--add"]
    root = args[-1]
    sources = sorted(p for p in tracked(root) if comment_form(p) and os.path.isfile(os.path.join(root, p)))
    missing = []
    for path in sources:
        full = os.path.join(root, path)
        with open(full, encoding="utf-8", newline="") as f:
            text = f.read()
        if has_tag(text):
            continue
        if fix:
            with open(full, "w", encoding="utf-8", newline="") as f:
                f.write(add_tag(text, comment_form(path)))
        missing.append(path)
    if fix:
        print("added to %d files" % len(missing))
        return
    print("1..1")
    if missing:
        print("not ok 1 %d of %d source files lack “%s”: %s"
              % (len(missing), len(sources), TAG, ", ".join(missing[:20])))
    else:
        print("ok 1 all %d source files carry “%s”" % (len(sources), TAG))


main()
