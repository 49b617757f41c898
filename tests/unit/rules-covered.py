#!/usr/bin/env python3
"""Every rule of the catalogue has a test that triggers it and a near miss that must not.

The rule ids come from `lcsdns-check --rules`, so a new rule fails this test until it has both.
Cases are found where the suites declare them:
  - tests/zone-rules/cases.txt: a trigger is a case that expects the rule at least once; a near
    miss is a case named <rule>/near-…, which expects every rule that fires, so not that one;
  - tests/unit/test-entry.c: its table's TRIGGERS ("rule", …) and NEAR_MISS ("rule", …) rows;
  - for the rules only a live lookup, a certificate or the New Host dialog decide, ELSEWHERE below
    names the test (by its GTest path) that holds the trigger and the near miss, and this checks
    that the test exists.
Usage: rules-covered.py SOURCE_ROOT LCSDNS_CHECK (TAP output)."""
import os
import re
import subprocess
import sys

# rule: (test source, test path with the trigger, test path with the near miss)
ELSEWHERE = {
    "host-name": ("tests/unit/test-entry.c", "/entry/host", "/entry/host"),
    "host-address": ("tests/unit/test-entry.c", "/entry/host", "/entry/host"),
    "dns-wildcard": ("tests/lookup/test-live.c", "/live/dns-wildcard", "/live/dns-wildcard"),
    "dns-lookup-failed": ("tests/lookup/test-live.c", "/live/dns-lookup-failed/", "/live/correct"),
    "cert-san-missing": ("tests/cert/test-cert.c", "/cert/san-missing/exact-set",
                         "/cert/san-missing/upper-case"),
    "cert-subject": ("tests/cert/test-cert.c", "/cert/subject", "/cert/subject"),
    "cert-validity": ("tests/cert/test-cert.c", "/cert/validity", "/cert/validity"),
    "cert-san-length": ("tests/cert/test-cert.c", "/cert/san-length", "/cert/san-length"),
}


def catalogue(cli):
    text = subprocess.run([cli, "--rules"], capture_output=True, text=True, check=True).stdout
    ids = []
    for line in text.splitlines():
        if line.startswith("# ") and ids:
            break  # the required-records tables that follow name generations, not rules
        m = re.match(r"^## `([a-z0-9-]+)`", line)
        if m:
            ids.append(m.group(1))
    return ids


def zone_cases(root):
    groups, current = {}, None
    with open(os.path.join(root, "tests", "zone-rules", "cases.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^\[(.+)\]$", line)
            if m:
                current = m.group(1)
                groups[current] = {}
            elif current and "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                groups[current][key] = value
    triggers, near = {}, {}
    for name, keys in groups.items():
        if name == "defaults" or "known-bug" in keys:
            continue
        for item in filter(None, keys.get("expect", "").split(";")):
            rule, count = item.split(":")
            if int(count) > 0:
                triggers.setdefault(rule, []).append("zone-rules [%s]" % name)
        parts = name.split("/")
        if len(parts) > 1 and parts[-1].startswith("near"):
            near.setdefault(parts[0], []).append("zone-rules [%s]" % name)
    return triggers, near


def entry_cases(root):
    with open(os.path.join(root, "tests", "unit", "test-entry.c"), encoding="utf-8") as f:
        source = f.read()
    triggers, near = {}, {}
    for rule in re.findall(r'\bTRIGGERS \("([a-z0-9-]+)"', source):
        triggers.setdefault(rule, []).append("test-entry table")
    for rule in re.findall(r'\bNEAR_MISS \("([a-z0-9-]+)"', source):
        near.setdefault(rule, []).append("test-entry table")
    return triggers, near


def registered(root, source, path):
    with open(os.path.join(root, source), encoding="utf-8") as f:
        return ('"%s' % path) in f.read()


def main():
    root, cli = sys.argv[1], sys.argv[2]
    ids = catalogue(cli)
    triggers, near = {}, {}
    for found in (zone_cases(root), entry_cases(root)):
        for table, into in zip(found, (triggers, near)):
            for rule, where in table.items():
                into.setdefault(rule, []).extend(where)
    for rule, (source, trigger, near_miss) in ELSEWHERE.items():
        if registered(root, source, trigger):
            triggers.setdefault(rule, []).append(source + " " + trigger)
        if registered(root, source, near_miss):
            near.setdefault(rule, []).append(source + " " + near_miss)

    print("1..%d" % (len(ids) + 1))
    print(("ok" if len(ids) >= 30 else "not ok") + " 1 the catalogue lists %d rules" % len(ids))
    for n, rule in enumerate(ids, 2):
        missing = [what for what, table in (("a trigger", triggers), ("a near miss", near))
                   if rule not in table]
        if missing:
            print("not ok %d %s has no %s" % (n, rule, " and no ".join(w[2:] for w in missing)))
        else:
            print("ok %d %s: triggered in %s; near miss in %s"
                  % (n, rule, triggers[rule][0], near[rule][0]))


main()
