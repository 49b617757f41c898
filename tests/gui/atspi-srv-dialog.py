#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SRV dialog through AT-SPI, as a screen reader or dogtail sees it: find the fields by their
accessible names, type the article's mistake, press the offered fix, press OK.
Usage: atspi-srv-dialog.py DIALOG-RUNNER (under dbus-run-session and Xvfb)."""
import os
import subprocess
import sys
import time

# dogtail refuses to start unless it believes accessibility is on; this variable is only for
# this process, not for the dialog.
os.environ['GTK_MODULES'] = 'gail:atk-bridge'
from dogtail import config  # noqa: E402
config.logDebugToStdOut = False
config.logDebugToFile = False
config.searchCutoffCount = 40
from dogtail.tree import root  # noqa: E402


def wait_for(what, predicate, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    sys.exit(f'atspi-srv-dialog: timed out waiting for {what}')


def main():
    env = dict(os.environ)
    env.pop('GTK_MODULES', None)
    env.pop('NO_AT_BRIDGE', None)
    runner = subprocess.Popen([sys.argv[1], 'srv'], stdout=subprocess.PIPE, env=env, text=True)
    try:
        app = root.application(os.path.basename(sys.argv[1]))
        dialog = app.child(roleName='dialog')
        fields = {
            'Service': '_sipinternaltls._tcp',
            'Protocol': '_tcp',
            'Port number': '5061',
            'Host offering this service': 'lcs.contoso.com',
        }
        for name, text in fields.items():
            dialog.child(name=name, roleName='text').text = text
        owner = dialog.child(name='Owner name', roleName='label')
        wait_for('the split owner name',
                 lambda: owner.text == '_sipinternaltls._tcp._tcp.contoso.com.')

        fix = dialog.child(name='Fix: Service _sipinternaltls', roleName='push button')
        fix.doActionNamed('click')
        service = dialog.child(name='Service', roleName='text')
        wait_for('the fixed Service', lambda: service.text == '_sipinternaltls')
        wait_for('the fixed owner name', lambda: owner.text == '_sipinternaltls._tcp.contoso.com.')

        dialog.child(name='OK', roleName='push button').doActionNamed('click')
        out, _ = runner.communicate(timeout=20)
    finally:
        if runner.poll() is None:
            runner.kill()
            runner.wait()
    result = dict(line.split('=', 1) for line in out.splitlines() if '=' in line)
    expected = {'domain': 'contoso.com', 'service': '_sipinternaltls', 'protocol': '_tcp',
                'port': '5061', 'target': 'lcs.contoso.com'}
    for key, value in expected.items():
        if result.get(key) != value:
            sys.exit(f'atspi-srv-dialog: {key} is {result.get(key)!r}, expected {value!r}')
    if runner.returncode != 0:
        sys.exit(f'atspi-srv-dialog: the dialog ended with status {runner.returncode}')


if __name__ == '__main__':
    main()
