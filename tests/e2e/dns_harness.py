"""DNS servers for the end-to-end tests, on 127.0.0.1 only: a real BIND (named) serving one zone,
and a silent server (a UDP socket that never answers)."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

import dns.message
import dns.query
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
