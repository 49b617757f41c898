#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates Windows-style zone exports in the shapes real ones have: dnscmd's header comments, an
SOA across lines, name servers of other zones with their glue under "Zone NS records" (out of the
zone), apex records, [AGE:n] and dnscmd /ZonePrint's [Aging:n] tokens, blank owners, TTL and class
in either order, CRLF line ends, sometimes a UTF-8 byte-order mark, and a few zones BIND refuses
(a CNAME beside other data).

usage: gen-windows-exports.py N OUTDIR
Writes OUTDIR/<origin>.dns (the export) and OUTDIR/<origin>.zone (what BIND reads: LF, no aging
tokens, no byte-order mark) for N zones, and prints one origin a line."""
import os
import random
import sys


def aging(rng):
    """A record's aging token, if it was registered dynamically."""
    roll = rng.random()
    if roll < 0.4:
        return ""
    word = "AGE" if roll < 0.8 else "Aging"
    return "[%s:%d] " % (word, 3636591 + rng.randrange(20000))


def ttl_class(rng, ttl):
    """TTL and class in either order, or either one left out."""
    return rng.choice(["%d\t" % ttl, "%d IN\t" % ttl, "IN %d\t" % ttl, "", "IN\t"])


def header(origin, rng):
    yield ";"
    yield ";  Database file %s.dns for %s zone." % (origin, origin)
    yield ";      Zone version:  %d" % rng.randrange(1, 5000)
    yield ";"
    yield ""
    yield "@                       IN  SOA dc01.%s.  hostmaster.%s. (" % (origin, origin)
    for value, what in (("%d" % rng.randrange(1, 5000), "serial number"), ("900", "refresh"),
                        ("600", "retry"), ("86400", "expire")):
        yield "                        %-12s ; %s" % (value, what)
    yield "                        3600       ) ; default TTL"
    yield ""


def name_servers(origin, rng):
    """The zone's NS records; dnscmd writes the glue of every name server under them, also of
    those in other zones (out-of-zone data, which BIND ignores)."""
    yield ";"
    yield ";  Zone NS records"
    yield ";"
    yield ""
    outside = rng.random() < 0.6
    yield "@                       NS\tdc01.%s." % origin
    if outside:
        hoster = "ns%d.hoster%d.net." % (rng.randrange(1, 3), rng.randrange(100))
        yield "@                       NS\t%s" % hoster
        yield "%-23s A\t192.0.2.%d" % (hoster, rng.randrange(1, 255))
        if rng.random() < 0.5:
            yield "%-23s AAAA\t2001:db8::%x" % (hoster, rng.randrange(1, 0xffff))
    yield "dc01                    A\t10.%d.0.2" % rng.randrange(256)
    yield ""


def apex(origin, rng):
    yield "@                       %s%s\tA\t10.0.0.2" % (aging(rng), ttl_class(rng, 600))
    if rng.random() < 0.5:
        yield "                        %sAAAA\tfd00::2" % ttl_class(rng, 600)
    if rng.random() < 0.6:
        yield "@                       MX\t10 mail.%s." % origin
    if rng.random() < 0.5:
        yield '@                       TXT\t"v=spf1 mx -all"'
    if rng.random() < 0.3:
        yield '@                       TXT\t( "MS=ms%d" "second string" )' % rng.randrange(10 ** 8)


def services(origin, rng):
    for service, port in (("_ldap._tcp", 389), ("_kerberos._tcp", 88), ("_gc._tcp", 3268)):
        yield "%-23s %s%s\tSRV\t0 100 %d\tdc01.%s." % (service, aging(rng), ttl_class(rng, 600),
                                                     port, origin)
    pool = "lcs" if rng.random() < 0.5 else "pool01"
    yield "_sipinternaltls._tcp    SRV\t0 0 5061\t%s.%s." % (pool, origin)
    if rng.random() < 0.5:
        yield "_sip._tls               SRV\t0 0 443\tsip.%s." % origin
    yield "%-23s A\t10.0.0.10" % pool
    yield "sip                     CNAME\t%s" % pool


def hosts(origin, rng):
    for i in range(rng.randrange(5, 40)):
        ttl = ttl_class(rng, 1200)
        yield "host%-19d %s%s\tA\t10.%d.%d.%d" % (i, aging(rng), ttl, rng.randrange(256),
                                                 rng.randrange(256), rng.randrange(1, 255))
        if rng.random() < 0.1:
            # BIND gives an RRset the TTL of its first record ("TTL set to prior TTL"): the
            # second address has the same, so that records compare one to one.
            yield "                        %s%sA\t10.1.1.%d" % (aging(rng), ttl,
                                                             rng.randrange(1, 255))
    yield "mail                    A\t10.0.0.25"
    if rng.random() < 0.3:
        # A delegation with its (in-zone) glue.
        yield "branch                  NS\tns.branch.%s." % origin
        yield "ns.branch               A\t10.9.0.1"
    if rng.random() < 0.05:
        # BIND refuses this zone: the differential run must not require anything of it.
        yield "mail                    CNAME\thost0.%s." % origin


def export(origin, rng):
    lines = list(header(origin, rng)) + list(name_servers(origin, rng))
    lines += [";", ";  Zone records", ";", ""]
    lines += list(apex(origin, rng)) + list(services(origin, rng)) + list(hosts(origin, rng))
    return lines


def strip_aging(line):
    start = line.find("[")
    if start < 0 or line[start:start + 4] not in ("[AGE", "[Agi"):
        return line
    end = line.index("]", start)
    return line[:start] + line[end + 2:]


def main():
    count, outdir = int(sys.argv[1]), sys.argv[2]
    for n in range(count):
        rng = random.Random(n)
        origin = "corp%d.example%d.com" % (n, rng.randrange(10))
        lines = export(origin, rng)
        bom = b"\xef\xbb\xbf" if rng.random() < 0.1 else b""
        with open(os.path.join(outdir, origin + ".dns"), "wb") as f:
            f.write(bom + "".join(l + "\r\n" for l in lines).encode("ascii"))
        with open(os.path.join(outdir, origin + ".zone"), "w", newline="\n") as f:
            f.write("".join(strip_aging(l) + "\n" for l in lines))
        print(origin)


if __name__ == "__main__":
    main()
