#!/usr/bin/env python3
"""Issue 5's measure: of the Go test tree's `// run` tests in ., ken/,
interface/, fixedbugs/, typeparam/ and abi/ that import nothing and use no
goroutines, channels or select, how many pass on each target, read from the
checked-in expected-failures lists (so it reflects the last conformance run
that updated them). With `--goroutines`, issue 6's measure instead: the
import-free ones of those directories that do use goroutines, channels or
select, plus every `// run` test in chan/. Tests the runner skips (build
constraints, flags or arguments in the recipe, gc's own known failures) are
left out. `-v` lists the failing ones with their reasons."""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gotest  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIRS = ['.', 'ken', 'interface', 'fixedbugs', 'typeparam', 'abi']


def imports(src):
    return re.search(r'^import\b', src, re.M) is not None


def concurrent(src):
    """Starts a goroutine, names a channel or selects."""
    return re.search(r'\bgo\s+\w|\bchan\b|\bselect\s*\{', src) is not None


def sequential(src):
    """Imports nothing and starts no goroutine, names no channel, selects nothing."""
    return not imports(src) and not concurrent(src)


def in_set(path, src, goroutines):
    if not goroutines:
        return sequential(src)
    if path.startswith('chan/'):
        return True
    return not imports(src) and concurrent(src)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default='/usr/share/go-1.19/test')
    ap.add_argument('--arch', action='append', choices=['amd64', 'arm64'])
    ap.add_argument('-v', action='store_true')
    ap.add_argument('--goroutines', action='store_true', help="issue 6's set (see above)")
    args = ap.parse_args()
    gc_fails = gotest.gc_expected_failures(args.root)
    for arch in args.arch or ['amd64', 'arm64']:
        failing = gotest.read_expected(gotest.expected_path(os.path.join(REPO, 'test', 'conformance'), arch))
        total, passed, failed = 0, 0, []
        dirs = DIRS + ['chan'] if args.goroutines else DIRS
        for path in gotest.go_files(args.root, dirs):
            with open(os.path.join(args.root, path), encoding='utf-8', errors='replace') as f:
                src = f.read()
            r = gotest.parse_recipe(src, arch)
            if r.error or r.constraint is not None or r.action != 'run' or r.flags or r.args:
                continue
            if path in gc_fails or r.goexperiment is not None or not in_set(path, src, args.goroutines):
                continue
            total += 1
            if path in failing:
                failed.append((path, failing[path]))
            else:
                passed += 1
        what = ('goroutine run tests (import-free, and all of chan/)' if args.goroutines
                else 'sequential import-free run tests')
        print('%s: %d of %d %s pass (%.1f%%)' %
              (arch, passed, total, what, 100.0 * passed / total if total else 0))
        if args.v:
            for path, why in failed:
                print('  FAIL %s  # %s' % (path, why[:140]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
