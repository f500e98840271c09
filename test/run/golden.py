"""Shared pieces of the golden run tests: finding tests, their expectation
files, and the normalisation applied to program output before comparing.

A test is NAME.go with NAME.stdout, NAME.stderr (absent = empty) and
NAME.status (absent = 0) beside it. Expectations come from gc 1.19 (regen.py)
and are stored already normalised, so they do not depend on the machine that
generated them.
"""

import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))

# Where gc and origo legitimately differ in a panic report:
#   - pc offsets after a frame's file:line (`\t/abs/x.go:12 +0x1f`);
#   - argument lists of frames (gc prints `(0x1, 0x2)`, origo `(...)`);
#   - the absolute directory of the source file.
_PC_OFFSET = re.compile(r' \+0x[0-9a-f]+$', re.M)
_FRAME_FILE = re.compile(r'^\t(?:/[^\n:]*/)?([^/\n:]+\.go:\d+)', re.M)


def _strip_args(line):
    """`main.(*T).m(0x1, {0x2, 0x3})` -> `main.(*T).m(...)`: the argument
    list is the parenthesised group that ends the line."""
    if not line.endswith(')'):
        return line
    depth = 0
    for i in range(len(line) - 1, -1, -1):
        if line[i] == ')':
            depth += 1
        elif line[i] == '(':
            depth -= 1
            if depth == 0:
                return line[:i] + '(...)'
    return line


def normalise(text):
    """Returns program output with the machine- and compiler-specific parts
    of panic tracebacks replaced by fixed forms."""
    text = text.replace('\r\n', '\n')
    text = _PC_OFFSET.sub('', text)
    text = _FRAME_FILE.sub(r'\t\1', text)
    lines = text.split('\n')
    for i in range(len(lines) - 1):
        # A frame is a function line followed by a tab-indented file:line.
        if lines[i + 1].startswith('\t') and _FRAME_FILE.match(lines[i + 1]):
            lines[i] = _strip_args(lines[i])
    return '\n'.join(lines)


def tests(names=None):
    """Sorted test names (without .go); `names` restricts to those given."""
    all_names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith('.go'))
    if names:
        wanted = {os.path.basename(n).removesuffix('.go') for n in names}
        missing = wanted - set(all_names)
        if missing:
            raise SystemExit('run: no such test: ' + ', '.join(sorted(missing)))
        all_names = [n for n in all_names if n in wanted]
    return all_names


def read_expected(name):
    """(stdout, stderr, status) expected for test `name`."""
    def read(ext, default):
        path = os.path.join(HERE, name + ext)
        if not os.path.exists(path):
            return default
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            return f.read()
    return read('.stdout', ''), read('.stderr', ''), int(read('.status', '0').strip())


def write_expected(name, stdout, stderr, status):
    """Writes the expectation files of `name`, removing the empty ones."""
    for ext, content in (('.stdout', stdout), ('.stderr', stderr),
                         ('.status', '' if status == 0 else '%d\n' % status)):
        path = os.path.join(HERE, name + ext)
        if content:
            with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
                f.write(content)
        elif os.path.exists(path):
            os.remove(path)


def decode(data):
    return data.decode('utf-8', errors='surrogateescape')
