"""The Go test tree's conventions, as $GOROOT/test/run.go (Go 1.19) defines
them: which directories hold tests, a test file's recipe line and build
constraints, and the errorcheck matching of compiler diagnostics against
`// ERROR "regexp"` comments. Function names follow run.go's so the two can be
read side by side."""

import os
import re

# run.go's `dirs`: the directories whose *.go files are tests.
DIRS = ['.', 'ken', 'chan', 'interface', 'syntax', 'dwarf', 'fixedbugs', 'codegen', 'runtime',
        'abi', 'typeparam', 'typeparam/mdempsky']

# Tags gc 1.19 sets on linux/amd64 and linux/arm64 besides GOOS and GOARCH
# (`go list -f '{{context.ToolTags}}'`).
TOOL_TAGS = {'goexperiment.regabiwrappers', 'goexperiment.regabiargs'}
RELEASE_TAGS = {'go1.%d' % i for i in range(1, 20)}


def go_files(root, dirs=DIRS):
    """Sorted test paths relative to `root`, as `dir/name.go` (`name.go` for '.')."""
    paths = []
    for d in dirs:
        full = os.path.join(root, d)
        for name in sorted(os.listdir(full)):
            if name.endswith('.go') and os.path.isfile(os.path.join(full, name)):
                paths.append(name if d == '.' else d + '/' + name)
    return paths


def expected_path(expected_dir, arch):
    """The checked-in expected-failures list of a target."""
    return os.path.join(expected_dir, 'expected-%s.txt' % arch)


def read_expected(path):
    """{test path: reason} of the tests expected to fail."""
    entries = {}
    if not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for line in f:
            body, _, reason = line.partition('#')
            body = body.strip()
            if body:
                entries[body] = reason.strip()
    return entries


def gc_expected_failures(root):
    """Tests that run.go itself expects gc 1.19 to fail on 64-bit targets
    (types2Failures and go118Failures), read from run.go."""
    with open(os.path.join(root, 'run.go'), encoding='utf-8') as f:
        src = f.read()
    names = set()
    for var in ('types2Failures', 'go118Failures'):
        m = re.search(r'^var %s = setOf\((.*?)^\)' % var, src, re.M | re.S)
        if m:
            names.update(re.findall(r'^\s*"([^"]+)"', m.group(1), re.M))
    return names


# ---------------------------------------------------------------------------
# Build constraints (go/build/constraint), evaluated as run.go's context.match.

class ConstraintError(Exception):
    pass


def match_tag(name, goarch, extra_tags=()):
    """run.go's context.match for linux/goarch, no cgo, optimisation on,
    plus the go1.x release tags."""
    if not name or not re.fullmatch(r'[\w.]+', name):
        return False
    if name.startswith('goexperiment.'):
        return name in TOOL_TAGS
    return name in ('linux', goarch, 'gc', 'test_run') or name in RELEASE_TAGS or name in extra_tags


def _eval_gobuild(expr, match):
    tokens = re.findall(r'\(|\)|!|&&|\|\||[^\s()!&|]+|\S', expr)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def or_expr():
        v = and_expr()
        while peek() == '||':
            take()
            v = and_expr() or v
        return v

    def and_expr():
        v = not_expr()
        while peek() == '&&':
            take()
            v = not_expr() and v
        return v

    def not_expr():
        if peek() == '!':
            take()
            return not not_expr()
        return atom()

    def atom():
        t = peek()
        if t == '(':
            take()
            v = or_expr()
            if peek() != ')':
                raise ConstraintError('missing )')
            take()
            return v
        if t is None or not re.fullmatch(r'[\w.]+', t):
            raise ConstraintError('unexpected token %r' % t)
        take()
        return match(t)

    v = or_expr()
    if pos != len(tokens):
        raise ConstraintError('unexpected token %r' % tokens[pos])
    return v


def eval_constraint_line(line, match):
    """True/False for a `//go:build` or `// +build` line, None when the line
    is no constraint (constraint.Parse fails)."""
    m = re.match(r'//go:build(?:[ \t]+(.*))?$', line)
    if m:
        try:
            return _eval_gobuild((m.group(1) or '').strip(), match)
        except ConstraintError:
            return None
    m = re.match(r'//[ \t]*\+build(?:[ \t]+(.*))?$', line.rstrip())
    if m:
        fields = (m.group(1) or '').split()
        if not fields:
            return None
        result = False
        for field in fields:
            terms = field.split(',')
            ok = True
            for t in terms:
                neg = t.startswith('!')
                name = t[1:] if neg else t
                if not name or name.startswith('!') or not re.fullmatch(r'[\w.]+', name):
                    return None
                ok = ok and (match(name) != neg)
            result = result or ok
        return result
    return None


def should_test(header, goarch):
    """run.go's shouldTest: (ok, the constraint line that excludes the test)."""
    for line in header.split('\n'):
        if line.startswith('package '):
            break
        v = eval_constraint_line(line, lambda tag: match_tag(tag, goarch))
        if v is False:
            return False, line
    return True, ''


# ---------------------------------------------------------------------------
# The recipe.

def split_quoted(s):
    """run.go's splitQuoted (from go/build): fields with '' and "" quoting
    and backslash escapes. Raises ValueError on an unclosed quote."""
    args, arg = [], []
    escaped = quoted = False
    quote = None
    for ch in s:
        if escaped:
            escaped = False
        elif ch == '\\':
            escaped = True
            continue
        elif quote is not None:
            if ch == quote:
                quote = None
                continue
        elif ch in '"\'':
            quoted = True
            quote = ch
            continue
        elif ch.isspace():
            if quoted or arg:
                quoted = False
                args.append(''.join(arg))
                arg = []
            continue
        arg.append(ch)
    if quoted or arg:
        args.append(''.join(arg))
    if quote is not None:
        raise ValueError('unclosed quote')
    if escaped:
        raise ValueError('unfinished escaping')
    return args


class Recipe:
    """A test's parsed recipe. `action` is run.go's (errorcheckwithauto folded
    into errorcheck with want_auto); `skip` is why this target excludes the
    test (a constraint line), else None."""

    def __init__(self):
        self.action = None
        self.args = []
        self.flags = []
        self.want_error = False
        self.want_auto = False
        self.single_file_pkgs = False  # -s: each file of a *dir test its own package
        self.timeout = 0
        self.goexperiment = None
        self.constraint = None
        self.error = None


def parse_recipe(src, goarch):
    """run.go's test.run up to the `switch action`: the recipe line and the
    flags that follow the action word."""
    r = Recipe()
    if src.startswith('\n'):
        r.error = 'starts with newline'
        return r
    action, sep, _ = src.partition('\n\n')
    if not sep:
        r.error = 'double newline ending execution recipe not found'
        return r
    first, sep, rest = action.partition('\n')
    if sep and '+build' in first:
        action = rest
    action = action.removeprefix('//')
    header, sep, _ = src.partition('\npackage')
    if not sep:
        header = action
    ok, why = should_test(header, goarch)
    if not ok:
        r.constraint = why
        return r
    try:
        f = split_quoted(action)
    except ValueError as e:
        r.error = 'invalid test recipe: %s' % e
        return r
    if not f:
        r.error = 'empty recipe'
        return r
    r.action, args = f[0], f[1:]
    if r.action == 'errorcheckwithauto':
        r.action = 'errorcheck'
        r.want_auto = True
        r.want_error = True
    elif r.action in ('errorcheck', 'errorcheckdir', 'errorcheckoutput'):
        r.want_error = True
    while args and args[0].startswith('-'):
        a = args.pop(0)
        if a == '-1':
            r.want_error = True
        elif a == '-0':
            r.want_error = False
        elif a == '-s':
            r.single_file_pkgs = True
        elif a == '-t':
            if not args or not args[0].isdigit():
                r.error = 'need number of seconds for -t timeout'
                return r
            r.timeout = int(args.pop(0))
        elif a == '-goexperiment':
            r.goexperiment = args.pop(0) if args else ''
        else:
            r.flags.append(a)
    r.args = args
    return r


def dir_packages(longdir, single_file_pkgs):
    """run.go's goDirPackages: the .go files of a *dir test in name order,
    grouped by package clause in order of first appearance (or one package
    per file with -s). Returns [(package name, [file names])]."""
    pkgs, by_name = [], {}
    for name in sorted(os.listdir(longdir)):
        if not name.endswith('.go'):
            continue
        with open(os.path.join(longdir, name), encoding='utf-8', errors='replace') as f:
            m = re.search(r'^package\s+(\w+)', f.read(), re.M)
        pkg = m.group(1) if m else ''
        if single_file_pkgs or pkg not in by_name:
            by_name[pkg] = (pkg, [])
            pkgs.append(by_name[pkg])
        by_name[pkg][1].append(name)
    return pkgs


def compile_in_dir_cmd(compiler, longdir, flags, pkg, files):
    """run.go's compileInDir: `tool compile -e -D test -I .`, run in a work
    directory holding test/; a package other than main is written to
    test/<first file>.a with that path (so `import "./a"` finds it)."""
    cmd = compiler + ['tool', 'compile', '-e', '-D', 'test', '-I', '.']
    if pkg == 'main':
        cmd.append('-p=main')
    else:
        path = 'test/' + files[0][:-3]
        cmd += ['-o', path + '.a', '-p', path]
    return cmd + list(flags) + [os.path.join(longdir, f) for f in files]


def errorcheck_flags(flags):
    """run.go adds ssa/check/on to the first -d= flag, or -d=ssa/check/on."""
    flags = list(flags)
    for i, f in enumerate(flags):
        if f.startswith('-d='):
            flags[i] = f + ',ssa/check/on'
            return flags
    return flags + ['-d=ssa/check/on']


# ---------------------------------------------------------------------------
# errorcheck: run.go's errorCheck, splitOutput, wantedErrors, matchPrefix.

_ERR_RX = re.compile(r'// (?:GC_)?ERROR (.*)')
_ERR_AUTO_RX = re.compile(r'// (?:GC_)?ERRORAUTO (.*)')
_ERR_QUOTES_RX = re.compile(r'"([^"]*)"')
_LINE_RX = re.compile(r'LINE(([+-])([0-9]+))?')


def go_regexp(rx):
    """Compiles a Go (RE2) regexp with Python's re. The test tree uses the
    common subset; the few RE2 spellings Python lacks are rewritten."""
    rx = rx.replace(r'\z', r'\Z')
    return re.compile(rx)


def split_output(out, want_auto):
    res = []
    for line in out.split('\n'):
        line = line.removesuffix('\r')
        if line.startswith('\t') and res:
            res[-1] += '\n' + line
        elif line.startswith('go tool') or line.startswith('#') or (
                not want_auto and line.startswith('<autogenerated>')):
            continue
        elif line.strip():
            res.append(line)
    return res


def match_prefix(s, prefix):
    i = s.find(':')
    if i < 0:
        return False
    j = s.rfind('/', 0, i)
    s = s[j + 1:]
    return len(s) > len(prefix) and s.startswith(prefix) and s[len(prefix)] in '[:'


class WantedError:
    def __init__(self, rx_str, rx, line_num, auto, file, prefix):
        self.rx_str, self.rx, self.line_num = rx_str, rx, line_num
        self.auto, self.file, self.prefix = auto, file, prefix


class ExpectationError(Exception):
    """The test's ERROR comments themselves are malformed."""


def wanted_errors(src, short):
    errs = []
    cache = {}
    for i, line in enumerate(src.split('\n')):
        line_num = i + 1
        if '////' in line:
            continue  # double comment disables ERROR
        auto = True
        m = _ERR_AUTO_RX.search(line)
        if m is None:
            auto = False
            m = _ERR_RX.search(line)
        if m is None:
            continue
        quoted = _ERR_QUOTES_RX.findall(m.group(1))
        if not quoted:
            raise ExpectationError('%s:%d: invalid errchk line: %s' % (short, line_num, line))
        for q in quoted:
            def subst(lm):
                n = line_num
                if lm.group(2) == '+':
                    n += int(lm.group(3))
                elif lm.group(2) == '-':
                    n -= int(lm.group(3))
                return '%s:%d' % (short, n)
            rx_str = _LINE_RX.sub(subst, q)
            if rx_str not in cache:
                try:
                    cache[rx_str] = go_regexp(rx_str)
                except re.error as e:
                    raise ExpectationError('%s:%d: invalid regexp "%s" in ERROR line: %s'
                                           % (short, line_num, rx_str, e))
            errs.append(WantedError(rx_str, cache[rx_str], line_num, auto, short,
                                    '%s:%d' % (short, line_num)))
    return errs


def error_check(out_str, want_auto, files):
    """run.go's errorCheck. `files` is a list of (full path, short name,
    source text). Returns a list of problems, empty when the diagnostics
    match the ERROR comments exactly."""
    problems = []
    out = split_output(out_str, want_auto)
    for i in range(len(out)):
        for full, short, _ in files:
            out[i] = out[i].replace(full, short)
    want = []
    for _, short, src in files:
        want.extend(wanted_errors(src, short))
    for we in want:
        if we.auto:
            errmsgs = [s for s in out if match_prefix(s, '<autogenerated>')]
            out = [s for s in out if not match_prefix(s, '<autogenerated>')]
        else:
            errmsgs = [s for s in out if match_prefix(s, we.prefix)]
            out = [s for s in out if not match_prefix(s, we.prefix)]
        if not errmsgs:
            problems.append('%s:%d: missing error "%s"' % (we.file, we.line_num, we.rx_str))
            continue
        matched = False
        n = len(out)
        for errmsg in errmsgs:
            # Cut "file:line: " so the file name cannot match by accident.
            _, sp, text = errmsg.partition(' ')
            if not sp:
                text = errmsg
            if we.rx.search(text):
                matched = True
            else:
                out.append(errmsg)
        if not matched:
            problems.append('%s:%d: no match for `%s` in:\n\t%s'
                            % (we.file, we.line_num, we.rx_str, '\n\t'.join(out[n:])))
    if out:
        problems.append('Unmatched Errors:')
        problems.extend(out)
    return problems
