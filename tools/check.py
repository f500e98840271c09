#!/usr/bin/env python3
"""`make check`: runs every test suite of origo against a build directory and
totals the results.

Suites, in order: unit tests (origo_unittests, when built), lit, ssa (the
SSA text form round-tripped through origo_ssaparse for every test program,
and GOSSAFUNC's ssa.html loaded in headless Chromium: test/ssa/run.py), the
golden run tests for amd64 and arm64, the conformance runner for amd64 and arm64
(each test counts as passed when its result matches test/conformance's
expectations), the robustness check (one count per file), stdlib-parse
(origo_parsecheck over Go's std tree: one count per file parsed without
errors, and per file round-tripped once frontend/ has a printer), stdcheck
(origo_stdcheck type-checks every std package for amd64 and arm64: one count
per package whose result matches test/stdcheck/expected-<arch>.txt, the
packages expected to fail; a package newly failing, or newly passing while
listed, is a failure; `--update` rewrites those files) and fuzz
(test/fuzz/run.sh for 60 seconds: one count).

Each suite's output is shown as it runs, followed by its counts and time. The
last line is the total, `N passed, M failed`; the exit status is 1 if
anything failed. A suite that cannot run or ends without its summary line
counts as one failure.

usage: check.py --build DIR [--skip SUITE ...] [--only SUITE ...] [--update]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIT = '/usr/lib/llvm-19/build/utils/lit/lit.py'
SUITES = ['unit', 'lit', 'ssa', 'runtime', 'run', 'conformance', 'robustness', 'stdlib-parse', 'stdcheck',
          'fuzz']
UPDATE = False  # --update: rewrite expectation files (stdcheck)


def stream(cmd, env=None):
    """Runs `cmd` with its output shown as it comes; returns (status, output)."""
    print('$ ' + ' '.join(cmd), flush=True)
    try:
        p = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    except OSError as e:
        print('check: cannot run %s: %s' % (cmd[0], e))
        return None, ''
    lines = []
    for raw in p.stdout:
        line = raw.decode('utf-8', errors='replace')
        lines.append(line)
        sys.stdout.write(line)
        sys.stdout.flush()
    return p.wait(), ''.join(lines)


def counts_from(pattern, output):
    """Sums (passed, failed) over every match of `pattern` (two groups)."""
    found = re.findall(pattern, output, re.M)
    if not found:
        return None
    return sum(int(a) for a, _ in found), sum(int(b) for _, b in found)


def suite_unit(build):
    exe = os.path.join(build, 'bin', 'origo_unittests')
    if not os.path.exists(exe):
        print('no %s (no test/unit/*.cpp yet): skipped' % exe)
        return 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, 'gtest.json')
        status, _ = stream([exe, '--gtest_brief=1', '--gtest_output=json:' + report])
        if not os.path.exists(report):
            return None
        with open(report) as f:
            data = json.load(f)
    failed = data.get('failures', 0) + data.get('errors', 0)
    total = data.get('tests', 0) - data.get('disabled', 0)
    if status != 0 and failed == 0:
        failed = 1  # crashed after writing the report
    return total - failed, failed


def suite_lit(build):
    site = os.path.join(build, 'test', 'lit')
    target = site if os.path.exists(os.path.join(site, 'lit.site.cfg.py')) else os.path.join(REPO, 'test', 'lit')
    env = dict(os.environ, ORIGO_BUILD=os.path.abspath(build))
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, 'lit.json')
        stream([sys.executable, LIT, '-sv', '-o', report, target], env=env)
        if not os.path.exists(report):
            return None
        with open(report) as f:
            data = json.load(f)
    ok = {'PASS', 'XFAIL', 'UNSUPPORTED'}
    passed = sum(1 for t in data.get('tests', []) if t.get('code') in ok)
    return passed, len(data.get('tests', [])) - passed


def suite_ssa(build):
    """SSA dumps parse back; ssa.html shows every pass in Chromium."""
    _, out = stream([sys.executable, os.path.join(REPO, 'test', 'ssa', 'run.py'),
                     '--origo', os.path.join(build, 'bin', 'origo'),
                     '--ssaparse', os.path.join(build, 'bin', 'origo_ssaparse')])
    return counts_from(r'^ssa: (\d+) passed, (\d+) failed$', out)


def suite_runtime(build):
    """The runtime's regression tests on hand-written IR (runtime/test)."""
    _, out = stream(['sh', os.path.join(REPO, 'runtime', 'test', 'run.sh'), build])
    passed = len(re.findall(r'^ok: ', out, re.M))
    failed = len(re.findall(r'^FAIL: ', out, re.M))
    if passed + failed == 0:
        return None
    return passed, failed


def suite_run(build):
    origo = os.path.join(build, 'bin', 'origo')
    _, out = stream([sys.executable, os.path.join(REPO, 'test', 'run', 'run.py'), '--origo', origo,
                     '--arch', 'amd64', '--arch', 'arm64', '-N'])
    return counts_from(r'^run(?:-N)?\(\w+\): (\d+) passed, (\d+) failed$', out)


def suite_conformance(build):
    origo = os.path.join(build, 'bin', 'origo')
    _, out = stream([sys.executable, os.path.join(REPO, 'tools', 'conformance', 'run.py'),
                     '--origo', origo, '--arch', 'amd64', '--arch', 'arm64'])
    return counts_from(r'^expectations\(\w+\): (\d+) as expected, (\d+) unexpected', out)


def suite_robustness(build):
    origo = os.path.join(build, 'bin', 'origo')
    _, out = stream([sys.executable, os.path.join(REPO, 'test', 'robustness', 'robust.py'),
                     '--origo', origo])
    m = re.search(r'^robustness: (\d+) files, (\d+) failed$', out, re.M)
    if not m:
        return None
    return int(m.group(1)) - int(m.group(2)), int(m.group(2))


def suite_stdlib_parse(build):
    """Every std file must parse; every error-free one must survive
    print-then-parse once the printer exists."""
    exe = os.path.join(build, 'bin', 'origo_parsecheck')
    if not os.path.exists(exe):
        print('check: no %s' % exe)
        return None
    _, out = stream([exe])
    m = re.search(r'^parse: (\d+) files, \d+ lines, (\d+) with errors$', out, re.M)
    if not m:
        return None
    passed, failed = int(m.group(1)) - int(m.group(2)), int(m.group(2))
    _, out = stream([exe, '--roundtrip'])
    if re.search(r'^roundtrip: printer not available$', out, re.M):
        return passed, failed
    m = re.search(r'^roundtrip: (\d+) files, (\d+) mismatches$', out, re.M)
    if not m:
        return passed, failed + 1
    return passed + int(m.group(1)) - int(m.group(2)), failed + int(m.group(2))


def stdcheck_expected(arch):
    """Packages expected to fail type-checking on arch (first word of each line)."""
    path = os.path.join(REPO, 'test', 'stdcheck', 'expected-%s.txt' % arch)
    if not os.path.exists(path):
        return path, set()
    with open(path) as f:
        return path, {line.split()[0] for line in f if line.strip() and not line.startswith('#')}


def suite_stdcheck(build):
    """Type-checks the standard library; counts packages against the expected failures."""
    exe = os.path.join(build, 'bin', 'origo_stdcheck')
    if not os.path.exists(exe):
        print('check: no %s' % exe)
        return None
    passed = failed = 0
    for arch in ('amd64', 'arm64'):
        _, out = stream([exe, '--arch', arch])
        if not re.search(r'^stdcheck\(%s\): \d+ packages ok, \d+ with errors' % arch, out, re.M):
            print('check: origo_stdcheck --arch %s ended without its summary' % arch)
            failed += 1
            continue
        ok = re.findall(r'^ok (\S+)$', out, re.M)
        bad = {}
        for m in re.finditer(r'^FAIL (\S+): (.*)\n(?:\t(.*))?', out, re.M):
            bad[m.group(1)] = (m.group(3) or m.group(2)).strip()
        path, expected = stdcheck_expected(arch)
        if UPDATE:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write('# Standard-library packages expected to FAIL type-checking on linux/%s.\n' % arch)
                f.write('# One per line: `path  # first diagnostic`.\n')
                f.write('# Regenerate: python3 tools/check.py --only stdcheck --update\n')
                for pkg in sorted(bad):
                    msg = re.sub(r'^\S*/src/', '', bad[pkg])
                    f.write('%s  # %s\n' % (pkg, msg[:110] + ('...' if len(msg) > 110 else '')))
            print('check: wrote %s (%d packages)' % (path, len(bad)))
            expected = set(bad)
        unexpected = []
        unexpected += ['newly failing: %s: %s' % (p, bad[p]) for p in sorted(bad) if p not in expected]
        unexpected += ['newly passing (remove it from the list): %s' % p for p in ok if p in expected]
        unexpected += ['not reported: %s' % p for p in sorted(expected - set(ok) - set(bad))]
        for u in unexpected:
            print('stdcheck(%s): %s' % (arch, u))
        good = len(ok) + len(bad) - len([u for u in unexpected if not u.startswith('not reported')])
        print('stdcheck(%s): %d packages pass, %d fail; %d as expected, %d unexpected' %
              (arch, len(ok), len(bad), good, len(unexpected)))
        passed += good
        failed += len(unexpected)
    return passed, failed


def suite_fuzz(build):
    env = dict(os.environ, BUILD=build)
    status, _ = stream(['sh', os.path.join(REPO, 'test', 'fuzz', 'run.sh'), '60'], env=env)
    if status is None:
        return None
    return (1, 0) if status == 0 else (0, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build', default='build', help='build directory')
    ap.add_argument('--only', action='append', choices=SUITES, help='run only these suites')
    ap.add_argument('--skip', action='append', choices=SUITES, default=[], help='suites to leave out')
    ap.add_argument('--update', action='store_true',
                    help='rewrite the expectation files of the suites that have them (stdcheck)')
    args = ap.parse_args()
    global UPDATE
    UPDATE = args.update
    build = os.path.abspath(args.build)
    if not os.path.exists(os.path.join(build, 'bin', 'origo')):
        print('check: warning: %s/bin/origo does not exist' % build)

    rows = []
    start = time.time()
    for name in SUITES:
        if name in args.skip or (args.only and name not in args.only):
            continue
        print('\n=== %s' % name, flush=True)
        t0 = time.time()
        result = globals()['suite_' + name.replace('-', '_')](build)
        dt = time.time() - t0
        if result is None:
            print('check: %s ended without its summary: counted as 1 failure' % name)
            result = (0, 1)
        print('=== %s: %d passed, %d failed (%.0fs)' % (name, result[0], result[1], dt), flush=True)
        rows.append((name, result, dt))

    print('\n=== summary')
    for name, (p, f), dt in rows:
        print('  %-12s %6d passed, %5d failed  %6.0fs' % (name, p, f, dt))
    passed = sum(r[1][0] for r in rows)
    failed = sum(r[1][1] for r in rows)
    print('  total time %.0fs' % (time.time() - start))
    print('%d passed, %d failed' % (passed, failed), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
