#!/usr/bin/env python3
"""The SSA text form and ssa.html, end to end.

round trip: every program of test/run, examples, test/lit/ssa and test/ssa
is built with `origo build -stop-after=ssa -d=ssa/all/dump -d=ssa/check/on`
and origo_ssaparse -check reads the output back: each function after each
pass must parse, pass ssa::verify and print as the same text. One count per
program; a program origo rejects with a diagnostic (not a crash) is skipped.

html: `GOSSAFUNC=main origo build html.go` writes ssa.html, which headless
Chromium loads (--dump-dom, and --screenshot for the rendering). The DOM must
have one column per pass of ssa/compile.cpp's pass table, titled "start" and
then the pass names in order, and each column must hold main.main as
`-d=ssa/all/dump` prints it after that pass (the start column: as it parses
back). One count; a missing chromium is a failure, not a skip.

Prints `ssa: N passed, M failed` last. Exits 1 if anything failed.

usage: run.py --origo PATH --ssaparse PATH
"""

import argparse
import glob
import html.parser
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, 'tools', 'conformance'))
import proc  # noqa: E402

PROGRAMS = ['test/run/*.go', 'examples/*.go', 'test/lit/ssa/*.go', 'test/ssa/*.go']
CHROMIUM_TIMEOUT = 60


def round_trip(origo, ssaparse, path, tmp):
    """None if path's SSA dumps read back exactly, 'skip' if origo rejects
    the program, else a report."""
    out = os.path.join(tmp, os.path.basename(path) + '.ssa')
    b = proc.run([origo, 'build', '-stop-after=ssa', '-d=ssa/all/dump', '-d=ssa/check/on', path],
                 cwd=tmp, timeout=60, merge=False)
    if b.status == 1:
        return 'skip'
    if not b.ok:
        return 'origo %s:\n%s' % (b.describe(), b.err.rstrip())
    with open(out, 'w') as f:
        f.write(b.out)
    p = proc.run([ssaparse, '-check', out], timeout=60)
    if not p.ok or not p.out.startswith('ok '):
        return 'origo_ssaparse -check %s:\n%s' % (p.describe(), p.out.rstrip())
    return None


def pass_table():
    """Pass names of ssa/compile.cpp's table, in order."""
    with open(os.path.join(REPO, 'ssa', 'compile.cpp')) as f:
        src = f.read()
    m = re.search(r'const Pass passes\[\] = \{(.*?)\n\};', src, re.S)
    return re.findall(r'^\s*\{"([^"]+)",', m.group(1), re.M) if m else []


class Columns(html.parser.HTMLParser):
    """Titles (<th>) and texts (<td>) of the table, from the DOM Chromium
    serialised."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.titles, self.texts = [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        if tag in ('th', 'td'):
            self._in = tag
            (self.titles if tag == 'th' else self.texts).append('')

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == 'th':
            self.titles[-1] += data
        elif self._in == 'td':
            self.texts[-1] += data


def after_pass_dumps(text, func):
    """{pass: dump of func after it} from -d=ssa/all/dump output."""
    dumps, cur = {}, None
    for chunk in re.split(r'^# after (\S+)\n', text, flags=re.M)[1:]:
        if cur is None:
            cur = chunk
            continue
        m = re.search(r'^%s .*\n(?:[ \t].*\n)*' % re.escape(func), chunk, re.M)
        if m:
            dumps[cur] = m.group(0)
        cur = None
    return dumps


def check_html(origo, ssaparse, tmp):
    """None if ssa.html shows every pass in Chromium, else a report."""
    chromium = shutil.which('chromium')
    if not chromium:
        return 'chromium not found: install the Debian package chromium (tools/setup.sh does)'
    src = os.path.join(HERE, 'html.go')
    work = os.path.join(tmp, 'html')
    os.mkdir(work)
    b = proc.run([origo, 'build', '-o', os.path.join(work, 'x'), src], cwd=work, timeout=120,
                 env=dict(os.environ, GOSSAFUNC='main'))
    page = os.path.join(work, 'ssa.html')
    if not b.ok or not os.path.exists(page):
        return 'GOSSAFUNC=main origo build %s: %s, ssa.html %s\n%s' % (
            src, b.describe(), 'written' if os.path.exists(page) else 'missing', b.out.rstrip())
    # --no-sandbox: Chromium refuses to run as root without it; small
    # containers have a tiny /dev/shm.
    flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
             '--user-data-dir=' + os.path.join(work, 'profile')]
    dom = proc.run([chromium] + flags + ['--dump-dom', 'file://' + page], cwd=work,
                   timeout=CHROMIUM_TIMEOUT, merge=False)
    if not dom.ok or '<table' not in dom.out:
        return 'chromium --dump-dom: %s\n%s' % (dom.describe(), dom.err.rstrip()[-2000:])
    png = os.path.join(work, 'ssa.png')
    shot = proc.run([chromium] + flags + ['--window-size=1600,1000', '--screenshot=' + png, 'file://' + page],
                    cwd=work, timeout=CHROMIUM_TIMEOUT)
    if not shot.ok or not os.path.exists(png):
        return 'chromium --screenshot: %s\n%s' % (shot.describe(), shot.out.rstrip()[-2000:])
    with open(png, 'rb') as f:
        if f.read(8) != b'\x89PNG\r\n\x1a\n':
            return 'chromium --screenshot wrote no PNG'

    cols = Columns()
    cols.feed(dom.out)
    passes = pass_table()
    if not passes:
        return 'no pass table found in ssa/compile.cpp'
    want = ['start'] + passes
    if cols.titles != want:
        return 'columns in Chromium\'s DOM: %s\nwant "start" and the pass table: %s' % (cols.titles, want)
    if len(cols.texts) != len(want):
        return '%d column texts for %d titles' % (len(cols.texts), len(want))
    d = proc.run([origo, 'build', '-stop-after=ssa', '-d=ssa/all/dump', src], cwd=work, timeout=60, merge=False)
    if not d.ok:
        return 'origo build -d=ssa/all/dump: %s\n%s' % (d.describe(), d.err.rstrip())
    dumps = after_pass_dumps(d.out, 'main.main')
    for title, text in zip(want[1:], cols.texts[1:]):
        if text != dumps.get(title):
            return 'column %s differs from -d=ssa/%s/dump:\n--- ssa.html\n%s--- dump\n%s' % (
                title, title, text, dumps.get(title, '(none)\n'))
    start = os.path.join(work, 'start.ssa')
    with open(start, 'w') as f:
        f.write(cols.texts[0])
    p = proc.run([ssaparse, '-check', start], timeout=60)
    if not p.ok or not cols.texts[0].startswith('main.main func()\n'):
        return 'column start does not read back:\n%s%s' % (cols.texts[0], p.out)
    if '{"<&>"}' not in cols.texts[0]:
        return 'column start lacks the string constant "<&>"'
    print('ok ssa.html: %d columns (%s), %d bytes of PNG' % (len(want), ' '.join(want), os.path.getsize(png)))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--origo', required=True)
    ap.add_argument('--ssaparse', required=True)
    args = ap.parse_args()
    origo, ssaparse = os.path.abspath(args.origo), os.path.abspath(args.ssaparse)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pattern in PROGRAMS:
            for path in sorted(glob.glob(os.path.join(REPO, pattern))):
                rel = os.path.relpath(path, REPO)
                r = round_trip(origo, ssaparse, path, tmp)
                if r == 'skip':
                    print('skip %s: origo rejects it' % rel)
                elif r:
                    print('FAIL round trip %s: %s' % (rel, r))
                    failed += 1
                else:
                    print('ok round trip %s' % rel)
                    passed += 1
        r = check_html(origo, ssaparse, tmp)
        if r:
            print('FAIL ssa.html: %s' % r)
            failed += 1
        else:
            passed += 1
    print('ssa: %d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
