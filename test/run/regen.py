#!/usr/bin/env python3
"""Regenerates the expectations of the golden run tests from gc 1.19.

Each NAME.go is built with `go build` (GO111MODULE=off, GOFLAGS unset, a
private GOCACHE) and run directly, not through `go run`, so that the exit
status and stderr are the program's own. The outputs are normalised (see
golden.py) and written to NAME.stdout, NAME.stderr and NAME.status. Review the
diff like code.

usage: regen.py [--go PATH] [NAME.go ...]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import golden


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--go', default='/usr/lib/go-1.19/bin/go', help='gc 1.19 go command')
    ap.add_argument('tests', nargs='*', help='tests to regenerate (default all)')
    args = ap.parse_args()

    env = dict(os.environ)
    env.pop('GOFLAGS', None)
    env.update(GO111MODULE='off', GOCACHE='/tmp/origo-regen-gocache', GOARCH='amd64',
               GOOS='linux', CGO_ENABLED='0')
    failed = 0
    with tempfile.TemporaryDirectory(prefix='origo-regen-') as tmp:
        for name in golden.tests(args.tests):
            exe = os.path.join(tmp, name)
            build = subprocess.run([args.go, 'build', '-o', exe, name + '.go'], cwd=golden.HERE,
                                   env=env, capture_output=True)
            if build.returncode != 0:
                sys.stderr.write('regen: %s: gc cannot build it:\n%s' % (name, golden.decode(build.stderr)))
                failed += 1
                continue
            run = subprocess.run([exe], cwd=golden.HERE, env=dict(env, **golden.env_of(name)),
                                 capture_output=True, timeout=60)
            golden.write_expected(name, golden.normalise(golden.decode(run.stdout)),
                                  golden.normalise(golden.decode(run.stderr)), run.returncode)
            print('regen: %s: status %d' % (name, run.returncode))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
