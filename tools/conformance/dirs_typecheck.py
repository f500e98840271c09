#!/usr/bin/env python3
"""Type-checks the multi-package tests of the Go test tree (`// compiledir`,
`// rundir`, `// errorcheckdir` with a NAME.dir directory) with origo and with
gc 1.19, package by package as run.go compiles them (`tool compile -e -D test
-I .`), and reports for how many tests origo's diagnostics are gc's.

Both compilers are asked only to compile (origo: type-check); a test agrees
when every package's compile gives the same exit status and the same
diagnostics, as `file:line: message` lines. This measures the type checker on
these tests until the conformance runner builds and runs them (rundir and
compiledir need code generation for several packages). `-v` lists the tests
that differ with both outputs."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gotest  # noqa: E402

ACTIONS = ('compiledir', 'rundir', 'errorcheckdir')


def std_importcfg(go, env):
    """gc's export data of the standard library for env's GOARCH (built into
    the Go cache by `go list -export`), as importcfg lines: Debian's gc has
    no precompiled packages for other architectures."""
    p = subprocess.run([go, 'list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}',
                        'std'], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return [l for l in p.stdout.decode().split('\n') if l]


def compile_all(compiler, longdir, pkgs, flags, env, importcfg=None):
    """Runs the per-package compiles in a fresh work directory; returns
    [(status, normalised diagnostics)] up to the first failing package.
    With importcfg (gc), the test's own packages are added to it."""
    wd = tempfile.mkdtemp(prefix='dirtc-')
    try:
        os.makedirs(os.path.join(wd, 'test'))
        results = []
        cfg = list(importcfg or [])
        for pkg, files in pkgs:
            cmd = gotest.compile_in_dir_cmd(compiler, longdir, flags, pkg, files)
            if importcfg is not None:
                with open(os.path.join(wd, 'importcfg'), 'w') as f:
                    f.write('\n'.join(cfg) + '\n')
                cmd.insert(3, '-importcfg=importcfg')
                if pkg != 'main':
                    stem = 'test/' + files[0][:-3]
                    cfg.append('packagefile %s=%s' % (stem, os.path.join(wd, stem + '.a')))
            p = subprocess.run(cmd, cwd=wd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=120)
            out = p.stdout.decode('utf-8', 'replace').replace(longdir + '/', '')
            lines = []
            for l in out.split('\n'):
                if not l or l.startswith('\t') or l.startswith('#'):
                    continue
                f = l.split(':')
                # file:line:col: msg -> file:line: msg (gc and origo agree on lines)
                if len(f) >= 4 and f[1].isdigit() and f[2].isdigit():
                    l = ':'.join([f[0], f[1]] + f[3:])
                lines.append(l)
            results.append((1 if p.returncode else 0, '\n'.join(sorted(lines))))
            if p.returncode:
                break
        return results
    finally:
        shutil.rmtree(wd, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--origo', default='build/bin/origo')
    ap.add_argument('--go', default='/usr/lib/go-1.19/bin/go')
    ap.add_argument('--root', default='/usr/share/go-1.19/test')
    ap.add_argument('--arch', default='amd64', choices=['amd64', 'arm64'])
    ap.add_argument('-v', action='store_true')
    ap.add_argument('dirs', nargs='*', default=['typeparam'])
    args = ap.parse_args()
    env = dict(os.environ, GOOS='linux', GOARCH=args.arch, GOENV='off', GOFLAGS='')
    origo = [os.path.abspath(args.origo)]
    agree, differ = 0, []
    importcfg = None
    for path in gotest.go_files(args.root, args.dirs):
        longdir = os.path.join(args.root, path[:-3] + '.dir')
        if not os.path.isdir(longdir):
            continue
        with open(os.path.join(args.root, path), encoding='utf-8', errors='replace') as f:
            r = gotest.parse_recipe(f.read(), args.arch)
        if r.action not in ACTIONS or r.constraint is not None or r.goexperiment is not None:
            continue
        pkgs = gotest.dir_packages(longdir, r.single_file_pkgs)
        flags = [f for f in r.flags if f.startswith('-lang') or f in ('-std', '-+')]
        got = compile_all(origo, longdir, pkgs, flags, env)
        if importcfg is None:
            importcfg = std_importcfg(args.go, env)
        want = compile_all([args.go], longdir, pkgs, flags, env, importcfg)
        if got == want:
            agree += 1
        else:
            differ.append(path)
            if args.v:
                print('DIFF %s\n  gc:    %s\n  origo: %s' % (path, want, got))
    total = agree + len(differ)
    print('multi-package tests in %s (%s): %d of %d type-check as gc does' %
          (' '.join(args.dirs), args.arch, agree, total))
    for p in differ:
        print('  differs: ' + p)
    return 0 if not differ else 1


if __name__ == '__main__':
    sys.exit(main())
