#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lcsdns-check as a user runs it: the issue's examples, every format, exit codes, bad input.
Speaks TAP. Usage: test-cli.py LCSDNS_CHECK"""
import json
import os
import subprocess
import sys
import subprocess
import tempfile

from clitap import case, expect, finish
import clitap

TOOL = sys.argv[1]
ROOT = os.environ["LCS_SOURCE_ROOT"]
ARTICLE = ["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.10",
           "--transport", "both", "--clients", "communicator,messenger"]


def run(*args):
    return clitap.run(TOOL, *args)


@case("plan prints the article's records, TLS on 5061 and TCP on 5060")
def _():
    code, out, err = run(*ARTICLE, "--plan")
    expect(code == 0, f"exit {code}: {err}")
    for line in ["_sipinternaltls._tcp.contoso.com.", "0 0 5061 lcs.contoso.com.",
                 "_sipinternal._tcp.contoso.com.", "0 0 5060 lcs.contoso.com.",
                 "_sip._tls.contoso.com.", "_sip._tcp.contoso.com.", "192.0.2.10",
                 # the same, as the Windows dialogs want it typed
                 "SRV in contoso.com: Service _sipinternaltls, Protocol _tcp, Priority 0, Weight 0, "
                 "Port number 5061, Host offering this service lcs.contoso.com.",
                 "Host in contoso.com: Name lcs, IP address 192.0.2.10"]:
        expect(line in out, f"missing {line!r} in:\n{out}")


@case("dnscmd lines are the ones an admin pastes")
def _():
    code, out, err = run(*ARTICLE, "--plan", "--format", "dnscmd")
    expect(code == 0, err)
    lines = out.strip().splitlines()
    expect("dnscmd . /RecordAdd contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcs.contoso.com." in lines, out)
    expect("dnscmd . /RecordAdd contoso.com _sipinternal._tcp SRV 0 0 5060 lcs.contoso.com." in lines, out)
    expect("dnscmd . /RecordAdd contoso.com lcs A 192.0.2.10" in lines, out)
    expect(all(l.startswith("dnscmd . /RecordAdd ") for l in lines if l and not l.startswith("REM")), out)


@case("PowerShell lines use Add-DnsServerResourceRecord")
def _():
    code, out, err = run(*ARTICLE, "--plan", "--format", "powershell")
    expect(code == 0, err)
    expect("Add-DnsServerResourceRecord -Srv -ZoneName contoso.com -Name _sipinternaltls._tcp "
           "-DomainName lcs.contoso.com -Priority 0 -Weight 0 -Port 5061" in out, out)
    expect("Add-DnsServerResourceRecordA -ZoneName contoso.com -Name lcs -IPv4Address 192.0.2.10" in out, out)


@case("bind, csv and json formats")
def _():
    code, out, _ = run(*ARTICLE, "--plan", "--format", "bind")
    expect(code == 0 and "_sipinternaltls._tcp.contoso.com. 3600 IN SRV 0 0 5061 lcs.contoso.com." in out, out)
    code, out, _ = run(*ARTICLE, "--plan", "--format", "csv")
    expect(code == 0 and out.splitlines()[0].count(",") >= 4, out)
    code, out, _ = run(*ARTICLE, "--plan", "--format", "json")
    doc = json.loads(out)
    expect(doc["tool"] == "lcsdns-check" and doc["source"]["kind"] == "plan", out)
    expect(all(r["status"] == "planned" and r["name"].endswith(".") for r in doc["records"]), out)
    expect(set(doc["summary"]) == {"errors", "warnings", "info"}, out)


@case("a second SIP domain gets its own host record and SRV records pointing at it")
def _():
    code, out, err = run(*ARTICLE, "--domain", "fabrikam.com", "--plan", "--format", "bind")
    expect(code == 0, err)
    expect("sip.fabrikam.com. 3600 IN A 192.0.2.10" in out, out)
    expect("_sipinternaltls._tcp.fabrikam.com. 3600 IN SRV 0 0 5061 sip.fabrikam.com." in out, out)


@case("entry: the split mistake is reported with its fix, exit 1")
def _():
    code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                         "192.0.2.10", "--service", "_sipinternaltls._tcp", "--protocol", "_tcp",
                         "--priority", "0", "--weight", "0", "--port", "5061", "--target",
                         "lcs.contoso.com", "--format", "json")
    expect(code == 1, f"exit {code}")
    doc = json.loads(out)
    expect(doc["source"]["kind"] == "entry", out)
    split = [f for f in doc["findings"] if f["rule"] == "srv-split"]
    expect(split and split[0]["name"] == "_sipinternaltls._tcp._tcp.contoso.com.", out)
    expect("_sipinternaltls" in split[0]["fix"] and "_tcp" in split[0]["fix"], out)


@case("entry: --format dnscmd prints the record to create, with the fixes applied")
def _():
    code, out, _ = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                       "192.0.2.10", "--service", "_sipinternaltls._tcp", "--protocol", "_tcp",
                       "--port", "5061", "--target", "lcs.contoso.com", "--format", "dnscmd")
    expect(code == 1, f"exit {code}")
    expect("dnscmd . /RecordAdd contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcs.contoso.com." in out, out)
    expect("_tcp._tcp" not in out, out)


ENTRY_RULES = [
    ("srv-domain-in-service", ["--service", "_sip._tls.contoso.com", "--protocol", "_tls", "--port", "5061", "--target", "lcs.contoso.com"]),
    ("srv-underscore", ["--service", "sipinternaltls", "--protocol", "_tcp", "--port", "5061", "--target", "lcs.contoso.com"]),
    ("srv-unknown-service", ["--service", "_sipinterntls", "--protocol", "_tcp", "--port", "5061", "--target", "lcs.contoso.com"]),
    ("srv-wrong-protocol", ["--service", "_sipinternaltls", "--protocol", "_tls", "--port", "5061", "--target", "lcs.contoso.com"]),
    ("srv-port", ["--service", "_sipinternal", "--protocol", "_tcp", "--port", "5061", "--target", "lcs.contoso.com"]),
    ("srv-range", ["--service", "_sipinternaltls", "--protocol", "_tcp", "--port", "99999", "--target", "lcs.contoso.com"]),
    ("srv-target-syntax", ["--service", "_sipinternaltls", "--protocol", "_tcp", "--port", "5061", "--target", "192.0.2.10"]),
    ("srv-target-dot", ["--service", "_sipinternaltls", "--protocol", "_tcp", "--port", "5061", "--target", "."]),
    ("srv-target-domain", ["--service", "_sipinternaltls", "--protocol", "_tcp", "--port", "5061", "--target", "lcs.fabrikam.com"]),
]
for rule, args in ENTRY_RULES:
    @case(f"entry: {rule}")
    def _(rule=rule, args=args):
        code, out, _ = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                           "192.0.2.10", "--transport", "both", *args, "--format", "json")
        doc = json.loads(out)
        expect(any(f["rule"] == rule for f in doc["findings"]), out)
        expect(code == (1 if doc["summary"]["errors"] else 0), f"exit {code}")


@case("entry: a correct entry, upper case and final dot, exits 0")
def _():
    code, out, _ = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                       "192.0.2.10", "--service", "_SIPINTERNALTLS", "--protocol", "_TCP",
                       "--port", "5061", "--target", "LCS.contoso.com.")
    expect(code == 0, out)


@case("demo: the zone check finds the demo's mistakes, exit 1")
def _():
    code, out, _ = run("--demo", "--format", "json")
    expect(code == 1, f"exit {code}")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    for rule in ["srv-split", "record-misplaced", "pool-vip", "srv-target-domain",
                 "host-per-domain", "srv-underscore", "srv-target-cname", "srv-port", "dns-split-view"]:
        expect(rule in rules, f"{rule} not in {sorted(rules)}")
    expect(not any(r.startswith("zone-syntax") for r in rules), rules)


@case("zone: a correct zone exits 0; --origin and the Windows file name give the origin")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "contoso.com.dns")
        with open(path, "w", newline="") as f:
            f.write("@ IN SOA ns1 hostmaster 1 900 600 86400 3600\r\n@ NS ns1\r\nns1 A 192.0.2.2\r\n"
                    "_sipinternaltls._tcp SRV 0 0 5061 lcs\r\nlcs [AGE:3636591] 1200 A 192.0.2.10\r\n"
                    "_ldap._tcp SRV 0 100 389 dc01\r\n")
        code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                             "192.0.2.10", "--zone", path)
        expect(code == 0, f"exit {code}: {out}{err}")
        other = os.path.join(tmp, "export.txt")
        os.rename(path, other)
        code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                             "192.0.2.10", "--zone", other, "--origin", "contoso.com")
        expect(code == 0, f"exit {code}: {out}{err}")


@case("demo: --format nsupdate deletes the wrong records by their data and adds the right ones")
def _():
    code, out, err = run("--demo", "--format", "nsupdate")
    expect(code == 1, f"exit {code}: {err}")
    for line in ["update delete _sipinternaltls._tcp._tcp.contoso.com. IN SRV 0 0 5061 lcspool.contoso.com.",
                 "update add _sipinternaltls._tcp.contoso.com. 3600 IN SRV 0 0 5061 lcspool.contoso.com.",
                 "update delete _sipinternal._tcp.contoso.com. IN SRV 0 0 5061 lcspool.contoso.com.",
                 "update add _sipinternal._tcp.contoso.com. 3600 IN SRV 0 0 5060 lcspool.contoso.com.",
                 "update delete lcspool.contoso.com. IN A 10.0.0.51",
                 "update add lcspool.contoso.com. 3600 IN A 10.0.0.50",
                 "zone contoso.com.", "send"]:
        expect(line in out.splitlines(), f"missing {line!r} in:\n{out}")
    # The AD records, the members and the workstations are not the plan's business.
    for untouched in ["_ldap", "_kerberos", "_gc", "lcs01", "ws042", "dc01", "sip.contoso.com."]:
        expect(not any(untouched in l for l in out.splitlines() if l.startswith("update")),
               f"{untouched} touched:\n{out}")
    expect(not any(l.startswith("update delete") and len(l.split()) < 5 for l in out.splitlines()),
           f"a deletion by name alone:\n{out}")


@case("demo: dnscmd and PowerShell fix scripts delete before they add, with CRLF line ends")
def _():
    code, out, _ = run("--demo", "--format", "dnscmd")
    raw = subprocess.run([TOOL, "--demo", "--format", "dnscmd"], capture_output=True).stdout
    expect(raw.count(b"\n") == raw.count(b"\r\n"), "dnscmd lines do not all end in CRLF")
    lines = out.splitlines()
    delete = lines.index("dnscmd %SERVER% /RecordDelete contoso.com lcspool A 10.0.0.51 /f")
    add = lines.index("dnscmd %SERVER% /RecordAdd contoso.com lcspool A 10.0.0.50")
    expect(delete < add, out)
    code, out, _ = run("--demo", "--format", "powershell")
    expect("[CmdletBinding(SupportsShouldProcess)]" in out and "$ErrorActionPreference = 'Stop'" in out, out)
    expect("Remove-DnsServerResourceRecord -ComputerName $ComputerName -ZoneName contoso.com -Name "
           "_sipinternaltls._tcp._tcp -RRType Srv -RecordData '0 0 5061 lcspool.contoso.com.' -Force" in out, out)


@case("--fix-only limits the fix script to one view")
def _():
    code, out, err = run("--demo", "--format", "nsupdate", "--fix-only", "external")
    expect(code == 1, f"exit {code}: {err}")
    expect("; external DNS" in out and "; internal DNS" not in out, out)
    expect("update delete _sipinternaltls._tcp.contoso.com. IN SRV 0 0 5061 lcspool.contoso.com." in out, out)
    code, out, err = run("--demo", "--format", "nsupdate", "--fix-only", "internal")
    expect("; internal DNS" in out and "; external DNS" not in out, out)


@case("a right zone gives a fix script with nothing to do")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "contoso.com.dns")
        with open(path, "w") as f:
            f.write("@ IN SOA ns1 hostmaster 1 900 600 86400 3600\n@ NS ns1\nns1 A 192.0.2.2\n"
                    "_sipinternaltls._tcp SRV 0 0 5061 lcs\nlcs A 192.0.2.10\n")
        code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                             "192.0.2.10", "--zone", path, "--format", "nsupdate")
        expect(code == 0, f"exit {code}: {err}")
        expect("nothing to do" in out and "update " not in out, out)


@case("--plan --format nsupdate adds every planned record, one message per zone")
def _():
    code, out, err = run(*ARTICLE, "--plan", "--format", "nsupdate")
    expect(code == 0, f"exit {code}: {err}")
    expect("update add _sipinternaltls._tcp.contoso.com. 3600 IN SRV 0 0 5061 lcs.contoso.com." in out, out)
    expect("update delete" not in out and out.rstrip().endswith("send"), out)


RULES_DIR = os.path.join(ROOT, "tests", "fixtures", "zones", "rules")


@case("zone: dnscmd's glue of other zones is one info line and exit 0, as BIND ignores it")
def _():
    code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                         "10.0.0.10", "--zone",
                         os.path.join(RULES_DIR, "zone-out-of-zone", "glue", "contoso.com.dns"),
                         "--format", "json")
    expect(code == 0, f"exit {code}: {out}{err}")
    findings = json.loads(out)["findings"]
    glue = [f for f in findings if f["rule"] == "zone-out-of-zone"]
    expect(len(glue) == 1 and glue[0]["severity"] == "info", findings)
    expect(not any(f["rule"] == "zone-syntax" for f in findings), findings)


@case("zone: Microsoft's printed SRV line is srv-target-relative, and nothing says create the doubled name")
def _():
    code, out, err = run("--domain", "contoso.com", "--pool", "pool01.contoso.com", "--pool-ip",
                         "10.0.0.10", "--zone",
                         os.path.join(RULES_DIR, "srv-target-relative", "microsoft-line",
                                      "contoso.com.zone"))
    expect(code == 1, f"exit {code}: {out}{err}")
    expect("srv-target-relative" in out and "add the final dot: pool01.contoso.com." in out, out)
    expect("pool01.contoso.com.contoso.com. A" not in out and "srv-target-domain" not in out, out)


BAD = [
    (["--bogus"], "bogus"),
    (["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "300.1.1.1", "--plan"], "pool-ip"),
    (["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.1", "--plan", "--format", "xml"], "xml"),
    (["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.1", "--zone", "/nonexistent/contoso.com.dns"], "/nonexistent/contoso.com.dns"),
    (["--profile", "/nonexistent/x.lcsdns", "--plan"], "/nonexistent/x.lcsdns"),
    (["--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.1", "--plan"], "domain"),
    (["--domain", "contoso.com;rm -rf", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.1", "--plan", "--format", "dnscmd"], "rm -rf"),
    (["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.1", "--plan", "extra"], "extra"),
    (["--demo", "--format", "nsupdate", "--fix-only", "dmz"], "--fix-only"),
    (["--demo", "--format", "json", "--fix-only", "internal"], "--fix-only"),
    (["--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.1", "--plan", "--format", "nsupdate", "--fix-only", "internal"], "--fix-only"),
]
for args, mention in BAD:
    @case(f"bad usage exits 2 with one line naming {mention!r}")
    def _(args=args, mention=mention):
        code, out, err = run(*args)
        expect(code == 2, f"exit {code}")
        expect(out == "", f"partial output: {out!r}")
        expect(err.count("\n") == 1 and mention in err, f"stderr: {err!r}")


@case("entry: a non-SIP service with the domain and no protocol gets a fix without a protocol")
def _():
    code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                         "10.0.0.1", "--service", "www.contoso.com", "--protocol", "", "--port",
                         "5061", "--target", "sip.contoso.com", "--format", "json")
    expect(code == 1, f"exit {code}: {err}")
    expect(err == "" and "(null)" not in out, f"stderr {err!r}; {out}")
    fixes = [f["fix"] for f in json.loads(out)["findings"] if f.get("fix")]
    expect("Service: _www (owner _www.contoso.com.)" in fixes, out)


@case("a profile with bytes that are not UTF-8 exits 2 with one line naming the key")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        for group, key in [("records", "record1"), ("deployment", "edge"),
                           ("domain-hosts", "contoso.com"), ("checklist", "done")]:
            path = os.path.join(tmp, "bad.lcsdns")
            with open(path, "wb") as f:
                f.write(b"[deployment]\ndomains=contoso.com\npool=lcs.contoso.com\n"
                        b"pool-ip=10.0.0.1\n")
                if group != "deployment":
                    f.write(f"[{group}]\n".encode())
                f.write(key.encode() + b"=\xff\n")
            code, out, err = run("--profile", path, "--plan")
            expect(code == 2 and out == "", f"{group}: exit {code}: {out!r}")
            expect(err.count("\n") == 1 and f"[{group}] {key}" in err, f"stderr: {err!r}")


def many_unresolved(tmp, count):
    """A zone whose sign-in SRV owner holds @count records, each to a target without an address:
    @count srv-target-unresolved findings."""
    path = os.path.join(tmp, "contoso.com.zone")
    with open(path, "w") as f:
        f.write("$ORIGIN contoso.com.\n@ SOA ns1 hostmaster 1 900 600 86400 3600\n"
                "lcs A 192.0.2.10\n_sipinternaltls._tcp SRV 0 0 5061 lcs\n")
        for i in range(count):
            f.write("_sipinternaltls._tcp SRV 0 0 5061 t%d\n" % i)
    return run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip", "192.0.2.10",
               "--zone", path, "--format", "json")


def unresolved(out):
    return [f for f in json.loads(out)["findings"] if f["rule"] == "srv-target-unresolved"]


@case("1,001 findings of one rule: 1,000 listed and one line counting the rest; all counted")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        code, out, err = many_unresolved(tmp, 1001)
        expect(code == 1, f"exit {code}: {err}")
        found = unresolved(out)
        expect(len(found) == 1001, f"{len(found)} listed")
        expect(sum("1 more srv-target-unresolved findings in the internal view are not listed"
                   in f["message"] for f in found) == 1, "no line counting the rest")
        expect(json.loads(out)["summary"]["errors"] >= 1001, json.loads(out)["summary"])


@case("1,000 findings of one rule are all listed, with no count line; --all-findings lists 1,500")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        code, out, err = many_unresolved(tmp, 1000)
        expect(code == 1 and len(unresolved(out)) == 1000, f"exit {code}: {len(unresolved(out))}")
        expect(not any("not listed" in f["message"] for f in unresolved(out)), "a count line")
        path = os.path.join(tmp, "contoso.com.zone")
        code, out, err = many_unresolved(tmp, 1500)
        expect(len(unresolved(out)) == 1001, f"default: {len(unresolved(out))}")
        code, out, err = run("--domain", "contoso.com", "--pool", "lcs.contoso.com", "--pool-ip",
                             "192.0.2.10", "--zone", path, "--format", "json", "--all-findings")
        expect(code == 1 and len(unresolved(out)) == 1500, f"--all-findings: {len(unresolved(out))}")


@case("docs/rules.md is what --rules prints")
def _():
    code, out, _ = run("--rules")
    with open(os.path.join(ROOT, "docs", "rules.md"), encoding="utf-8") as f:
        expect(code == 0 and f.read() == out, "docs/rules.md differs from lcsdns-check --rules")


finish()
