#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Adversarial zone shapes, checked by lcsdns-check next to kzonecheck reading the same file:
the cost must grow as n log n in the records, whatever their shape (issue 14).

usage: shapes.py LCSDNS_CHECK [--shapes one-target,pool-a-200k,...] [--workdir DIR] [--runs N]

Shapes:
  one-target    64 KiB: 1,360 SRV records at one owner, all to one target holding 3,973 A records
  pool-a-200k   200,000 A records at the pool's name (and pool-a-400k: twice as many)
  one-owner     200,000 SRV records at one owner, each to its own target
  cname-chain   100,000 CNAMEs in one chain ending at the pool
  hosting-1m    1,000,000 records, 45 % of them SIP SRV records of customer sub-domains
Prints, per shape, the best wall and CPU time and the peak memory of each, and kzonecheck's / ours
as ratios (run side by side, never a timed assertion)."""
import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import measure, ratio, show  # noqa: E402

ORIGIN = "contoso.com"
POOL = "lcspool." + ORIGIN
POOL_IP = "10.0.0.50"
HEAD = ("$ORIGIN %s.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 900 600 86400 3600\n@ IN NS ns1\n"
        "ns1 IN A 10.0.0.2\n" % ORIGIN)


def address(i):
    return "10.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, (i & 255) or 1)


def one_target(out):
    out.write(HEAD)
    for i in range(1360):
        out.write("%s SRV 0 %d 5061 %s.\n" % ("_sipinternaltls._tcp" if i == 0 else "",
                                              i, POOL))
    # None of them is the profile's pool IP: every address is compared.
    for i in range(3973):
        out.write("%s A %s\n" % ("lcspool" if i == 0 else "", address((2 << 16) + i + 1)))


def pool_a(count):
    def write(out):
        out.write(HEAD)
        out.write("_sipinternaltls._tcp SRV 0 0 5061 %s.\n" % POOL)
        for i in range(count):
            out.write("%s A %s\n" % ("lcspool" if i == 0 else "", address(i + 1)))
    return write


def one_owner(out):
    out.write(HEAD)
    for i in range(200000):
        out.write("%s SRV 0 0 5061 h%d\n" % ("_sipinternaltls._tcp" if i == 0 else "", i))
    out.write("lcspool A %s\n" % POOL_IP)


def cname_chain(out):
    out.write(HEAD)
    out.write("_sipinternaltls._tcp SRV 0 0 5061 c0\n")
    for i in range(100000):
        out.write("c%d CNAME c%d\n" % (i, i + 1))
    out.write("c100000 CNAME lcspool\nlcspool A %s\n" % POOL_IP)


def hosting(out):
    """A hosting provider's zone: customers' sub-domains, each with the SIP SRV records its
    own Lync deployment needs (45 % of the records), and their hosts."""
    out.write(HEAD)
    out.write("_sipinternaltls._tcp SRV 0 0 5061 lcspool\nlcspool A %s\n" % POOL_IP)
    n = 7
    customer = 0
    while n < 1000000:
        customer += 1
        c = "cust%06d" % customer
        # 9 SIP SRV + 11 other records per customer: 45 %
        for svc, port in (("_sipinternaltls._tcp", 5061), ("_sipinternal._tcp", 5060),
                          ("_sip._tls", 443), ("_sipfederationtls._tcp", 5061),
                          ("_sip._tcp", 5060)):
            out.write("%s.%s SRV 0 0 %d sip.%s\n" % (svc, c, port, c))
        for svc in ("_sipinternaltls._tcp", "_sip._tls", "_sipinternal._tcp", "_sip._tcp"):
            out.write("%s.%s SRV 10 0 5061 sip2.%s\n" % (svc, c, c))
        out.write("%s A %s\n" % (c, address(customer)))
        out.write("www.%s A %s\n" % (c, address(customer)))
        out.write("sip.%s A %s\n" % (c, address(customer)))
        out.write("sip2.%s A %s\n" % (c, address(customer + 1)))
        out.write("mail.%s A %s\n" % (c, address(customer)))
        out.write("%s MX 10 mail.%s\n" % (c, c))
        out.write("%s TXT \"v=spf1 mx -all\"\n" % c)
        out.write("ftp.%s CNAME www.%s\n" % (c, c))
        out.write("lyncdiscover.%s CNAME www.%s\n" % (c, c))
        out.write("meet.%s CNAME www.%s\n" % (c, c))
        out.write("dialin.%s CNAME www.%s\n" % (c, c))
        n += 20


SHAPES = {
    "one-target": one_target,
    "pool-a-200k": pool_a(200000),
    "pool-a-400k": pool_a(400000),
    "one-owner": one_owner,
    "cname-chain": cname_chain,
    "hosting-1m": hosting,
}


def generate(shape, workdir):
    path = os.path.join(workdir, shape, ORIGIN + ".zone")
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".tmp", "w") as out:
            SHAPES[shape](out)
        os.rename(path + ".tmp", path)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--workdir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                          "lcs-bench-shapes"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extra", default="", help="more lcsdns-check arguments, space-separated")
    args = parser.parse_args()
    if shutil.which("kzonecheck") is None:
        sys.exit("missing baseline tool: kzonecheck")
    cli = [os.path.abspath(args.cli), "--domain", ORIGIN, "--pool", POOL, "--pool-ip", POOL_IP,
           "--format", "json"] + args.extra.split()
    print("%-12s %9s %12s %9s %9s %11s %8s %9s %9s"
          % ("shape", "records", "command", "wall s", "CPU s", "peak KiB", "B/rec",
             "kz/ours", "CPU"))
    for shape in args.shapes.split(","):
        path = generate(shape, args.workdir)
        records = sum(1 for line in open(path) if line.strip() and not line.startswith("$"))
        ours = measure(cli + ["--zone", path], args.runs, (0, 1))
        theirs = measure(["kzonecheck", "-o", ORIGIN, path], args.runs, (0, 1))
        for name, (wall, cpu, kib) in (("lcsdns-check", ours), ("kzonecheck", theirs)):
            print("%-12s %9d %12s %9.3f %9.3f %11d %8.0f %9s %9s"
                  % (shape, records, name, wall, cpu, kib, kib * 1024.0 / records,
                     show(theirs[0] / ours[0]) if name == "kzonecheck" else "",
                     show(ratio(theirs[1], ours[1])) if name == "kzonecheck" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
