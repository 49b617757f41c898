#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the tests the Windows cross build declares (meson introspect --tests) under Wine.

A test whose program is a Windows .exe runs through `wine-run`; a Python test that drives an .exe
gets a shim in its place that runs it through `wine-run`. Tests whose Windows process would itself
start Linux programs (certtool, openssl, named, dnsfixture.py) are skipped with the reason: Windows
has no such programs; win32/test covers the same ground from the Linux side. Prints one line per
TAP case or test, then `N passed, N failed, N skipped`. Exit status 1 when anything failed.

Usage: wine-tests.py BUILDDIR   (WINEPREFIX, WINEPATH, WINEDEBUG and LCS_WINE_RETRY_LOG set by
win32/test, which lists the retried starts)
"""
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

SKIP = {
    "test-cert-load": "makes its certificates with certtool, a Linux program",
    "test-cert-fetch": "serves TLS through openssl s_server, a Linux program",
    "test-resolver": "starts named and dnsfixture.py, Linux programs",
    "test-live": "starts named and dnsfixture.py, Linux programs",
    "test-same-as-zone": "starts named and dnsfixture.py, Linux programs",
    "test-cli-live": "starts named and dnsfixture.py, Linux programs",
    "test-lookup-lifetime": "starts named and dnsfixture.py, Linux programs",
    "test-fix-live": "starts named, dnsfixture.py and nsupdate, Linux programs",
}
SKIP_SUITES = {
    "gui": "drives an X11 display (GDK_BACKEND=x11); the console under Wine is win32/test's smoke test",
    "e2e": "drives an X11 display and AT-SPI; the console under Wine is win32/test's smoke test",
}
TAP = re.compile(r"^(not ok|ok)\b([^#]*)(#\s*(SKIP|TODO).*)?$", re.IGNORECASE)


WINE_RUN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wine-run")


def shim(tmp, exe):
    """A stand-in for EXE that runs it through wine-run."""
    path = os.path.join(tmp, os.path.basename(exe)[: -len(".exe")])
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'#!/bin/sh\nexec "{WINE_RUN}" "{exe}" "$@"\n')
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


def command(test, tmp):
    cmd = test["cmd"]
    if cmd[0].endswith(".exe"):
        return [WINE_RUN] + cmd
    return [cmd[0]] + [shim(tmp, a) if a.endswith(".exe") else a for a in cmd[1:]]


def main():
    builddir = sys.argv[1]
    tests = json.loads(subprocess.run(["meson", "introspect", "--tests", builddir],
                                      capture_output=True, text=True, check=True).stdout)
    passed = failed = skipped = 0
    # Wine's own processes (services, devices, explorer) are started by the first program a
    # wineserver runs, and inherit its stdout and stderr: a test reading those pipes to the end waited
    # for them to exit (8-9 s a command, up to its timeout). So one persistent wineserver, and
    # Wine's processes started first, on /dev/null: 0.3 s a command.
    subprocess.run(["wineserver", "-p"], check=True)
    subprocess.run(["wine", "cmd", "/c", "exit"], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            passed, failed, skipped = run_all(tests, builddir, tmp)
    finally:
        subprocess.run(["wineserver", "-k"])
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


def run_one(cmd, env, cwd, tmp, timeout):
    """Runs CMD with its output in files, not pipes: a Wine process started late (explorer.exe)
    inherits the test's stdout and stderr, and a reader of pipes would wait for it to exit."""
    with open(os.path.join(tmp, "out"), "w+b") as out, open(os.path.join(tmp, "err"), "w+b") as err:
        try:
            status = subprocess.run(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        texts = []
        for f in (out, err):
            f.seek(0)
            texts.append(f.read().decode(errors="replace"))
    return texts[0], texts[1], status


def run_all(tests, builddir, tmp):
    passed = failed = skipped = 0
    for test in tests:
        name = test["name"]
        reason = SKIP.get(name) or next(
            (SKIP_SUITES[s.split(":")[-1]] for s in test["suite"] if s.split(":")[-1] in SKIP_SUITES), None)
        if reason:
            print(f"SKIP {name}: {reason}")
            skipped += 1
            continue
        env = dict(os.environ)
        env.update(test["env"])
        out, err, status = run_one(command(test, tmp), env, test["workdir"] or builddir, tmp,
                                   max(600, 10 * (test["timeout"] or 30)))
        cases = [m for m in map(TAP.match, out.splitlines()) if m]
        bad = 0
        for case in cases:
            if case.group(3):
                skipped += 1
                print(f"SKIP {name}:{case.group(2).strip()} {case.group(3)}")
            elif case.group(1).lower() == "ok":
                passed += 1
            else:
                bad += 1
                print(f"FAIL {name}:{case.group(2).strip()}")
        if not cases:
            if status == 0:
                passed += 1
            else:
                bad += 1
        elif status != 0 and bad == 0:
            bad = 1  # crashed after its last case
        if bad:
            print(f"FAIL {name} (exit {status})")
            sys.stdout.write(out[-2000:] + err[-2000:])
        else:
            print(f"ok {name}")
        failed += bad
    return passed, failed, skipped


if __name__ == "__main__":
    sys.exit(main())
