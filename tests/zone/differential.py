#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential test: lcsdns (zone-dump) reads the same records as BIND's own reader
(named-compilezone, canonical text). TAP output.

usage: differential.py ZONE_DUMP NAMED_COMPILEZONE FIXTURE_DIR [GEN_PY N]
Each FIXTURE_DIR/<origin>.zone is compared; the origin is the file name without ".zone". With
GEN_PY, a Windows export of N records (CRLF, [AGE:]) is generated too: lcsdns reads the export
itself, BIND the LF copy without aging tokens that gen.py writes beside it."""
import os
import subprocess
import sys
import tempfile

PARSED = {"A", "NS", "CNAME", "SOA", "PTR", "MX", "TXT", "AAAA", "SRV"}


def key(owner, ttl, rtype, rdata):
    """Names compare case-insensitively, so all but TXT data are lower-cased; BIND keeps the case
    it read, lcsdns lower-cases. Other types compare by owner, TTL and type only."""
    rdata = " ".join(rdata.split()) if rtype != "TXT" else rdata.strip()
    if rtype not in PARSED:
        rdata = ""
    elif rtype != "TXT":
        rdata = rdata.lower()
    return (owner.lower(), int(ttl), rtype, rdata)


def bind_records(tool, origin, path):
    # -k ignore: the reader reads names that check-names refuses; judging them is the checks' job.
    argv = [tool, "-q", "-k", "ignore", "-f", "text", "-F", "text", "-s", "full", "-o", "-",
            origin, path]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    records = set()
    for line in out.splitlines():
        if not line.strip() or line.startswith(";"):
            continue
        owner, ttl, rclass, rtype, rdata = line.split(None, 4)
        assert rclass == "IN", line
        records.add(key(owner, ttl, rtype, rdata))
    return records


def our_records(tool, origin, path):
    run = subprocess.run([tool, path, origin], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip())
    records = set()
    for line in run.stdout.splitlines():
        owner, ttl, rtype, rdata = (line.split(" ", 3) + [""])[:4]
        records.add(key(owner, ttl, rtype, rdata))
    findings = [l for l in run.stderr.splitlines() if not l.startswith("origin ")]
    return records, findings


def differences(theirs, ours):
    return (["only BIND: %r" % (r,) for r in sorted(theirs - ours)] +
            ["only lcsdns: %r" % (r,) for r in sorted(ours - theirs)])


def tap_line(n, name, problems, detail=""):
    """Prints one TAP result with its problems as comments; TRUE when it failed."""
    if not problems:
        print("ok %d - %s%s" % (n, name, detail))
        return False
    print("not ok %d - %s" % (n, name))
    for p in problems:
        print("# " + p)
    return True


def main():
    dump, compilezone, fixture_dir = sys.argv[1:4]
    # (name, origin, file lcsdns reads, file BIND reads)
    cases = []
    for name in sorted(f for f in os.listdir(fixture_dir) if f.endswith(".zone")):
        path = os.path.join(fixture_dir, name)
        cases.append((name, name[:-len(".zone")], path, path))
    workdir = tempfile.TemporaryDirectory(prefix="lcs-zone-diff-")
    if len(sys.argv) > 5:
        gen, count = sys.argv[4:6]
        subprocess.run([sys.executable, gen, count, workdir.name, "contoso.com"], check=True)
        base = os.path.join(workdir.name, "contoso.com")
        cases.append(("generated Windows export of %s records" % count, "contoso.com",
                      base + ".dns", base + ".zone"))
    print("1..%d" % len(cases))
    failed = 0
    for n, (name, origin, ours_path, bind_path) in enumerate(cases, 1):
        problems = []
        try:
            theirs = bind_records(compilezone, origin, bind_path)
            ours, findings = our_records(dump, origin, ours_path)
            problems += ["finding: " + f for f in findings]
            problems += differences(theirs, ours)
            if not theirs:
                problems.append("BIND read no records")
        except (subprocess.CalledProcessError, RuntimeError, ValueError) as e:
            problems.append("error: %s" % e)
        if tap_line(n, name, problems, " (%d records)" % len(theirs) if not problems else ""):
            failed += 1
    workdir.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
