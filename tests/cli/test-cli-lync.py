#!/usr/bin/python3
"""lcsdns-check for Lync / Skype for Business, Online and hybrid (issue 10): each option of the
new profile fields (docs/spec.md §6), the Lync table of docs/spec.md §3 row by row, entry mode with only a domain.
Speaks TAP. Usage: test-cli-lync.py LCSDNS_CHECK"""
import json
import os
import sys

from clitap import case, expect, finish
import clitap

TOOL = sys.argv[1]
FIXTURES = os.path.join(os.environ["LCS_SOURCE_ROOT"], "tests", "fixtures", "zones", "rules")
POOL = ["--product", "lync", "--domain", "contoso.com", "--pool", "pool.contoso.com",
        "--pool-ip", "10.0.0.10"]
ENTERPRISE = POOL + ["--edition", "enterprise", "--member", "fe1.contoso.com=10.0.0.11",
                     "--member", "fe2.contoso.com=10.0.0.12"]
EDGE = ["--edge", "sip.contoso.com", "--edge-ip", "203.0.113.10"]


def run(*args):
    return clitap.run(TOOL, *args)


def plan(*args):
    """The plan as (name, type, view, expected) tuples."""
    code, out, err = run(*args, "--plan", "--format", "json")
    expect(code == 0, f"exit {code}: {err}")
    return {(r["name"], r["type"], r["view"], r["expected"]) for r in json.loads(out)["records"]}


def names(records):
    return {r[0] for r in records}


@case("--plan for lync with edge, federation, XMPP and web services prints every row of docs/spec.md §3")
def _():
    records = plan(*ENTERPRISE, *EDGE, "--domain", "fabrikam.com", "--federation", "--xmpp",
                   "--web-internal", "webint.contoso.com=10.0.0.20",
                   "--web-external", "webext.contoso.com=203.0.113.20",
                   "--simple-url", "meet=meet.contoso.com", "--simple-url", "dialin=dialin.contoso.com",
                   "--simple-url", "admin=admin.contoso.com",
                   "--edge-webconf", "webcon.contoso.com=203.0.113.11",
                   "--edge-av", "av.contoso.com=203.0.113.12")
    rows = [
        # internal
        ("_sipinternaltls._tcp.contoso.com.", "SRV", "internal", "0 0 5061 pool.contoso.com."),
        ("_sipinternaltls._tcp.fabrikam.com.", "SRV", "internal", "0 0 5061 sip.fabrikam.com."),
        ("sip.fabrikam.com.", "A", "internal", "10.0.0.11"),        # H(D), DNS-balanced
        ("pool.contoso.com.", "A", "internal", "10.0.0.11"),        # one A per Front End
        ("pool.contoso.com.", "A", "internal", "10.0.0.12"),
        ("fe1.contoso.com.", "A", "internal", "10.0.0.11"),         # each Front End's own A
        ("fe2.contoso.com.", "A", "internal", "10.0.0.12"),
        ("lyncdiscoverinternal.contoso.com.", "A", "internal", "10.0.0.20"),
        ("lyncdiscoverinternal.fabrikam.com.", "A", "internal", "10.0.0.20"),
        ("webint.contoso.com.", "A", "internal", "10.0.0.20"),
        ("meet.contoso.com.", "A", "internal", "10.0.0.20"),
        ("dialin.contoso.com.", "A", "internal", "10.0.0.20"),
        ("admin.contoso.com.", "A", "internal", "10.0.0.20"),
        # external
        ("_sip._tls.contoso.com.", "SRV", "external", "0 0 443 sip.contoso.com."),
        ("_sipfederationtls._tcp.contoso.com.", "SRV", "external", "0 0 5061 sip.contoso.com."),
        ("_xmpp-server._tcp.contoso.com.", "SRV", "external", "0 0 5269 sip.contoso.com."),
        ("_sip._tls.fabrikam.com.", "SRV", "external", "0 0 443 sip.fabrikam.com."),
        ("sip.contoso.com.", "A", "external", "203.0.113.10"),
        ("sip.fabrikam.com.", "A", "external", "203.0.113.10"),     # sip.D for every domain
        ("webext.contoso.com.", "A", "external", "203.0.113.20"),
        ("lyncdiscover.contoso.com.", "A", "external", "203.0.113.20"),
        ("lyncdiscover.fabrikam.com.", "A", "external", "203.0.113.20"),
        ("meet.contoso.com.", "A", "external", "203.0.113.20"),
        ("dialin.contoso.com.", "A", "external", "203.0.113.20"),
        ("webcon.contoso.com.", "A", "external", "203.0.113.11"),
        ("av.contoso.com.", "A", "external", "203.0.113.12"),
    ]
    for row in rows:
        expect(row in records, f"missing {row}")
    expect(("admin.contoso.com.", "A", "external", "203.0.113.20") not in records,
           "the admin URL is internal only")
    expect(not any(r[0].startswith("_sipinternal._tcp") for r in records), "no _sipinternal for lync")


@case("--balancing: dns gives the pool one A per Front End, hardware its VIP")
def _():
    dns = plan(*ENTERPRISE, "--balancing", "dns")
    hardware = plan(*ENTERPRISE, "--balancing", "hardware")
    expect(("pool.contoso.com.", "A", "internal", "10.0.0.11") in dns, dns)
    expect(("pool.contoso.com.", "A", "internal", "10.0.0.10") not in dns, dns)
    expect(("pool.contoso.com.", "A", "internal", "10.0.0.10") in hardware, hardware)
    expect(("pool.contoso.com.", "A", "internal", "10.0.0.11") not in hardware, hardware)


@case("--web-internal: lyncdiscoverinternal points at the web services, not the pool")
def _():
    web = plan(*POOL, "--web-internal", "webint.contoso.com=10.0.0.20")
    bare = plan(*POOL)
    expect(("lyncdiscoverinternal.contoso.com.", "A", "internal", "10.0.0.20") in web, web)
    expect(("webint.contoso.com.", "A", "internal", "10.0.0.20") in web, web)
    expect(("lyncdiscoverinternal.contoso.com.", "A", "internal", "10.0.0.10") in bare, bare)


@case("--web-external: lyncdiscover and the web services name point at the reverse proxy")
def _():
    web = plan(*POOL, "--web-external", "webext.contoso.com=203.0.113.20")
    bare = plan(*POOL)
    expect(("lyncdiscover.contoso.com.", "A", "external", "203.0.113.20") in web, web)
    expect(("webext.contoso.com.", "A", "external", "203.0.113.20") in web, web)
    expect("lyncdiscover.contoso.com." not in names(bare), bare)


@case("--simple-url: meet and dialin inside and out, admin inside only")
def _():
    records = plan(*POOL, "--web-external", "webext.contoso.com=203.0.113.20",
                   "--simple-url", "meet=meet.contoso.com", "--simple-url", "admin=admin.contoso.com")
    expect(("meet.contoso.com.", "A", "internal", "10.0.0.10") in records, records)
    expect(("meet.contoso.com.", "A", "external", "203.0.113.20") in records, records)
    expect(("admin.contoso.com.", "A", "internal", "10.0.0.10") in records, records)
    expect(not any(r[0] == "admin.contoso.com." and r[2] == "external" for r in records), records)
    expect("dialin.contoso.com." not in names(records), records)


@case("--edge-webconf and --edge-av: their public A records")
def _():
    records = plan(*POOL, *EDGE, "--edge-webconf", "webcon.contoso.com=203.0.113.11",
                   "--edge-av", "av.contoso.com=203.0.113.12")
    expect(("webcon.contoso.com.", "A", "external", "203.0.113.11") in records, records)
    expect(("av.contoso.com.", "A", "external", "203.0.113.12") in records, records)
    expect("av.contoso.com." not in names(plan(*POOL, *EDGE)), "A/V Edge without --edge-av")


@case("--xmpp: _xmpp-server._tcp on 5269 to the Access Edge")
def _():
    with_xmpp = plan(*POOL, *EDGE, "--xmpp")
    expect(("_xmpp-server._tcp.contoso.com.", "SRV", "external", "0 0 5269 sip.contoso.com.")
           in with_xmpp, with_xmpp)
    expect("_xmpp-server._tcp.contoso.com." not in names(plan(*POOL, *EDGE)), "XMPP without --xmpp")


@case("--legacy-clients=no: a missing _sipinternaltls is an info, and the check exits 0")
def _():
    zone = os.path.join(FIXTURES, "lync", "no-legacy", "contoso.com.zone")
    args = [*ENTERPRISE, "--web-internal", "webint.contoso.com=10.0.0.20", "--zone", zone,
            "--format", "json"]
    code, out, err = run(*args, "--legacy-clients", "no")
    missing = [f for f in json.loads(out)["findings"] if f["rule"] == "record-missing"]
    expect(code == 0 and [f["severity"] for f in missing] == ["info"], f"{code} {out} {err}")
    code, out, _ = run(*args, "--legacy-clients", "yes")
    missing = [f for f in json.loads(out)["findings"] if f["rule"] == "record-missing"]
    expect(code == 1 and [f["severity"] for f in missing] == ["error"], f"{code} {out}")


@case("--online: Microsoft 365's four records, no pool needed; its zone checks clean")
def _():
    records = plan("--product", "lync", "--domain", "contoso.com", "--online")
    expect(records == {
        ("_sip._tls.contoso.com.", "SRV", "external", "100 1 443 sipdir.online.lync.com."),
        ("_sipfederationtls._tcp.contoso.com.", "SRV", "external", "100 1 5061 sipfed.online.lync.com."),
        ("sip.contoso.com.", "CNAME", "external", "sipdir.online.lync.com."),
        ("lyncdiscover.contoso.com.", "CNAME", "external", "webdir.online.lync.com."),
    }, records)
    code, out, err = run("--product", "lync", "--domain", "contoso.com", "--online",
                         "--external-zone", os.path.join(FIXTURES, "online", "contoso.com.zone"),
                         "--format", "json")
    doc = json.loads(out)
    expect(code == 0 and not any(f["rule"] == "srv-target-domain" for f in doc["findings"]), out)
    expect(all(r["status"] == "ok" for r in doc["records"]), out)
    code, out, _ = run("--product", "lync", "--domain", "contoso.com", "--online", "--plan",
                       "--format", "dnscmd")
    expect("dnscmd . /RecordAdd contoso.com sip CNAME sipdir.online.lync.com." in out, out)


@case("--hybrid: on-premises records with federation; Online targets differ from the plan")
def _():
    records = plan(*POOL, *EDGE, "--hybrid")
    expect(("_sipfederationtls._tcp.contoso.com.", "SRV", "external", "0 0 5061 sip.contoso.com.")
           in records, records)
    expect(("_sip._tls.contoso.com.", "SRV", "external", "0 0 443 sip.contoso.com.") in records, records)
    code, out, _ = run(*POOL, *EDGE, "--hybrid",
                       "--external-zone", os.path.join(FIXTURES, "online", "contoso.com.zone"),
                       "--format", "json")
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    expect("record-mismatch" in rules and "srv-target-domain" not in rules, out)


@case("entry mode needs only --domain; what needs the pool says so as info")
def _():
    code, out, err = run("--domain", "contoso.com", "--service", "_sipinternaltls", "--protocol", "_tcp",
                         "--priority", "0", "--weight", "0", "--port", "5061",
                         "--target", "lcs.contoso.com", "--format", "json")
    doc = json.loads(out or "{}")
    expect(code == 0, f"exit {code}: {err}")
    expect([f["rule"] for f in doc["findings"]] == ["srv-target-unchecked"], out)
    code, out, err = run("--domain", "contoso.com", "--service", "_sipinternaltls._tcp",
                         "--protocol", "_tcp", "--port", "5061", "--target", "lcs.contoso.com",
                         "--format", "json")
    expect(code == 1 and "srv-split" in out, f"exit {code}: {out} {err}")


BAD = [
    (["--balancing", "round"], "balancing=round"),
    (["--web-internal", "webint.contoso.com"], "web-internal=webint.contoso.com"),
    (["--web-external", "webext.contoso.com=300.1.1.1"], "web-external=300.1.1.1"),
    (["--simple-url", "chat=chat.contoso.com"], "simple-urls=chat"),
    (["--edge-webconf", "10.0.0.1=10.0.0.1"], "edge-webconf=10.0.0.1"),
    (["--edge-av", "av.contoso.com"], "edge-av=av.contoso.com"),
    (["--legacy-clients", "maybe"], "legacy-clients=maybe"),
    (["--online", "--hybrid"], "--online and --hybrid"),
    (["--hybrid"], "edge"),
]
for extra, mention in BAD:
    @case(f"bad usage exits 2 with one line naming {mention!r}")
    def _(extra=extra, mention=mention):
        code, out, err = run(*POOL, *extra, "--plan")
        expect(code == 2 and out == "", f"exit {code}, output {out!r}")
        expect(err.count("\n") == 1 and mention in err, f"stderr: {err!r}")

finish()
