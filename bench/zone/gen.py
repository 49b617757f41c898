#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates a zone of N records shaped like a Windows DNS export of an AD domain with an LCS/OCS
deployment: CRLF line ends, [AGE:n] on dynamically registered records, mostly A hosts, some SRV
and CNAME, the AD _ldap/_kerberos/_gc SRV records per site and DC.

usage: gen.py N OUTDIR [ORIGIN]
Writes OUTDIR/<origin>.dns (the Windows export) and OUTDIR/<origin>.zone: the same records for the
baselines, which refuse [AGE:] (and kzonecheck CRLF): LF line ends, no aging tokens."""
import os
import random
import sys

DCS = 10
AD_SERVICES = ["_ldap._tcp", "_kerberos._tcp", "_kerberos._udp", "_kpasswd._tcp",
               "_kpasswd._udp", "_gc._tcp"]
SITE_SERVICES = [("_ldap._tcp", 389), ("_kerberos._tcp", 88), ("_gc._tcp", 3268)]
PORTS = {"_ldap": 389, "_kerberos": 88, "_kpasswd": 464, "_gc": 3268}


def line(owner, fields, age=None):
    """One record as dnscmd /ZoneExport writes it: the owner padded to 24, then tabs."""
    age_text = "[AGE:%d]\t" % age if age is not None else ""
    return "%-23s %s%s" % (owner, age_text, "\t".join(fields))


def records(n, origin, rng):
    yield ";"
    yield ";  Database file %s.dns for %s zone." % (origin, origin)
    yield ";      Zone version:  4711"
    yield ";"
    yield ""
    yield "@                       IN  SOA dc01.%s.  hostmaster.%s. (" % (origin, origin)
    for value, what in (("4711", "serial number"), ("900", "refresh"), ("600", "retry"),
                        ("86400", "expire")):
        yield "                        %-12s ; %s" % (value, what)
    yield "                        3600       ) ; default TTL"
    yield ""
    yield ";\n;  Zone NS records\n;\n"
    for dc in range(1, 3):
        yield line("@", ["NS", "dc%02d.%s." % (dc, origin)])
    yield ";\n;  Zone records\n;\n"

    def age():
        return 3636591 + rng.randrange(2000)

    count = 3
    sites = max(1, min(50, n // 20000))
    for site in range(sites):
        name = "Site-%02d" % site
        for service, port in SITE_SERVICES:
            owner = "%s.%s._sites" % (service, name)
            for dc in range(1, DCS + 1):
                yield line(owner if dc == 1 else "", ["600", "SRV", "0 100 %d" % port,
                                                         "dc%02d.%s." % (dc, origin)], age())
                count += 1
    for service in AD_SERVICES:
        port = PORTS[service.split(".")[0]]
        for dc in range(1, DCS + 1):
            yield line(service if dc == 1 else "", ["600", "SRV", "0 100 %d" % port,
                                                       "dc%02d.%s." % (dc, origin)], age())
            count += 1
    yield line("_msdcs", ["NS", "dc01.%s." % origin])
    yield line("_sipinternaltls._tcp", ["SRV", "0 0 5061", "pool01.%s." % origin])
    yield line("_sip._tls", ["SRV", "0 0 443", "sip.%s." % origin])
    yield line("_sipfederationtls._tcp", ["SRV", "0 0 5061", "sip.%s." % origin])
    yield line("pool01", ["A", "10.0.0.20"])
    yield line("sip", ["A", "10.0.0.21"])
    yield line("lcs", ["CNAME", "pool01.%s." % origin])
    count += 7
    for dc in range(1, DCS + 1):
        yield line("dc%02d" % dc, ["1200", "A", "10.0.1.%d" % dc], age())
        count += 1
    host = 0
    while count < n:
        host += 1
        kind = rng.random()
        address = "10.%d.%d.%d" % (host >> 16 & 255, host >> 8 & 255, (host & 255) or 1)
        if kind < 0.92:
            yield line("hostname%06d" % host, ["1200", "A", address], age())
            count += 1
            if rng.random() < 0.05 and count < n:
                yield line("", ["1200", "A", "172.16.%d.%d" % (host >> 8 & 255, host & 255)],
                              age())
                count += 1
        elif kind < 0.96:
            yield line("server%06d" % host, ["A", address])
            count += 1
        elif kind < 0.98:
            yield line("alias%06d" % host, ["CNAME", "hostname%06d.%s." % (host - 1, origin)])
            count += 1
        else:
            yield line("_http._tcp.app%06d" % host, ["SRV", "0 0 80",
                                                        "server%06d.%s." % (host - 2, origin)])
            count += 1


def main():
    n = int(sys.argv[1])
    outdir = sys.argv[2]
    origin = sys.argv[3] if len(sys.argv) > 3 else "contoso.com"
    rng = random.Random(n)
    os.makedirs(outdir, exist_ok=True)
    windows = open(os.path.join(outdir, origin + ".dns"), "w", newline="\r\n")
    bind = open(os.path.join(outdir, origin + ".zone"), "w", newline="\n")
    with windows, bind:
        for text in records(n, origin, rng):
            windows.write(text + "\n")
            bind.write(strip_age(text) + "\n")


def strip_age(text):
    start = text.find("[AGE:")
    if start < 0:
        return text
    return text[:start] + text[text.index("]", start) + 2:]


if __name__ == "__main__":
    main()
