# SPDX-License-Identifier: GPL-3.0-or-later
"""The CLI tests' harness: run lcsdns-check, collect named cases, print TAP."""
import subprocess
import sys

results = []


def run(tool, *args):
    proc = subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def case(name):
    def wrap(fn):
        try:
            fn()
            results.append((True, name, ""))
        except AssertionError as error:
            results.append((False, name, str(error)))
        return fn
    return wrap


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def finish():
    print(f"1..{len(results)}")
    for i, (ok, name, why) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            for line in why.splitlines():
                print(f"# {line}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)
