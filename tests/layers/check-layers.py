#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the core's folders in pipeline order: a folder may include the public headers of its
own folder and of the folders before it (model → profile → zone → check → cert → export), never of
one after it, and calls no function of one (from the symbols of the built library, when nm is
there); the core includes no GTK and no c-ares. Prints TAP; arguments: the source root and the
core library. With --circles first, lists instead the pairs of core files that call each other
(none today: keep it so when splitting a file)."""
import collections
import pathlib
import re
import shutil
import subprocess
import sys

STAGES = ["model", "profile", "zone", "check", "cert", "export"]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
FORBIDDEN = re.compile(r'^(gtk/|gdk/|ares)')


def violations(root):
    for stage in STAGES:
        rank = STAGES.index(stage)
        files = sorted((root / "src/core" / stage).glob("*.[ch]"))
        files += sorted((root / "include/lcsdns" / stage).glob("*.h"))
        for path in files:
            for header in INCLUDE.findall(path.read_text(encoding="utf-8")):
                parts = header.split("/")
                if FORBIDDEN.match(header):
                    yield path, header, "the core is GLib only"
                elif parts[0] == "lcsdns" and len(parts) == 3:
                    if parts[1] not in STAGES:
                        yield path, header, "not a stage folder"
                    elif STAGES.index(parts[1]) > rank:
                        yield path, header, f"{stage} comes before {parts[1]}"


def file_calls(library):
    """{object file: set of object files whose functions it calls} from nm's symbol table."""
    out = subprocess.run(["nm", "-A", library], capture_output=True, text=True, check=True).stdout
    defined, used = {}, collections.defaultdict(set)
    for line in out.splitlines():
        fields = line.rsplit(" ", 2)
        if len(fields) < 3:
            continue
        obj = fields[0].split(":")[-2].rsplit("/", 1)[-1]
        kind, symbol = fields[1], fields[2]
        if kind in "TDBR":
            defined[symbol] = obj
        elif kind == "U":
            used[obj].add(symbol)
    return {obj: {defined[s] for s in syms if defined.get(s, obj) != obj}
            for obj, syms in used.items()}


def circles(calls):
    """Pairs of files each reachable from the other."""
    def reach(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in calls.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen
    reached = {obj: reach(obj) for obj in calls}
    return sorted({tuple(sorted((a, b))) for a in reached for b in reached[a]
                   if a != b and a in reached.get(b, ())})


def stage_of(obj):
    """Meson names the objects of src/core/<stage>/<file>.c "<stage>_<file>.c.o"."""
    stage = obj.split("_", 1)[0]
    return STAGES.index(stage) if stage in STAGES else None


def upward_calls(calls):
    for obj, targets in sorted(calls.items()):
        for target in sorted(targets):
            if None not in (stage_of(obj), stage_of(target)) and stage_of(target) > stage_of(obj):
                yield obj, target


def main():
    if sys.argv[1] == "--circles":
        for a, b in circles(file_calls(sys.argv[2])):
            print(f"{a} <-> {b}")
        return 0
    root = pathlib.Path(sys.argv[1])
    checked = [root / "src/core" / s for s in STAGES]
    missing = [str(d) for d in checked if not d.is_dir()]
    found = list(violations(root))
    print("1..3")
    print(("not ok" if missing else "ok") + " 1 every stage folder exists")
    for d in missing:
        print(f"# missing {d}")
    print(("not ok" if found else "ok") + " 2 no folder includes a later stage")
    for path, header, why in found:
        print(f"# {path.relative_to(root)}: <{header}>: {why}")
    upward = []
    if len(sys.argv) > 2 and shutil.which("nm"):
        upward = list(upward_calls(file_calls(sys.argv[2])))
        print(("not ok" if upward else "ok") + " 3 no folder calls a later stage")
        for obj, target in upward:
            print(f"# {obj} calls into {target}")
    else:
        print("ok 3 # SKIP no nm or no library given")
    return 1 if missing or found or upward else 0


if __name__ == "__main__":
    sys.exit(main())
