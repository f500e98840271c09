#!/usr/bin/env python3
"""Robustness check: feeds every .go file under the Go test tree (recursively,
broken and exotic ones included) to `origo build -stop-after=types FILE` and
fails if any run ends with a signal, an exit status other than 0, 1 or 2, or
a timeout. Bad source must end in diagnostics, never in a crash or a hang.

Prints each failing file with what happened and the last lines of its output,
then `robustness: N files, K failed`. Exits 1 if any failed.

usage: robust.py --origo PATH [--root DIR] [-j N] [--timeout S] [FILE ...]
"""

import argparse
import concurrent.futures
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, 'tools', 'conformance'))
import proc  # noqa: E402


def all_go_files(root):
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith('.go'):
                paths.append(os.path.relpath(os.path.join(dirpath, name), root))
    return paths


def check(origo, root, path, timeout):
    """None if origo handled `path` acceptably, else a report."""
    res = proc.run([origo, 'build', '-stop-after=types', path], cwd=root,
                   env=dict(os.environ, GOOS='linux', GOARCH='amd64'), timeout=timeout)
    if not res.timed_out and res.signal is None and res.status in (0, 1, 2):
        return None
    tail = res.out.rstrip('\n').split('\n')[-5:]
    return res.describe() + ''.join('\n    | ' + l for l in tail if l)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--origo', required=True, help='path to the origo driver')
    ap.add_argument('--root', default='/usr/share/go-1.19/test', help='tree of .go files')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1, help='parallel runs')
    ap.add_argument('--timeout', type=float, default=10, help='seconds per file')
    ap.add_argument('files', nargs='*', help='files relative to the root (default all)')
    args = ap.parse_args()
    origo = os.path.abspath(args.origo)
    root = os.path.abspath(args.root)
    if not os.access(origo, os.X_OK):
        sys.exit('robustness: no executable origo at %s' % origo)
    paths = args.files or all_go_files(root)
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        results = list(pool.map(lambda p: check(origo, root, p, args.timeout), paths))
    failed = 0
    for path, problem in zip(paths, results):
        if problem:
            failed += 1
            print('FAIL robustness %s: %s' % (path, problem))
    print('robustness: %d files, %d failed' % (len(paths), failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
