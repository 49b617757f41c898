#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Live-lookup benchmarks, all on 127.0.0.1.

(a) One domain's full live check (lcsdns-check -s) against a responder that delays every answer
    by 50 ms, against the same questions asked one by one with `dig -f` (sequential).
    Goal: the whole domain in at most 3 round trips of wall time.
(b) 1,000 domains (generated zones) against BIND 9: queries per second of the live lookup
    (bench-live; the count checked against named's statistics channel) against dnsperf's rate
    on the same server with the same questions. Goal: at least half of dnsperf. The whole
    lcsdns-check run (--domains-file) is timed too.

usage: bench-lookup.py BUILD_DIR [--domains N] [--delay-ms MS] [--repeat N]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(SOURCE, "tests", "lookup", "dnsfixture.py")
ZONES = os.path.join(SOURCE, "tests", "lookup", "zones")
PYTHON = "/usr/bin/python3"


class Servers:
    def __init__(self, args):
        self.proc = subprocess.Popen([PYTHON, FIXTURE] + args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("dnsfixture.py did not start")
        self.info = json.loads(line)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.stdin.close()
        self.proc.wait(30)


def profile_args(domain, pool_prefix="lcs"):
    return ["-d", domain, "--pool", "%s.%s" % (pool_prefix, domain), "--pool-ip", "192.0.2.10"]


def run_check(cli, args):
    start = time.monotonic()
    result = subprocess.run([cli] + args + ["-f", "json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    elapsed = time.monotonic() - start
    if result.returncode not in (0, 1):
        sys.stderr.write(result.stderr)
        raise SystemExit("lcsdns-check exited with %d" % result.returncode)
    return elapsed, json.loads(result.stdout)


def bench_round_trips(cli, driver, delay_ms, workdir):
    log = os.path.join(workdir, "queries.log")
    with Servers([ZONES, "--no-named", "--delay-ms", str(delay_ms), "--log-queries", log]) as s:
        port = s.info["faults"]["delay"]
        server = "127.0.0.1:%d" % port
        live, report = run_check(cli, profile_args("good.test") + ["-s", server])
        with open(log) as f:
            questions = [line.split() for line in f if line.strip()]
        no_more = os.path.join(workdir, "no-more-domains.txt")
        open(no_more, "w").close()
        alone = json.loads(subprocess.run([driver, server, "good.test", no_more],
                                          stdout=subprocess.PIPE, text=True,
                                          check=True).stdout)["seconds"]
        batch = os.path.join(workdir, "batch")
        with open(batch, "w") as f:
            for name, qtype in questions:
                f.write("%s %s\n" % (name, qtype))
        start = time.monotonic()
        subprocess.run(["dig", "@127.0.0.1", "-p", str(port), "+tries=1", "+time=2", "+noall",
                        "-f", batch], check=True, stdout=subprocess.DEVNULL)
        sequential = time.monotonic() - start
    print("(a) one domain (good.test), every answer delayed %d ms" % delay_ms)
    print("    questions asked:             %d" % len(questions))
    print("    live check (lcsdns-check):   %.3f s  = %.1f round trips"
          % (live, live * 1000 / delay_ms))
    print("    lookup alone (bench-live):   %.3f s  = %.1f round trips"
          % (alone, alone * 1000 / delay_ms))
    print("    dig -f, one by one:          %.3f s" % sequential)
    print("    sequential / live:           %.1fx" % (sequential / live))
    print("    errors in report:            %d" % report["summary"]["errors"])
    return questions


def write_zones(directory, n):
    internal = os.path.join(directory, "internal")
    os.makedirs(internal)
    domains = ["d%04d.bench.test" % i for i in range(n)]
    for i, domain in enumerate(domains):
        host = "lcs" if i == 0 else "sip"
        with open(os.path.join(internal, domain + ".db"), "w") as f:
            f.write("$TTL 3600\n@ SOA ns.%s. hostmaster.%s. 1 3600 600 86400 3600\n"
                    "@ NS ns\nns A 127.0.0.1\n"
                    "_sipinternaltls._tcp SRV 0 0 5061 %s.%s.\n%s A 192.0.2.10\n"
                    % (domain, domain, host, domain, host))
    return domains


def queries_received(stats_port):
    with urllib.request.urlopen("http://127.0.0.1:%d/json/v1/server" % stats_port) as r:
        return json.load(r)["opcodes"]["QUERY"]


def bench_driver(build, workdir):
    """bench-live from the build, or compiled here against the build's static libraries."""
    built = os.path.join(build, "bench", "lookup", "bench-live")
    # Benchmarks are not built by default: build this one now when ninja is at hand.
    if shutil.which("ninja"):
        subprocess.run(["ninja", "-C", build, os.path.join("bench", "lookup", "bench-live")],
                       stdout=subprocess.DEVNULL, check=False)
    if os.path.exists(built):
        return built
    exe = os.path.join(workdir, "bench-live")
    pkgs = ["gio-2.0", "json-glib-1.0", "libcares"]
    cflags = subprocess.check_output(["pkg-config", "--cflags"] + pkgs, text=True).split()
    libs = subprocess.check_output(["pkg-config", "--libs"] + pkgs, text=True).split()
    subprocess.run(["cc", "-O2", "-std=c11", "-D_DEFAULT_SOURCE",
                    "-I" + os.path.join(SOURCE, "include"),
                    "-I" + os.path.join(SOURCE, "src", "lookup")] + cflags +
                   [os.path.join(HERE, "bench-live.c"),
                    os.path.join(build, "src", "lookup", "liblcsdns-lookup.a"),
                    os.path.join(build, "src", "core", "liblcsdns-core.a")] + libs +
                   ["-o", exe], check=True)
    return exe


def dnsperf_rate(port, perf_file, outstanding):
    perf = subprocess.run(["dnsperf", "-s", "127.0.0.1", "-p", str(port), "-d", perf_file,
                           "-n", "1", "-e", "-q", str(outstanding)],
                          stdout=subprocess.PIPE, text=True, check=True)
    return float(re.search(r"Queries per second:\s+([\d.]+)", perf.stdout).group(1))


def bench_rate(driver, cli, n, one_domain, workdir, repeat):
    zones = os.path.join(workdir, "zones")
    domains = write_zones(zones, n)
    domains_file = os.path.join(workdir, "domains.txt")
    with open(domains_file, "w") as f:
        f.write("\n".join(domains[1:]) + "\n")
    # dnsperf gets the same questions: one domain's, for every domain.
    perf_file = os.path.join(workdir, "dnsperf.txt")
    with open(perf_file, "w") as f:
        for domain in domains:
            for name, qtype in one_domain:
                f.write("%s %s\n" % (name.replace("good.test.", domain + "."), qtype))
    live_rates, perf_rates, perf64_rates = [], [], []
    with Servers([zones, "--no-faults", "--stats"]) as s:
        port = s.info["internal"]
        server = "127.0.0.1:%d" % port
        stats = s.info["internal_stats"]
        for _ in range(repeat):
            before = queries_received(stats)
            out = subprocess.run([driver, server, domains[0], domains_file],
                                 stdout=subprocess.PIPE, text=True, check=True).stdout
            result = json.loads(out)
            received = queries_received(stats) - before
            if received != result["asked"] or result["failed"]:
                raise SystemExit("lookup asked %d, named got %d, %d failed"
                                 % (result["asked"], received, result["failed"]))
            live_rates.append(result["asked"] / result["seconds"])
            perf_rates.append(dnsperf_rate(port, perf_file, 100))
            perf64_rates.append(dnsperf_rate(port, perf_file, 64))
        cli_time, report = run_check(cli, profile_args(domains[0]) +
                                     ["--domains-file", domains_file, "-s", server])
    best_live, best_perf = max(live_rates), max(perf_rates)
    print("(b) %d domains against BIND 9 (named -g, %d zones), best of %d"
          % (n, n, repeat))
    print("    questions per check:         %d (named's statistics agree)" % result["asked"])
    print("    live lookup (bench-live):    %s q/s"
          % ", ".join("%.0f" % r for r in live_rates))
    print("    dnsperf -n 1 -e (-q 100):    %s q/s"
          % ", ".join("%.0f" % r for r in perf_rates))
    print("    dnsperf -q 64 (our bound):   %s q/s"
          % ", ".join("%.0f" % r for r in perf64_rates))
    print("    live / dnsperf, best each:   %.2f" % (best_live / best_perf))
    print("    live / dnsperf, run by run:  %s"
          % ", ".join("%.2f" % (a / b) for a, b in zip(live_rates, perf_rates)))
    print("    whole lcsdns-check run:      %.3f s (start-up, lookup, check, JSON); "
          "%d records, %d errors"
          % (cli_time, len(report["records"]), report["summary"]["errors"]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", help="meson build directory with src/cli/lcsdns-check")
    parser.add_argument("--domains", type=int, default=1000)
    parser.add_argument("--delay-ms", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    cli = os.path.join(build, "src", "cli", "lcsdns-check")
    with tempfile.TemporaryDirectory(prefix="lcsdns-bench-") as workdir:
        driver = bench_driver(build, workdir)
        questions = bench_round_trips(cli, driver, args.delay_ms, workdir)
        bench_rate(driver, cli, args.domains, questions, workdir, args.repeat)


if __name__ == "__main__":
    main()
