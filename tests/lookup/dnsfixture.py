#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""DNS servers for the live-lookup tests and benchmarks, all on 127.0.0.1.

Starts BIND 9 (`named -g`) once per view directory (ZONES/internal, ZONES/external; every
NAME.db file in it is the zone NAME) on a free high port, and a fault-injecting responder
(dnspython) with one port per behaviour. Prints one JSON line with the ports, then serves until
stdin closes (the parent ended or died), and stops everything it started.
"""
import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import dns.zone

FAULT_MODES = ("timeout", "servfail", "refused", "tc", "garbage", "zero",
               "malformed", "delay")


def log(*args):
    print("dnsfixture:", *args, file=sys.stderr, flush=True)


def record_limits():
    """BIND 9.18.28 and later load at most 100 records per name and type unless told otherwise;
    the tests serve the largest answers a message holds (big.test), as Windows DNS may."""
    out = subprocess.run(["named", "-v"], capture_output=True, text=True).stdout
    version = re.search(r"BIND (\d+)\.(\d+)\.(\d+)", out)
    if version and tuple(int(part) for part in version.groups()) >= (9, 18, 28):
        return ["  max-records-per-type 0;"]
    return []


def free_port():
    """A port free for both UDP and TCP on 127.0.0.1 (the sockets are closed again)."""
    for _ in range(50):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        port = udp.getsockname()[1]
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            tcp.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            tcp.close()
            udp.close()
    raise RuntimeError("no free port")


def zone_files(directory):
    for entry in sorted(os.listdir(directory)):
        if entry.endswith(".db"):
            yield entry[:-3], os.path.join(directory, entry)


def answers(port, zone, timeout=0.2):
    query = dns.message.make_query(zone + ".", "SOA")
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(timeout)
    try:
        sock.sendto(query.to_wire(), ("127.0.0.1", port))
        data = sock.recv(65535)
        return dns.message.from_wire(data).rcode() == dns.rcode.NOERROR
    except (OSError, dns.exception.DNSException):
        return False
    finally:
        sock.close()


class Named:
    """One BIND 9 instance serving every zone file of a directory."""

    def __init__(self, zone_dir, workdir, threads, stats, update_key=None):
        self.stats = stats
        self.update_key = update_key
        self.stats_port = None
        self.zone_dir = os.path.abspath(zone_dir)
        self.workdir = workdir
        self.threads = threads
        self.proc = None
        self.port = None
        self.log = None

    def write_conf(self, port):
        lines = [
            "options {",
            '  directory "%s";' % self.workdir,
            "  pid-file none;",
            "  listen-on port %d { 127.0.0.1; };" % port,
            "  listen-on-v6 { none; };",
            "  recursion no;",
            "  dnssec-validation no;",
            "  notify no;",
        ] + record_limits() + [
            "};",
            "controls { };",
        ]
        if self.stats:
            self.stats_port = free_port()
            lines.append("statistics-channels { inet 127.0.0.1 port %d allow { 127.0.0.1; }; };"
                         % self.stats_port)
        updates = ""
        if self.update_key:
            # Dynamic updates signed with the test's TSIG key only (nsupdate -k), and AXFR from
            # loopback so that the test can compare the zones before and after.
            with open(self.update_key) as f:
                key_name = re.search(r'key\s+"([^"]+)"', f.read()).group(1)
            lines.append('include "%s";' % os.path.abspath(self.update_key))
            # Windows DNS takes an underscore in an SRV target; the fix must be able to delete it.
            updates = (' allow-update { key "%s"; }; allow-transfer { 127.0.0.1; };'
                       ' check-names ignore;' % key_name)
        for name, path in zone_files(self.zone_dir):
            lines.append('zone "%s" { type primary; file "%s";%s };' % (name, path, updates))
        conf = os.path.join(self.workdir, "named.conf")
        with open(conf, "w") as f:
            f.write("\n".join(lines) + "\n")
        return conf

    def start(self):
        first = next(zone_files(self.zone_dir))[0]
        for _ in range(5):
            port = free_port()
            conf = self.write_conf(port)
            self.log = open(os.path.join(self.workdir, "named.log"), "w")
            args = ["named", "-g", "-4", "-c", conf]
            if self.threads:
                args += ["-n", str(self.threads)]
            self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and self.proc.poll() is None:
                if answers(port, first):
                    self.port = port
                    return
                time.sleep(0.05)
            self.stop()
            log("named on port %d did not answer; retrying" % port)
        with open(os.path.join(self.workdir, "named.log")) as f:
            sys.stderr.write(f.read())
        raise RuntimeError("named did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log:
            self.log.close()


class Zones:
    """Authoritative answers from zone files, for the responder's data-bearing modes."""

    def __init__(self, zone_dir):
        self.zones = []
        if zone_dir and os.path.isdir(zone_dir):
            for name, path in zone_files(zone_dir):
                self.zones.append(dns.zone.from_file(path, origin=name + ".", relativize=False,
                                                     check_origin=False))

    def find(self, qname):
        best = None
        for zone in self.zones:
            if qname.is_subdomain(zone.origin):
                if best is None or len(zone.origin) > len(best.origin):
                    best = zone
        return best

    def respond(self, query):
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        qname, qtype = question.name, question.rdtype
        zone = self.find(qname)
        if zone is None:
            response.set_rcode(dns.rcode.REFUSED)
            return response
        for _ in range(8):
            node = zone.get_node(qname)
            if node is None:
                wild = dns.name.Name((b"*",) + qname.parent().labels)
                node = zone.get_node(wild)
            if node is None:
                if not response.answer:
                    response.set_rcode(dns.rcode.NXDOMAIN)
                break
            rdataset = node.get_rdataset(dns.rdataclass.IN, qtype)
            cname = node.get_rdataset(dns.rdataclass.IN, dns.rdatatype.CNAME)
            if rdataset is not None:
                response.answer.append(dns.rrset.from_rdata_list(qname, rdataset.ttl,
                                                                 list(rdataset)))
                break
            if cname is not None and qtype != dns.rdatatype.CNAME:
                response.answer.append(dns.rrset.from_rdata_list(qname, cname.ttl, list(cname)))
                qname = cname[0].target
                continue
            break
        return response


class Responder:
    def __init__(self, mode, zones, delay, query_log):
        self.mode = mode
        self.zones = zones
        self.delay = delay
        self.query_log = query_log

    def log_query(self, wire):
        try:
            question = dns.message.from_wire(wire).question[0]
        except (dns.exception.DNSException, IndexError):
            return
        self.query_log.write("%s %s\n" % (question.name.to_text(),
                                          dns.rdatatype.to_text(question.rdtype)))
        self.query_log.flush()

    def answer(self, wire, tcp):
        mode = self.mode
        if self.query_log:
            self.log_query(wire)
        if mode == "timeout":
            return None
        if mode == "zero":
            return b""
        try:
            query = dns.message.from_wire(wire)
        except dns.exception.DNSException:
            return None
        if mode == "garbage":
            # The query's id, then bytes that are no DNS message (no question).
            junk = bytearray(os.urandom(24))
            junk[0:2] = wire[0:2]
            junk[4:6] = b"\0\0"
            return bytes(junk)
        response = dns.message.make_response(query)
        if mode == "servfail":
            response.set_rcode(dns.rcode.SERVFAIL)
            return response.to_wire()
        if mode == "refused":
            response.set_rcode(dns.rcode.REFUSED)
            return response.to_wire()
        if mode == "malformed":
            # Header and question intact, one answer announced, three bytes of it sent.
            response.use_edns(False)
            head = bytearray(response.to_wire())
            head[6:8] = b"\0\1"
            return bytes(head) + b"\xc0\x0c\x00"
        if mode == "tc" and not tcp:
            response.flags |= dns.flags.TC
            return response.to_wire()
        return self.zones.respond(query).to_wire(max_size=65535)


class UdpServer(asyncio.DatagramProtocol):
    def __init__(self, responder, sock):
        self.responder = responder
        self.sock = sock  # asyncio's transport drops empty datagrams: send on the socket

    def send(self, reply, addr):
        try:
            self.sock.sendto(reply, addr)
        except OSError:
            pass

    def datagram_received(self, data, addr):
        reply = self.responder.answer(data, False)
        if reply is None:
            return
        if self.responder.delay:
            asyncio.get_running_loop().call_later(self.responder.delay, self.send, reply, addr)
        else:
            self.send(reply, addr)


async def serve_tcp(responder, reader, writer):
    try:
        while True:
            head = await reader.readexactly(2)
            wire = await reader.readexactly(int.from_bytes(head, "big"))
            reply = responder.answer(wire, True)
            if reply is None:
                continue
            if responder.delay:
                await asyncio.sleep(responder.delay)
            writer.write(len(reply).to_bytes(2, "big") + reply)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def start_responders(modes, zones, delay, query_log):
    loop = asyncio.get_running_loop()
    ports = {}
    for mode in modes:
        responder = Responder(mode, zones, delay if mode == "delay" else 0, query_log)
        for _ in range(20):
            port = free_port()
            try:
                sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                sock.bind(("127.0.0.1", port))
                sock.setblocking(False)
                await loop.create_datagram_endpoint(lambda r=responder, s=sock: UdpServer(r, s),
                                                    sock=sock)
                await asyncio.start_server(lambda rd, wr, r=responder: serve_tcp(r, rd, wr),
                                           "127.0.0.1", port)
                ports[mode] = port
                break
            except OSError:
                continue
    return ports


def closed_port():
    """A port where nothing listens: ICMP port unreachable."""
    return free_port()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zones", help="directory with internal/ and external/ zone directories")
    parser.add_argument("--no-named", action="store_true")
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument("--delay-ms", type=int, default=50)
    parser.add_argument("--named-threads", type=int, default=0)
    parser.add_argument("--log-queries", metavar="FILE",
                        help="the responder writes every question it gets here")
    parser.add_argument("--update-key", metavar="FILE",
                        help="a tsig-keygen key file: zones accept updates signed with it (the "
                        "zone files are rewritten, so they must be copies)")
    parser.add_argument("--stats", action="store_true",
                        help="named serves its statistics over HTTP (ports as VIEW_stats)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="lcsdns-fixture-")
    servers = []
    info = {}
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        if not args.no_named:
            for view in ("internal", "external"):
                directory = os.path.join(args.zones, view)
                if os.path.isdir(directory):
                    view_dir = os.path.join(workdir, view)
                    os.mkdir(view_dir)
                    named = Named(directory, view_dir, args.named_threads, args.stats,
                                  args.update_key)
                    servers.append(named)
                    named.start()
                    info[view] = named.port
                    if named.stats_port:
                        info[view + "_stats"] = named.stats_port
        loop = asyncio.new_event_loop()
        if not args.no_faults:
            zones = Zones(os.path.join(args.zones, "internal"))
            query_log = open(args.log_queries, "w") if args.log_queries else None
            info["faults"] = loop.run_until_complete(
                start_responders(FAULT_MODES, zones, args.delay_ms / 1000.0, query_log))
            info["closed"] = closed_port()
        print(json.dumps(info), flush=True)

        def wait_stdin():
            while sys.stdin.buffer.read(4096):
                pass
            stop.set()

        threading.Thread(target=wait_stdin, daemon=True).start()

        async def until_stopped():
            while not stop.is_set():
                await asyncio.sleep(0.05)

        loop.run_until_complete(until_stopped())
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
    finally:
        for named in servers:
            named.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
