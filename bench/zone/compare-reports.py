#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs two lcsdns-check builds on the same inputs and compares their output byte for byte
(issue 14: the streamed report writers must write exactly what the whole-report ones wrote).

usage: compare-reports.py OLD_LCSDNS_CHECK NEW_LCSDNS_CHECK [--shapes DIR [--shapes-only]]
                          [--formats text,json,csv,html]

Inputs: every zone under tests/fixtures, tests/lookup/zones and the zone fuzz corpora, under two
profiles; the demo; plans and dialog entries (with control characters and invalid UTF-8); and,
with --shapes, the zones bench/zone/shapes.py made. Each with and without --all-findings.
Prints the number of comparisons and of differences, and the first few that differ."""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROFILES = [
    ["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.10"],
    ["--domain", "contoso.com", "--domain", "fabrikam.com", "--product", "lync",
     "--pool", "pool01.contoso.com", "--pool-ip", "10.0.0.5", "--edge", "sip.contoso.com",
     "--edge-ip", "203.0.113.5", "--federation"],
]
SHAPE_PROFILE = ["--domain", "contoso.com", "--pool", "lcspool.contoso.com", "--pool-ip", "10.0.0.50"]


def zone_files():
    folders = ["tests/fixtures", "tests/lookup/zones", "tests/fuzz/corpus/zone-bind",
               "tests/fuzz/corpus/zone-windows"]
    for folder in folders:
        for top, _, names in sorted(os.walk(os.path.join(ROOT, folder))):
            for name in sorted(names):
                if not name.startswith("."):
                    yield os.path.join(top, name)


def cases(shapes, shapes_only):
    for path in [] if shapes_only else zone_files():
        origin = ["--origin", "contoso.com"]
        for profile in PROFILES:
            yield profile + origin + ["--zone", path]
    if not shapes_only:
        yield from fixed_cases()
    for name in sorted(os.listdir(shapes)) if shapes else []:
        path = os.path.join(shapes, name, "contoso.com.zone")
        if os.path.exists(path):
            yield SHAPE_PROFILE + ["--zone", path]


def fixed_cases():
    yield ["--demo"]
    for profile in PROFILES:
        yield profile + ["--plan"]
    entry = PROFILES[0]
    for service, protocol, target in (("_sipinternaltls._tcp", "_tcp", "lcs.contoso.com"),
                                      ("_sip\x01\x1f\x7f\"/\\", "_tls", "a\x1bb.contoso.com"),
                                      ("\xe9t\xe9", "", "h\xc3\xa9.contoso.com.")):
        yield entry + ["--service", service, "--protocol", protocol, "--port", "5061",
                       "--target", target]


def run(cli, args):
    # Both builds read the demo of this tree (each would find its own beside it).
    env = dict(os.environ, LCS_DEMO_DIR=os.path.join(ROOT, "data", "demo"))
    result = subprocess.run([cli] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    return result.returncode, result.stdout, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--shapes")
    parser.add_argument("--shapes-only", action="store_true")
    parser.add_argument("--formats", default="text,json,csv,html")
    args = parser.parse_args()
    compared = differences = 0
    for case in cases(args.shapes, args.shapes_only):
        for fmt in args.formats.split(","):
            for extra in ([], ["--all-findings"]):
                argv = case + ["--format", fmt] + extra
                argv = [a.encode("utf-8", "surrogateescape") if isinstance(a, str) else a
                        for a in argv]
                old, new = run(args.old, argv), run(args.new, argv)
                compared += 1
                if old != new:
                    differences += 1
                    if differences <= 5:
                        print("differ: %r (exit %d/%d, %d/%d bytes)"
                              % (argv, old[0], new[0], len(old[1]), len(new[1])))
    print("%d comparisons, %d differences" % (compared, differences))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
