"""Runs one command of a test: in its own process group (so a timeout kills
the whole tree, qemu and compiler children included), with a time limit,
capturing stdout and stderr together or apart. Shared by the conformance and
robustness runners."""

import os
import signal
import subprocess


class Result:
    """What a command did. `status` is the exit code, None after a signal or
    a timeout; `signal` the signal number that ended it, if any."""

    def __init__(self, status, sig, timed_out, out, err):
        self.status = status
        self.signal = sig
        self.timed_out = timed_out
        self.out = out
        self.err = err

    @property
    def ok(self):
        return self.status == 0

    def describe(self):
        """`exit status 1`, `killed by signal 11 (SIGSEGV)`, `timed out`."""
        if self.timed_out:
            return 'timed out'
        if self.signal is not None:
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = '?'
            return 'killed by signal %d (%s)' % (self.signal, name)
        return 'exit status %d' % self.status


def run(cmd, cwd=None, env=None, timeout=10, merge=True, stdin=subprocess.DEVNULL):
    """Runs `cmd`; with `merge`, stderr goes into the same stream as stdout
    (as run.go does), so `out` holds both in order and `err` is empty."""
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT if merge else subprocess.PIPE,
                             start_new_session=True)
    except OSError as e:
        # The shell's convention: 126 cannot execute, 127 not found.
        status = 127 if isinstance(e, FileNotFoundError) else 126
        return Result(status, None, False, 'cannot run %s: %s\n' % (cmd[0], e.strerror), '')
    timed_out = False
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
    out = (out or b'').decode('utf-8', errors='replace')
    err = (err or b'').decode('utf-8', errors='replace')
    if timed_out:
        return Result(None, None, True, out, err)
    if p.returncode < 0:
        return Result(None, -p.returncode, False, out, err)
    return Result(p.returncode, None, False, out, err)
