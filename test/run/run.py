#!/usr/bin/env python3
"""Runs the golden run tests: builds each test/run/NAME.go with origo, runs
it (under qemu-aarch64 for arm64) and compares normalised stdout, stderr and
exit status with NAME.stdout, NAME.stderr and NAME.status.

Prints one block per failing test (what differs, with a diff) and, per
architecture, the summary line `run(ARCH): N passed, M failed`. Exits 1 if any
test failed.

With -N every test is also built with -gcflags=-N (no optimization) and
must give the same results (summary lines `run-N(ARCH): ...`).

usage: run.py --origo PATH [--arch amd64] [--arch arm64] [-N] [-j N] [NAME.go ...]
"""

import argparse
import concurrent.futures
import difflib
import os
import sys
import tempfile

import golden

sys.path.insert(0, os.path.join(golden.HERE, '..', '..', 'tools', 'conformance'))
import proc  # noqa: E402

COMPILE_TIMEOUT = 30
RUN_TIMEOUT = {'amd64': 10, 'arm64': 30}


def run_one(origo, arch, name, tmp, flags=()):
    """Returns None if test `name` passes on `arch`, else a failure report."""
    env = dict(os.environ, GOARCH=arch, GOOS='linux')
    exe = os.path.join(tmp, '%s-%s%s' % (name, arch, ''.join(flags).replace('=', '')))
    build = proc.run([origo, 'build'] + list(flags) + ['-o', exe, name + '.go'], cwd=golden.HERE, env=env,
                     timeout=COMPILE_TIMEOUT)
    if not build.ok:
        return 'build failed (%s):\n%s' % (build.describe(), build.out.rstrip())
    cmd = [exe] if arch == 'amd64' else ['qemu-aarch64', exe]
    run = proc.run(cmd, cwd=golden.HERE, env=dict(env, **golden.env_of(name)), timeout=RUN_TIMEOUT[arch],
                   merge=False)
    if run.timed_out:
        return 'run timed out after %ds' % RUN_TIMEOUT[arch]
    want_out, want_err, want_status = golden.read_expected(name)
    got_out = golden.normalise(run.out)
    got_err = golden.normalise(run.err)
    problems = []
    if run.status != want_status:
        problems.append('%s, want exit status %d' % (run.describe(), want_status))
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
    ap.add_argument('-N', action='store_true', help='also build every test with -gcflags=-N')
    ap.add_argument('tests', nargs='*', help='tests to run (default all)')
    args = ap.parse_args()
    origo = os.path.abspath(args.origo)
    if not os.access(origo, os.X_OK):
        sys.exit('run: no executable origo at %s' % origo)
    names = golden.tests(args.tests)
    any_failed = False
    with tempfile.TemporaryDirectory(prefix='origo-run-') as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        modes = [('run', ())] + ([('run-N', ('-gcflags=-N',))] if args.N else [])
        for label, flags in modes:
            for arch in args.arch or ['amd64']:
                results = list(pool.map(lambda n: run_one(origo, arch, n, tmp, flags), names))
                failed = 0
                for name, problem in zip(names, results):
                    if problem:
                        failed += 1
                        print('FAIL %s(%s) %s.go: %s' % (label, arch, name, problem.replace('\n', '\n    ')))
                print('%s(%s): %d passed, %d failed' % (label, arch, len(names) - failed, failed))
                any_failed = any_failed or failed > 0
    sys.stdout.flush()
    sys.exit(1 if any_failed else 0)


if __name__ == '__main__':
    main()
