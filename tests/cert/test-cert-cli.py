#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lcsdns-check --cert FILE and --cert-from HOST:PORT end to end, with certificates made here by
certtool and a TLS server (openssl s_server) bound to 127.0.0.1. Speaks TAP.
Usage: test-cert-cli.py LCSDNS_CHECK"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

TOOL = sys.argv[1]
PROFILE = ["--domain", "contoso.com", "--domain", "fabrikam.com", "--pool", "lcs.contoso.com",
           "--pool-ip", "192.0.2.10"]
WORK = tempfile.mkdtemp(prefix="lcsdns-cert-cli-")
KEY = os.path.join(WORK, "key.pem")
results = []


def certtool(*args):
    subprocess.run(["certtool", *args], check=True, capture_output=True, timeout=60)


def make_cert(name, template):
    tmpl = os.path.join(WORK, name + ".tmpl")
    pem = os.path.join(WORK, name + ".pem")
    with open(tmpl, "w") as f:
        f.write(template)
    certtool("--generate-self-signed", "--load-privkey", KEY, "--template", tmpl, "--outfile", pem)
    return pem


def run(*args, env=None):
    proc = subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})
    return proc.returncode, proc.stdout, proc.stderr


def tls_env():
    """The environment for a run that completes a TLS handshake. Under AddressSanitizer, clang 14's
    LeakSanitizer crashes in its own tracer ("Tracer caught signal 11") when it scans the threads
    that GIO's dlopen'ed TLS backend (glib-networking, GnuTLS) leaves at exit: leak checking is
    off for that one process. test-cert-fetch still leak-checks the same fetch code in-process."""
    asan = os.environ.get("ASAN_OPTIONS")
    return {"ASAN_OPTIONS": asan + ":detect_leaks=0"} if asan else None


def findings(out):
    doc = json.loads(out)
    return [(f["rule"], f["name"]) for f in doc["findings"]], doc


def case(name):
    def wrap(fn):
        try:
            fn()
            results.append((True, name, ""))
        except (AssertionError, subprocess.SubprocessError, OSError, ValueError) as error:
            results.append((False, name, str(error)))
        return fn
    return wrap


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def held_port():
    """A loopback socket bound and not listening, for the caller to keep open: a connection to its
    port is refused, and while it is open no other program can listen there, nor can a connection
    get it as its own end (a TCP self-connect, which does complete)."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    return held


def free_port():
    with held_port() as held:
        return held.getsockname()[1]


def start_tls_server(cert):
    """openssl s_server on 127.0.0.1; returns (process, port) once it says ACCEPT."""
    for _ in range(5):
        port = free_port()
        proc = subprocess.Popen(["openssl", "s_server", "-accept", f"127.0.0.1:{port}",
                                 "-cert", cert, "-key", KEY],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        for line in proc.stdout:
            if line.startswith("ACCEPT"):
                return proc, port
        proc.kill()
        proc.wait()
    raise AssertionError("openssl s_server did not start")


certtool("--generate-privkey", "--key-type=ecdsa", "--outfile", KEY)
GOOD = make_cert("good", 'cn = "lcs.contoso.com"\ndns_name = "lcs.contoso.com"\n'
                 'dns_name = "sip.contoso.com"\ndns_name = "*.fabrikam.com"\n'
                 'expiration_days = 100\ntls_www_server\n')
BAD = make_cert("bad", 'cn = "sip.contoso.com"\ndns_name = "lcs.contoso.com"\n'
                'dns_name = "*.contoso.com"\n'
                'activation_date = "2019-01-01 00:00:00"\nexpiration_date = "2020-01-01 00:00:00"\n')


@case("--cert with every name, the right subject, valid now: exit 0, no findings")
def _():
    code, out, err = run(*PROFILE, "--cert", GOOD, "--format", "json")
    expect(code == 0, f"exit {code}: {err}")
    found, doc = findings(out)
    expect(found == [], found)
    expect(doc["source"]["kind"] == "cert", doc["source"])
    expect(doc["source"]["files"] == [GOOD], doc["source"])


@case("--cert expired, wrong subject, sip.fabrikam.com missing: exit 1 with each rule")
def _():
    code, out, err = run(*PROFILE, "--cert", BAD, "--format", "json")
    expect(code == 1, f"exit {code}: {err}")
    found, doc = findings(out)
    expect(sorted(found) == [("cert-san-missing", "sip.fabrikam.com."),
                             ("cert-subject", "lcs.contoso.com."),
                             ("cert-validity", "lcs.contoso.com.")], found)
    expect(doc["summary"]["errors"] == 2 and doc["summary"]["warnings"] == 1, doc["summary"])


@case("--cert in text: the rule ids and the fix are on the terminal")
def _():
    code, out, err = run(*PROFILE, "--cert", BAD)
    expect(code == 1, f"exit {code}: {err}")
    for words in ["cert-san-missing", "sip.fabrikam.com", "DNS Name=sip.fabrikam.com",
                  "cert-validity", "expired"]:
        expect(words in out, f"{words!r} not in:\n{out}")


@case("--cert DER and PKCS#12 (password from LCSDNS_CERT_PASSWORD) read like PEM")
def _():
    der = os.path.join(WORK, "good.der")
    p12 = os.path.join(WORK, "good.p12")
    certtool("--certificate-info", "--infile", GOOD, "--outder", "--outfile", der)
    certtool("--to-p12", "--load-privkey", KEY, "--load-certificate", GOOD, "--p12-name", "good",
             "--password=pfx-secret", "--outder", "--outfile", p12)
    code, out, err = run(*PROFILE, "--cert", der, "--format", "json")
    expect(code == 0 and findings(out)[0] == [], f"DER: exit {code}: {err}{out}")
    code, out, err = run(*PROFILE, "--cert", p12, "--format", "json",
                         env={"LCSDNS_CERT_PASSWORD": "pfx-secret"})
    expect(code == 0 and findings(out)[0] == [], f"PKCS#12: exit {code}: {err}{out}")
    code, out, err = run(*PROFILE, "--cert", p12, env={"LCSDNS_CERT_PASSWORD": "wrong"})
    expect(code == 2 and "password" in err and out == "", f"wrong password: exit {code}: {err}")


@case("--cert on a file that is no certificate: exit 2, one line naming it")
def _():
    code, out, err = run(*PROFILE, "--cert", KEY.replace("key.pem", "good.tmpl"))
    expect(code == 2, f"exit {code}")
    expect(out == "", out)
    expect(len(err.strip().splitlines()) == 1 and "good.tmpl" in err, err)


@case("--cert-from a loopback TLS server reads the certificate it presents")
def _():
    server, port = start_tls_server(BAD)
    try:
        code, out, err = run(*PROFILE, "--cert-from", f"127.0.0.1:{port}", "--format", "json",
                             env=tls_env())
    finally:
        server.kill()
        server.wait()
    expect(code == 1, f"exit {code}: {err}")
    found, doc = findings(out)
    expect(("cert-san-missing", "sip.fabrikam.com.") in found, found)
    expect(doc["source"]["files"] == [f"127.0.0.1:{port}"], doc["source"])


@case("--cert-from a closed port: exit 3 (incomplete), one line naming host and port")
def _():
    with held_port() as held:
        port = held.getsockname()[1]
        code, out, err = run(*PROFILE, "--cert-from", f"127.0.0.1:{port}")
    expect(code == 3, f"exit {code}: {err}{out}")
    expect(out == "", out)
    expect(len(err.strip().splitlines()) == 1 and f"127.0.0.1:{port}" in err, err)


try:
    print(f"1..{len(results)}")
    for number, (ok, name, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}")
        for line in detail.splitlines():
            print(f"# {line}")
finally:
    shutil.rmtree(WORK, ignore_errors=True)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
