#!/usr/bin/env python3
"""Runs the golden run tests: builds each test/run/NAME.go with origo, runs
it (under qemu-aarch64 for arm64) and compares normalised stdout, stderr and
exit status with NAME.stdout, NAME.stderr and NAME.status.

Prints one block per failing test (what differs, with a diff) and, per
architecture, the summary line `run(ARCH): N passed, M failed`. Exits 1 if any
test failed.

usage: run.py --origo PATH [--arch amd64] [--arch arm64] [-j N] [NAME.go ...]
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile

import golden

COMPILE_TIMEOUT = 30
RUN_TIMEOUT = {'amd64': 10, 'arm64': 30}


def run_one(origo, arch, name, tmp):
    """Returns None if test `name` passes on `arch`, else a failure report."""
    env = dict(os.environ, GOARCH=arch, GOOS='linux')
    exe = os.path.join(tmp, '%s-%s' % (name, arch))
    try:
        build = subprocess.run([origo, 'build', '-o', exe, name + '.go'], cwd=golden.HERE, env=env,
                               capture_output=True, timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return 'build timed out after %ds' % COMPILE_TIMEOUT
    if build.returncode != 0:
        return 'build failed (status %d):\n%s' % (build.returncode, golden.decode(build.stderr).rstrip())
    cmd = [exe] if arch == 'amd64' else ['qemu-aarch64', exe]
    try:
        run = subprocess.run(cmd, cwd=golden.HERE, env=env, capture_output=True, timeout=RUN_TIMEOUT[arch])
    except subprocess.TimeoutExpired:
        return 'run timed out after %ds' % RUN_TIMEOUT[arch]
    want_out, want_err, want_status = golden.read_expected(name)
    got_out = golden.normalise(golden.decode(run.stdout))
    got_err = golden.normalise(golden.decode(run.stderr))
    problems = []
    if run.returncode != want_status:
        problems.append('exit status %d, want %d' % (run.returncode, want_status))
    for what, want, got in (('stdout', want_out, got_out), ('stderr', want_err, got_err)):
        if want != got:
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), 'want ' + what,
                                        'got ' + what, lineterm='', n=2)
            problems.append('%s differs:\n%s' % (what, '\n'.join(diff)))
    return '\n'.join(problems) or None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--origo', required=True, help='path to the origo driver')
    ap.add_argument('--arch', action='append', choices=['amd64', 'arm64'],
                    help='target architecture (repeatable; default amd64)')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1, help='parallel tests')
    ap.add_argument('tests', nargs='*', help='tests to run (default all)')
    args = ap.parse_args()
    origo = os.path.abspath(args.origo)
    names = golden.tests(args.tests)
    any_failed = False
    with tempfile.TemporaryDirectory(prefix='origo-run-') as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for arch in args.arch or ['amd64']:
            results = list(pool.map(lambda n: run_one(origo, arch, n, tmp), names))
            failed = 0
            for name, problem in zip(names, results):
                if problem:
                    failed += 1
                    print('FAIL run(%s) %s.go: %s' % (arch, name, problem.replace('\n', '\n    ')))
            print('run(%s): %d passed, %d failed' % (arch, len(names) - failed, failed))
            any_failed = any_failed or failed > 0
    sys.stdout.flush()
    sys.exit(1 if any_failed else 0)


if __name__ == '__main__':
    main()
