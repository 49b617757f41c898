# SPDX-License-Identifier: GPL-3.0-or-later
"""DNS servers for the end-to-end tests, on loopback only: a real BIND (named) serving one zone,
and a recorder that stands in for the system's resolver and remembers every question."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

import dns.message
import dns.query
import dns.rcode
import dns.rdatatype

NAMED = shutil.which("named") or "/usr/sbin/named"


def free_port():
    """A UDP and TCP port nobody listens on right now."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port


class Named:
    """named -g with a tiny config: one primary zone, no recursion, no control channel."""

    def __init__(self, origin, zone_text):
        self.origin = origin.rstrip(".")
        self.dir = tempfile.mkdtemp(prefix="lcs-e2e-named-")
        self.port = free_port()
        zone_path = os.path.join(self.dir, self.origin + ".zone")
        with open(zone_path, "w") as f:
            f.write(zone_text)
        conf = os.path.join(self.dir, "named.conf")
        with open(conf, "w") as f:
            f.write(f"""options {{
  directory "{self.dir}";
  pid-file "{self.dir}/named.pid";
  listen-on port {self.port} {{ 127.0.0.1; }};
  listen-on-v6 {{ none; }};
  recursion no;
  dnssec-validation no;
  notify no;
}};
controls {{ }};
zone "{self.origin}" {{ type primary; file "{zone_path}"; }};
""")
        self.log = open(os.path.join(self.dir, "named.log"), "w")
        self.proc = subprocess.Popen([NAMED, "-g", "-c", conf], stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_ready()

    @property
    def server(self):
        return f"127.0.0.1:{self.port}"

    def _wait_ready(self):
        query = dns.message.make_query(self.origin + ".", dns.rdatatype.SOA)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                reply = dns.query.udp(query, "127.0.0.1", port=self.port, timeout=0.3)
                if reply.answer:
                    return
            except Exception:
                pass
            time.sleep(0.1)
        self.stop()
        with open(os.path.join(self.dir, "named.log")) as f:
            raise RuntimeError("named did not start:\n" + f.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class Recorder:
    """A stand-in for the system's resolver on port 53 of a loopback address of its own: it
    answers REFUSED and remembers every question, so a test can tell whether any was sent."""

    def __init__(self):
        import random
        import threading

        self.questions = []
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for _ in range(20):
            self.address = f"127.53.{random.randint(1, 254)}.{random.randint(1, 254)}"
            try:
                self.udp.bind((self.address, 53))
                break
            except OSError as e:
                if e.errno == 13:  # EACCES: port 53 needs root
                    raise
        self.udp.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                wire, peer = self.udp.recvfrom(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            try:
                query = dns.message.from_wire(wire)
            except Exception:
                continue
            self.questions.extend(str(q.name) for q in query.question)
            reply = dns.message.make_response(query)
            reply.set_rcode(dns.rcode.REFUSED)
            self.udp.sendto(reply.to_wire(), peer)

    def resolv_conf(self, directory):
        path = os.path.join(directory, "resolv.conf")
        with open(path, "w") as f:
            f.write(f"nameserver {self.address}\n")
        return path

    def stop(self):
        self.running = False
        self.thread.join(2)
        self.udp.close()
