#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Zone reader benchmark: lcsdns against named-checkzone and kzonecheck on the same records.

usage: run.py LCS_ZONE_BENCH [--cli LCSDNS_CHECK] [--sizes 2000,1000000] [--workdir DIR] [--runs N]

With --cli, the real command `lcsdns-check --zone` (load and every check) is timed too, and the
goals are judged for it as well as for the loader alone.

For each size, gen.py writes a Windows export (<origin>.dns: CRLF, [AGE:]) and a BIND-compatible
copy of the same records (<origin>.zone: LF, no [AGE:]), which the baselines need. Each command is
run several times under `/usr/bin/time -f "%U %S %M"`; the table shows the best wall time, the best
CPU time (user + system: steadier than wall time on a busy machine) and the peak resident memory
(KiB)."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGIN = "contoso.com"


def run_once(argv, ok_codes=(0,)):
    """Wall seconds, CPU seconds (user + system) and peak KiB of one run. CPU time and memory come
    from /usr/bin/time: measured from here, the forked Python image would count too."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name] + argv,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode not in ok_codes:
            sys.exit("%s failed (%d): %s" % (" ".join(argv), proc.returncode,
                                             proc.stderr.decode(errors="replace").strip()[-500:]))
        user, system, kib = report.read().split()[-3:]
        return elapsed, float(user) + float(system), int(kib)


def measure(argv, runs, ok_codes):
    """The best wall time and the best CPU time over @runs (on a shared machine the two best
    need not come from the same run), and the largest peak memory."""
    results = [run_once(argv, ok_codes) for _ in range(runs)]
    return (min(r[0] for r in results), min(r[1] for r in results), max(r[2] for r in results))


def generate(size, workdir):
    outdir = os.path.join(workdir, str(size))
    dns = os.path.join(outdir, ORIGIN + ".dns")
    zone = os.path.join(outdir, ORIGIN + ".zone")
    if not (os.path.exists(dns) and os.path.exists(zone)):
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(size), outdir, ORIGIN],
                       check=True)
    return dns, zone


LOAD = "lcsdns load .dns (CRLF, AGE)"
CLI = "lcsdns-check --zone .dns"


def ratio(theirs, ours):
    """theirs / ours; /usr/bin/time counts CPU in 10 ms steps: no ratio below a few steps."""
    return theirs / ours if ours >= 0.05 else None


def show(value):
    return "%.2fx" % value if value is not None else "-"


def compare(size, ours_name, results):
    """Prints how many times faster (and smaller) @ours_name is than each baseline; returns the
    goals judged for it at @size."""
    wall, cpu, kib = results[ours_name]
    per_record = kib * 1024.0 / size
    for baseline in ("named-checkzone .zone", "kzonecheck .zone"):
        theirs = results[baseline]
        print("%-28s vs %-22s %7s wall %7s CPU %7s memory"
              % (ours_name, baseline, show(theirs[0] / wall), show(ratio(theirs[1], cpu)),
                 show(theirs[2] / kib)))
    if size >= 1000000:
        kz = results["kzonecheck .zone"]
        kz_wall, kz_cpu = kz[0] / wall, ratio(kz[1], cpu)
        return [("%d, %s: >= 3x faster than kzonecheck (wall %.2fx, CPU %s)"
                 % (size, ours_name, kz_wall, show(kz_cpu)),
                 kz_wall >= 3.0 and kz_cpu is not None and kz_cpu >= 3.0),
                ("%d, %s: < 200 bytes peak per record (%.0f)" % (size, ours_name, per_record),
                 per_record < 200)]
    named = results["named-checkzone .zone"]
    return [("%d, %s: faster than named-checkzone (wall %.2fx, CPU %s)"
             % (size, ours_name, named[0] / wall, show(ratio(named[1], cpu))),
             wall < named[0])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bench")
    parser.add_argument("--cli", help="lcsdns-check, timed as a whole: load and checks")
    parser.add_argument("--sizes", default="2000,1000000")
    parser.add_argument("--workdir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                          "lcs-bench-zone"))
    parser.add_argument("--runs", type=int, default=0, help="runs per command (default 10 or 3)")
    args = parser.parse_args()
    bench = os.path.abspath(args.bench)
    missing = [t for t in ("named-checkzone", "kzonecheck") if shutil.which(t) is None]
    if missing:
        sys.exit("missing baseline tools: " + ", ".join(missing))

    goals = []
    for size in (int(s) for s in args.sizes.split(",")):
        dns, zone = generate(size, args.workdir)
        runs = args.runs or (10 if size < 100000 else 3)
        cases = [
            (LOAD, [bench, dns], (0,)),
            ("lcsdns load .zone", [bench, zone, ORIGIN], (0,)),
            ("lcsdns read-only .dns", [bench, "--read-only", dns], (0,)),
            ("named-checkzone .zone", ["named-checkzone", ORIGIN, zone], (0,)),
            ("kzonecheck .zone", ["kzonecheck", "-o", ORIGIN, zone], (0,)),
        ]
        if args.cli:
            # Exit status 1: the checks found errors (the generated _sip._tls and federation
            # records point at sip.<origin>, not at the pool), which is fine here.
            cases.insert(3, (CLI, [os.path.abspath(args.cli), "--domain", ORIGIN,
                                   "--pool", "lcs." + ORIGIN, "--pool-ip", "10.0.0.10",
                                   "--zone", dns], (0, 1)))
        print("\n%d records (%s: %d bytes; %s: %d bytes), best of %d runs"
              % (size, os.path.basename(dns), os.path.getsize(dns), os.path.basename(zone),
                 os.path.getsize(zone), runs))
        print("%-30s %9s %9s %11s %10s" % ("command", "wall s", "CPU s", "peak KiB", "B/record"))
        results = {}
        for name, argv, ok_codes in cases:
            wall, cpu, kib = measure(argv, runs, ok_codes)
            results[name] = (wall, cpu, kib)
            print("%-30s %9.4f %9.4f %11d %10.1f" % (name, wall, cpu, kib, kib * 1024.0 / size))
        for ours_name in (LOAD, CLI):
            if ours_name in results:
                goals += compare(size, ours_name, results)
    print()
    for goal, met in goals:
        print("%s %s" % ("MET    " if met else "NOT MET", goal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
