#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases from meson's testlog.json: each TAP case counts once, a test that speaks
no TAP counts as one. Prints `N passed, N failed` as the last line."""
import json
import re
import sys

TAP = re.compile(r"^(not ok|ok)\b[^#]*(#\s*(SKIP|TODO).*)?$", re.IGNORECASE)

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        test = json.loads(line)
        result = test.get("result")
        cases = [TAP.match(l) for l in (test.get("stdout") or "").splitlines()]
        cases = [m for m in cases if m]
        if result == "SKIP" and not cases:
            continue
        bad = 0
        for case in cases:
            if case.group(3):
                continue
            if case.group(1).lower() == "ok":
                passed += 1
            else:
                bad += 1
        if not cases:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            else:
                bad += 1
        elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
            bad = 1  # crashed or timed out after its last reported case
        if bad:
            print(f"FAILED: {test.get('name')} ({result})")
        failed += bad
print(f"{passed} passed, {failed} failed")
