#!/usr/bin/env python3
"""Conformance runner: runs Go 1.19's own test tree (/usr/share/go-1.19/test)
against origo, for linux/amd64 and (under qemu) linux/arm64.

Recipes handled, as run.go does them:
  run         build with `origo build`, run, compare stdout+stderr with the
              .out file (absent = empty), exit status 0; recipes with
              arguments or flags are skipped
  errorcheck  `origo tool compile -p=p -d=panic -C -e -o a.o FLAGS FILE`, its
              diagnostics matched against the // ERROR comments (errorCheck)
Every other recipe, and tests excluded by build constraints, are counted as
skipped with a category.

Results are compared with test/conformance/expected-<arch>.txt, the list of
in-scope tests expected to FAIL (`path  # reason`). A failure not listed, or a
listed test that passes, makes the run fail; --update rewrites the list.

usage: run.py --origo PATH [--arch amd64] [--arch arm64] [--update] [-v] [TEST ...]
"""

import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gotest  # noqa: E402
import proc  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_EXPECTED_DIR = os.path.join(REPO, 'test', 'conformance')
COMPILE_TIMEOUT = 10
RUN_TIMEOUT = 10
QEMU_SCALE = 3  # arm64 programs run under qemu-aarch64

PASS, FAIL, SKIP = 'pass', 'fail', 'skip'


class Outcome:
    def __init__(self, path, result, category='', detail=''):
        self.path = path
        self.result = result      # PASS, FAIL or SKIP
        self.category = category  # why it failed or was skipped
        self.detail = detail      # the full failure report

    def reason(self):
        """`category: first line of the failure`, short and deterministic."""
        first = next((l.strip() for l in self.detail.split('\n') if l.strip()), '')
        if len(first) > 100:
            first = first[:97] + '...'
        return ('%s: %s' % (self.category, first)) if first else self.category


class Runner:
    def __init__(self, origo, root, arch, tmp, verbose, gomaxprocs=None):
        self.origo = origo
        self.root = root
        self.arch = arch
        self.tmp = tmp
        self.verbose = verbose
        self.scale = QEMU_SCALE if arch == 'arm64' else 1
        self.gc_failures = gotest.gc_expected_failures(root)
        self.env = dict(os.environ, GOOS='linux', GOARCH=arch, GOENV='off', GOFLAGS='')
        if gomaxprocs:
            # The programs run with this many Ps; the expectations are the
            # same for every setting, so a run with another one shows that
            # results do not depend on it.
            self.env['GOMAXPROCS'] = str(gomaxprocs)

    def clean(self, text, workdir):
        """Removes the temporary and tree directories from a report."""
        return text.replace(workdir + '/', '').replace(self.root + '/', '')

    def test(self, path):
        with open(os.path.join(self.root, path), encoding='utf-8', errors='replace') as f:
            src = f.read()
        r = gotest.parse_recipe(src, self.arch)
        if r.error:
            return Outcome(path, SKIP, 'bad-recipe', r.error)
        if r.constraint is not None:
            return Outcome(path, SKIP, 'build-constraint', r.constraint)
        if path in self.gc_failures:
            return Outcome(path, SKIP, 'gc-fails-too', 'listed as failing for gc in run.go')
        if re.search(r'^import\s+"C"', src, re.M):
            return Outcome(path, SKIP, 'cgo')
        if r.goexperiment is not None:
            return Outcome(path, SKIP, r.action + '-goexperiment')
        if r.action == 'run':
            if r.flags:
                return Outcome(path, SKIP, 'run-with-flags', ' '.join(r.flags))
            if r.args:
                return Outcome(path, SKIP, 'run-with-args', ' '.join(r.args))
            if re.search(r'^\s*(import\s+)?"os/exec"', src, re.M):
                # These drive the go command (go build, go tool compile/link):
                # they test gc's toolchain, not the compiler under test.
                return Outcome(path, SKIP, 'run-go-command')
            return self.with_workdir(path, lambda wd: self.run(path, r, wd))
        if r.action == 'errorcheck':
            return self.with_workdir(path, lambda wd: self.errorcheck(path, r, src, wd))
        if r.action == 'errorcheckdir':
            return self.with_workdir(path, lambda wd: self.errorcheckdir(path, r, wd))
        return Outcome(path, SKIP, r.action)

    def with_workdir(self, path, fn):
        wd = tempfile.mkdtemp(dir=self.tmp, prefix=os.path.basename(path)[:-3] + '-')
        try:
            return fn(wd)
        finally:
            shutil.rmtree(wd, ignore_errors=True)

    def run(self, path, r, wd):
        exe = os.path.join(wd, 'a.exe')
        build = proc.run([self.origo, 'build', '-o', exe, path], cwd=self.root, env=self.env,
                         timeout=max(COMPILE_TIMEOUT, r.timeout))
        if not build.ok:
            cat = {None: 'build-crash', 1: 'build-error'}.get(build.status, 'build-crash')
            if build.timed_out:
                cat = 'build-timeout'
            return Outcome(path, FAIL, cat, self.clean(
                diagnostics(build.out) or build.describe(), wd))
        cmd = [exe] if self.arch == 'amd64' else ['qemu-aarch64', exe]
        # TMPDIR: whatever the program leaves in /tmp goes with the workdir.
        res = proc.run(cmd, cwd=self.root, env=dict(self.env, TMPDIR=wd),
                       timeout=max(RUN_TIMEOUT, r.timeout) * self.scale)
        if res.timed_out:
            return Outcome(path, FAIL, 'run-timeout', 'timed out')
        if res.signal is not None:
            return Outcome(path, FAIL, 'run-crash', res.describe() + '\n' + res.out)
        if res.status != 0:
            first = next((l for l in res.out.split('\n') if l.startswith('panic: ')), '')
            return Outcome(path, FAIL, 'run-status', self.clean(
                '%s %s\n%s' % (res.describe(), first, res.out), wd))
        want_path = os.path.join(self.root, path[:-3] + '.out')
        want = ''
        if os.path.exists(want_path):
            with open(want_path, encoding='utf-8', errors='replace') as f:
                want = f.read()
        got = res.out.replace('\r\n', '\n')
        if got != want:
            return Outcome(path, FAIL, 'run-output', first_difference(want, got) + '\n' + got)
        return Outcome(path, PASS)

    def errorcheck(self, path, r, src, wd):
        full = os.path.join(self.root, path)
        cmd = [self.origo, 'tool', 'compile', '-p=p', '-d=panic', '-C', '-e', '-o', 'a.o']
        cmd += gotest.errorcheck_flags(r.flags) + [full]
        res = proc.run(cmd, cwd=wd, env=self.env, timeout=max(COMPILE_TIMEOUT, r.timeout))
        if res.timed_out:
            return Outcome(path, FAIL, 'compile-timeout', 'timed out')
        if res.signal is not None or res.status not in (0, 1):
            return Outcome(path, FAIL, 'compile-crash', self.clean(
                res.describe() + '\n' + res.out, wd))
        if r.want_error and res.status == 0:
            return Outcome(path, FAIL, 'errorcheck-accepted', 'compilation succeeded unexpectedly\n'
                           + self.clean(res.out, wd))
        if not r.want_error and res.status != 0:
            return Outcome(path, FAIL, 'errorcheck-rejected', self.clean(
                diagnostics(res.out) or res.describe(), wd))
        try:
            problems = gotest.error_check(res.out, r.want_auto,
                                          [(full, os.path.basename(path), src)])
        except gotest.ExpectationError as e:
            return Outcome(path, FAIL, 'bad-expectation', str(e))
        if problems:
            return Outcome(path, FAIL, 'errorcheck-mismatch', self.clean('\n'.join(problems), wd))
        return Outcome(path, PASS)

    def errorcheckdir(self, path, r, wd):
        """run.go's errorcheckdir: the packages of NAME.dir compiled in order,
        each one's diagnostics checked against its ERROR comments; the last
        must fail when the recipe wants an error, the others must compile."""
        longdir = os.path.join(self.root, path[:-3] + '.dir')
        if not os.path.isdir(longdir):
            return Outcome(path, SKIP, 'bad-recipe', 'no directory ' + path[:-3] + '.dir')
        os.makedirs(os.path.join(wd, 'test'), exist_ok=True)
        pkgs = gotest.dir_packages(longdir, r.single_file_pkgs)
        flags = ['-d=panic', '-C'] + gotest.errorcheck_flags(r.flags)
        for i, (pkg, files) in enumerate(pkgs):
            cmd = gotest.compile_in_dir_cmd([self.origo], longdir, flags, pkg, files)
            res = proc.run(cmd, cwd=wd, env=self.env, timeout=max(COMPILE_TIMEOUT, r.timeout))
            if res.timed_out:
                return Outcome(path, FAIL, 'compile-timeout', 'timed out')
            if res.signal is not None or res.status not in (0, 1):
                return Outcome(path, FAIL, 'compile-crash', self.clean(res.describe() + '\n' + res.out, wd))
            last = i == len(pkgs) - 1
            if last and r.want_error and res.status == 0:
                return Outcome(path, FAIL, 'errorcheck-accepted', 'compilation succeeded unexpectedly\n'
                               + self.clean(res.out, wd))
            if (not last or not r.want_error) and res.status != 0:
                return Outcome(path, FAIL, 'errorcheck-rejected', self.clean(
                    diagnostics(res.out) or res.describe(), wd))
            srcs = []
            for name in files:
                with open(os.path.join(longdir, name), encoding='utf-8', errors='replace') as f:
                    srcs.append((os.path.join(longdir, name), name, f.read()))
            try:
                problems = gotest.error_check(res.out, r.want_auto, srcs)
            except gotest.ExpectationError as e:
                return Outcome(path, FAIL, 'bad-expectation', str(e))
            if problems:
                return Outcome(path, FAIL, 'errorcheck-mismatch', self.clean('\n'.join(problems), wd))
        return Outcome(path, PASS)

    def warm(self):
        """Builds one program that imports fmt, untimed, so that compiling
        the standard library into origo's cache is not charged to a test."""
        wd = tempfile.mkdtemp(dir=self.tmp, prefix='warm-')
        src = os.path.join(wd, 'warm.go')
        with open(src, 'w') as f:
            f.write('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n')
        proc.run([self.origo, 'build', '-o', os.path.join(wd, 'warm'), src], cwd=wd, env=self.env,
                 timeout=900)
        shutil.rmtree(wd, ignore_errors=True)


def is_flaky(reason):
    """An expected failure whose reason starts with "flaky:" may pass too:
    it fails only some of the time (a race the reason explains), so
    neither outcome is a change; --update keeps it."""
    return reason.startswith('flaky:')


def diagnostics(out):
    """Compiler output without the `# command-line-arguments` header."""
    return '\n'.join(l for l in out.split('\n') if not l.startswith('#')).strip()


def first_difference(want, got):
    w, g = want.split('\n'), got.split('\n')
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else '<EOF>'
        b = g[i] if i < len(g) else '<EOF>'
        if a != b:
            return 'line %d: got %r, want %r' % (i + 1, b[:60], a[:60])
    return 'output differs'


# ---------------------------------------------------------------------------
# Expectations.

HEADER = """\
# Conformance tests of the Go 1.19 test tree expected to FAIL on linux/{arch}.
# One per line: `path  # category: first line of the failure`.
# Regenerate: python3 tools/conformance/run.py --origo build/bin/origo --arch {arch} --update
"""


expected_path = gotest.expected_path
read_expected = gotest.read_expected


def write_expected(path, arch, entries):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER.format(arch=arch))
        for p in sorted(entries):
            f.write('%s  # %s\n' % (p, entries[p]) if entries[p] else '%s\n' % p)


# ---------------------------------------------------------------------------

def test_dir(path):
    return path.rsplit('/', 1)[0] if '/' in path else '.'


def run_arch(args, arch, paths, tmp):
    runner = Runner(args.origo, args.root, arch, tmp, args.verbose, args.gomaxprocs)
    start = time.time()
    if not args.no_warm:
        runner.warm()
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        outcomes = list(pool.map(runner.test, paths))
    elapsed = time.time() - start

    exp_file = expected_path(args.expected_dir, arch)
    expected = read_expected(exp_file)
    ran = set(paths)
    unexpected_fail, unexpected_pass = [], []
    for o in outcomes:
        # A compiler that crashes (a signal, an internal error, a link
        # failure) is never an expected failure: it must diagnose.
        if o.result == FAIL and (o.path not in expected or o.category == 'build-crash'):
            unexpected_fail.append(o)
        elif o.result == PASS and o.path in expected and not is_flaky(expected[o.path]):
            unexpected_pass.append(o)
    # A listed test that is now skipped or no longer exists is stale.
    in_scope = {o.path for o in outcomes if o.result != SKIP}
    stale = sorted(p for p in expected if (p in ran or not args.tests) and p not in in_scope)

    per_dir = collections.OrderedDict()
    for d in gotest.DIRS:
        per_dir[d] = collections.Counter()
    skips = collections.Counter()
    fails = collections.Counter()
    for o in outcomes:
        per_dir.setdefault(test_dir(o.path), collections.Counter())[o.result] += 1
        if o.result == SKIP:
            skips[o.category] += 1
        elif o.result == FAIL:
            fails[o.category] += 1

    if args.verbose:
        for o in outcomes:
            if o.result == FAIL:
                print('FAIL %s(%s) %s: %s' % ('conformance', arch, o.path, indent(o.detail)))
    for o in unexpected_fail:
        print('UNEXPECTED FAIL (%s) %s  # %s\n    %s' % (arch, o.path, o.reason(), indent(o.detail, 30)))
    for o in unexpected_pass:
        print('UNEXPECTED PASS (%s) %s  (listed in %s; remove it or run --update)'
              % (arch, o.path, os.path.relpath(exp_file, REPO)))
    for p in stale:
        print('STALE EXPECTATION (%s) %s  (not an in-scope test; run --update)' % (arch, p))

    for d, c in per_dir.items():
        if sum(c.values()):
            print('  %-20s %5d passed, %5d failed, %5d skipped' % (d, c[PASS], c[FAIL], c[SKIP]))
    print('  failures by category: ' + ', '.join('%s %d' % kv for kv in sorted(fails.items())))
    print('  skipped by category:  ' + ', '.join('%s %d' % kv for kv in sorted(skips.items())))
    total = collections.Counter(o.result for o in outcomes)
    print('conformance(%s): %d passed, %d failed, %d skipped' % (arch, total[PASS], total[FAIL], total[SKIP]))
    bad = len(unexpected_fail) + len(unexpected_pass) + len(stale)
    as_expected = total[PASS] + total[FAIL] - len(unexpected_fail) - len(unexpected_pass)
    print('expectations(%s): %d as expected, %d unexpected (%.0fs)' % (arch, as_expected, bad, elapsed))

    if args.update:
        new = {p: r for p, r in expected.items() if (args.tests and p not in ran) or is_flaky(r)}
        for o in outcomes:
            if o.result == FAIL and not is_flaky(new.get(o.path, '')):
                new[o.path] = o.reason()
        write_expected(exp_file, arch, new)
        print('wrote %s (%d expected failures)' % (exp_file, len(new)))
        return True
    return bad == 0


def indent(text, max_lines=None):
    lines = text.rstrip('\n').split('\n')
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines] + ['... (%d more lines)' % (len(lines) - max_lines)]
    return '\n    '.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--origo', required=True, help='path to the origo driver')
    ap.add_argument('--arch', action='append', choices=['amd64', 'arm64'],
                    help='target (repeatable; default amd64)')
    ap.add_argument('--root', default='/usr/share/go-1.19/test', help='Go test tree')
    ap.add_argument('--expected-dir', default=DEFAULT_EXPECTED_DIR,
                    help='where expected-<arch>.txt live')
    ap.add_argument('--update', action='store_true', help='rewrite the expected failures')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1, help='parallel tests')
    ap.add_argument('-v', '--verbose', action='store_true', help='print every failure in full')
    ap.add_argument('--no-warm', action='store_true', help='skip the untimed warm-up build')
    ap.add_argument('--gomaxprocs', type=int, help='run the test programs with GOMAXPROCS set to this')
    ap.add_argument('tests', nargs='*', help='test paths relative to the tree (default all)')
    args = ap.parse_args()
    args.origo = os.path.abspath(args.origo)
    args.root = os.path.abspath(args.root)
    if not os.access(args.origo, os.X_OK):
        sys.exit('conformance: no executable origo at %s' % args.origo)

    paths = gotest.go_files(args.root)
    if args.tests:
        wanted = {t.removeprefix('./') for t in args.tests}
        unknown = wanted - set(paths)
        if unknown:
            sys.exit('conformance: not tests of the tree: ' + ', '.join(sorted(unknown)))
        paths = [p for p in paths if p in wanted]

    ok = True
    with tempfile.TemporaryDirectory(prefix='origo-conformance-') as tmp:
        for arch in args.arch or ['amd64']:
            ok = run_arch(args, arch, paths, tmp) and ok
            sys.stdout.flush()
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
