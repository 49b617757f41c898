#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential run on generated Windows exports (gen-windows-exports.py): wherever BIND accepts
the zone (named-checkconf -z, all zones in one run), lcsdns reads it without a zone-syntax
finding, and out-of-zone glue is at most one zone-out-of-zone note per file. For every sixth
accepted zone the records are compared with BIND's own reading (named-compilezone) too. TAP.

usage: windows-differential.py ZONE_DUMP NAMED_CHECKCONF NAMED_COMPILEZONE N
BIND reads the copy without aging tokens, byte-order mark or CRLF (it refuses [AGE:n])."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import differential  # noqa: E402

COMPARE_EVERY = 6


def accepted_by_bind(checkconf, workdir, origins):
    """The origins BIND loads, from one named-checkconf -z over a configuration of them all."""
    conf = os.path.join(workdir, "named.conf")
    with open(conf, "w") as f:
        for origin in origins:
            f.write('zone "%s" { type primary; file "%s"; };\n'
                    % (origin, os.path.join(workdir, origin + ".zone")))
    run = subprocess.run([checkconf, "-z", conf], capture_output=True, text=True)
    return set(re.findall(r"^zone (\S+)/IN: loaded serial", run.stdout, re.M))


def problems_of(dump, compilezone, workdir, origin, compare):
    ours, findings = differential.our_records(dump, origin, os.path.join(workdir, origin + ".dns"))
    rules = [f.split(" ", 1)[0] for f in findings]
    problems = ["finding: " + f for f in findings if not f.startswith("zone-out-of-zone ")]
    if rules.count("zone-out-of-zone") > 1:
        problems.append("zone-out-of-zone given %d times" % rules.count("zone-out-of-zone"))
    if compare:
        theirs = differential.bind_records(compilezone, origin,
                                           os.path.join(workdir, origin + ".zone"))
        problems += differential.differences(theirs, ours)
    return problems


def main():
    dump, checkconf, compilezone, count = sys.argv[1:5]
    with tempfile.TemporaryDirectory(prefix="lcs-windows-diff-") as workdir:
        here = os.path.dirname(os.path.abspath(__file__))
        origins = subprocess.run([sys.executable, os.path.join(here, "gen-windows-exports.py"),
                                  count, workdir], check=True, capture_output=True,
                                 text=True).stdout.split()
        accepted = accepted_by_bind(checkconf, workdir, origins)
        print("1..%d" % len(origins))
        failed = 0
        for n, origin in enumerate(origins, 1):
            if origin not in accepted:
                print("ok %d - %s # SKIP BIND refuses it" % (n, origin))
                continue
            problems = problems_of(dump, compilezone, workdir, origin, n % COMPARE_EVERY == 0)
            if differential.tap_line(n, origin, problems):
                failed += 1
        print("# %d zones, %d accepted by BIND, %d differ" % (len(origins), len(accepted), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
