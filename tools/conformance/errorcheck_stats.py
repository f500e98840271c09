#!/usr/bin/env python3
"""Pass rate of the Go test tree's `// errorcheck` (and `errorcheckdir`) tests that test type
errors, read from the checked-in expected-failures list (so it reflects the
last conformance run that updated it).

A test counts as a type-error test unless its recipe asks for back-end
diagnostics (-m escape/inlining reports, -live, -race, -wb, -N, or a -d=
debug setting other than -d=panic), which later stages will produce. Tests
the runner skips on this target (build constraints, gc's own known
failures) are left out. `-v` lists the failing type-error tests."""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gotest  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def backend_flags(flags):
    for f in flags:
        if f.startswith('-m') or f.startswith('-live') or f.startswith('-race') or f.startswith('-wb'):
            return True
        if f == '-N' or (f.startswith('-d=') and f != '-d=panic'):
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default='/usr/share/go-1.19/test')
    ap.add_argument('--arch', default='amd64', choices=['amd64', 'arm64'])
    ap.add_argument('-v', action='store_true', help='list failing type-error tests')
    ap.add_argument('--syntax', action='store_true',
                    help='instead: the tests whose expected errors include syntax errors '
                         '(ERROR patterns naming "syntax error", "unexpected" or "expecting")')
    args = ap.parse_args()

    failing = gotest.read_expected(gotest.expected_path(os.path.join(REPO, 'test', 'conformance'), args.arch))
    gc_fails = gotest.gc_expected_failures(args.root)

    counts = {'type': [0, 0], 'backend': [0, 0]} if not args.syntax else {'syntax': [0, 0]}
    failed_type = []
    for path in gotest.go_files(args.root):
        with open(os.path.join(args.root, path), encoding='utf-8', errors='replace') as f:
            src = f.read()
        r = gotest.parse_recipe(src, args.arch)
        if r.error or r.constraint or r.action not in ('errorcheck', 'errorcheckdir') or path in gc_fails:
            continue
        if args.syntax:
            patterns = ' '.join(m.group(1) for m in gotest._ERR_RX.finditer(src))
            if not any(w in patterns for w in ('syntax error', 'unexpected', 'expecting')):
                continue
            kind = 'syntax'
        else:
            kind = 'backend' if backend_flags(r.flags) else 'type'
        ok = path not in failing
        counts[kind][0 if ok else 1] += 1
        if kind != 'backend' and not ok:
            failed_type.append((path, failing[path]))
    for kind, (p, f) in counts.items():
        total = p + f
        print('%-8s errorcheck tests (%s): %d of %d pass (%.1f%%)' %
              (kind, args.arch, p, total, 100.0 * p / total if total else 0))
    if args.v:
        for path, why in failed_type:
            print('FAIL %s  # %s' % (path, why[:160]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
