#!/usr/bin/env python3
"""Differential test: every BIND-compatible fixture read by lcsdns (zone-dump) gives the same
records as BIND's own reader (named-compilezone, canonical text). TAP output.

usage: differential.py ZONE_DUMP NAMED_COMPILEZONE FIXTURE_DIR
Each FIXTURE_DIR/<origin>.zone is compared; the origin is the file name without ".zone"."""
import os
import subprocess
import sys

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
    out = subprocess.run([tool, "-q", "-f", "text", "-F", "text", "-s", "full", "-o", "-",
                          origin, path], capture_output=True, text=True, check=True).stdout
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


def main():
    dump, compilezone, fixture_dir = sys.argv[1:4]
    fixtures = sorted(f for f in os.listdir(fixture_dir) if f.endswith(".zone"))
    print("1..%d" % len(fixtures))
    failed = 0
    for n, name in enumerate(fixtures, 1):
        origin = name[:-len(".zone")]
        path = os.path.join(fixture_dir, name)
        problems = []
        try:
            theirs = bind_records(compilezone, origin, path)
            ours, findings = our_records(dump, origin, path)
            problems += ["finding: " + f for f in findings]
            problems += ["only BIND: %r" % (r,) for r in sorted(theirs - ours)]
            problems += ["only lcsdns: %r" % (r,) for r in sorted(ours - theirs)]
            if not theirs:
                problems.append("BIND read no records")
        except (subprocess.CalledProcessError, RuntimeError, ValueError) as e:
            problems.append("error: %s" % e)
        if problems:
            failed += 1
            print("not ok %d - %s" % (n, name))
            for p in problems:
                print("# " + p)
        else:
            print("ok %d - %s (%d records)" % (n, name, len(theirs)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
