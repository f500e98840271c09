#!/usr/bin/env python3
"""Builds Go programs with gc 1.19, gccgo and origo and compares them.

Two measurements, run by code.sh and compile.sh:

  code     speed of the generated code: each program in programs/ is built
           by each compiler, run on one core (taskset), its output checked
           against gc's, best of RUNS wall times. Issue 5's targets for
           origo: geometric mean of origo/gc at most 0.9, no program above
           1.3.
  sched    speed of goroutine code (run by sched.sh): each program in
           sched/ (channels, select, spawning, a mutex, a hot split), run
           on every core as gc's programs run by default, compared as for
           code; plus the peak RSS of spawn.go's million blocked
           goroutines. Issue 6's targets for origo: geometric mean at most
           1.0, no program above 1.5, spawn's peak RSS no more than gc's.
  compile  speed of compiling: the 5,000-line program from gen_big.py,
           compiled and linked on one core, best of RUNS. gc's time is its
           compiler and linker run directly (the standard library already
           compiled); origo's is `origo build` with its package cache warm.
           Target: origo under 3x gc.

A compiler whose build fails, whose program fails or prints something else
than gc's build is reported as FAIL in its column with the first line of
the error below the row, and is not timed; the run goes on and the exit
status is 1 at the end. Environment: BUILD (origo's build directory,
default the repository's build/), RUNS (default 3), CPU (the core for
taskset, default 0), GO (default /usr/lib/go-1.19/bin/go), GCCGO (a gccgo
to use, or `none` to skip it), CLOCK (`wall`, the default and what the
targets are about, or `cpu` for user+system time, steadier on a busy
machine).
"""

import argparse
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_big  # noqa: E402

RUN_TIMEOUT = 300  # seconds for one run of one program
BUILD_TIMEOUT = 600

CODE_GEOMEAN_MAX = 0.9
CODE_RATIO_MAX = 1.3
SCHED_GEOMEAN_MAX = 1.0
SCHED_RATIO_MAX = 1.5
SCHED_RSS_PROGRAM = "spawn"
COMPILE_RATIO_MAX = 3.0


def first_line(text):
    """The first line of a compiler's or program's messages, skipping the
    `# package` header that go build and origo build print."""
    for line in text.splitlines():
        if line.strip() and not line.startswith("# "):
            return line.strip()
    return "(no message)"


def crash_line(text):
    """The line of a failed program's output that says why: gc's and
    origo's `panic:` or `fatal error:`, else the last line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("panic: ", "fatal error: ", "unexpected fault", "SIG")):
            return line
    return lines[-1] if lines else "(no output)"


class Failure(Exception):
    """A build or run that failed; the message is one line."""


class Compiler:
    """One compiler: how to build a program and how to run what it built.

    `skip` is a reason to leave the compiler out altogether (not installed,
    no cross compiler); a compiler that is there but fails is a Failure."""

    def __init__(self, name, arch):
        self.name = name
        self.arch = arch
        self.skip = None

    def build(self, src, exe, cwd):
        raise NotImplementedError

    def _build(self, argv, cwd, env=None):
        """Runs a build command; positions in messages lose the source's
        directory, which is long and the same for all."""
        src = argv[-1]
        try:
            p = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure("build failed: timed out after %d s" % BUILD_TIMEOUT)
        except OSError as e:
            raise Failure("build failed: %s" % e)
        if p.returncode != 0:
            msg = p.stdout.decode(errors="replace").replace(os.path.dirname(src) + "/", "")
            raise Failure("build failed: " + first_line(msg))


def go_env(arch, cache=None):
    env = dict(os.environ)
    env.update(GOARCH=arch, GOOS="linux", GO111MODULE="off", GOFLAGS="-trimpath",
               CGO_ENABLED="0")
    if cache:
        env["GOCACHE"] = cache
    elif not (env.get("GOCACHE") or env.get("XDG_CACHE_HOME") or env.get("HOME")):
        # go refuses to build without a cache directory.
        env["GOCACHE"] = os.path.join(tempfile.gettempdir(), "origo-bench-gocache")
    return env


class Gc(Compiler):
    def __init__(self, arch):
        super().__init__("gc", arch)
        self.go = os.environ.get("GO", "/usr/lib/go-1.19/bin/go")
        if not os.access(self.go, os.X_OK):
            self.skip = "no go at %s (set GO)" % self.go

    def build(self, src, exe, cwd):
        self._build([self.go, "build", "-o", exe, src], cwd, go_env(self.arch))


class Gccgo(Compiler):
    def __init__(self, arch):
        super().__init__("gccgo", arch)
        want = os.environ.get("GCCGO", "")
        self.flags = ["-O2"]
        if want == "none":
            self.skip = "GCCGO=none"
            return
        if arch == "arm64" and platform.machine() != "aarch64":
            self.gccgo = want or shutil.which("aarch64-linux-gnu-gccgo")
            # Static, so qemu needs no target libgo.
            self.flags.append("-static")
            if not self.gccgo:
                self.skip = "no aarch64-linux-gnu-gccgo (package gccgo-aarch64-linux-gnu)"
            return
        self.gccgo = want or shutil.which("gccgo") or install_gccgo()
        if not self.gccgo:
            self.skip = "not installed (apt-get install gccgo needs root)"

    def build(self, src, exe, cwd):
        self._build([self.gccgo] + self.flags + ["-o", exe, src], cwd)


def install_gccgo():
    """Installs Debian's gccgo when running as root; returns its path or None."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    print("compare: installing gccgo with apt-get", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    cmd = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "gccgo"]
    if subprocess.run(cmd, **quiet).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(cmd, **quiet)
    return shutil.which("gccgo")


class Origo(Compiler):
    def __init__(self, arch):
        super().__init__("origo", arch)
        build = os.environ.get("BUILD", os.path.join(REPO, "build"))
        self.origo = os.path.join(build, "bin", "origo")
        # Not a skip: origo is the compiler under test, so its absence is
        # a failure in every row.
        self.missing = None
        if not os.access(self.origo, os.X_OK):
            self.missing = "not built (no %s)" % self.origo

    def build(self, src, exe, cwd):
        if self.missing:
            raise Failure(self.missing)
        env = dict(os.environ, GOARCH=self.arch, GOOS="linux")
        self._build([self.origo, "build", "-o", exe, src], cwd, env)


def runner(arch, pinned=True):
    """The command prefix that runs a program (on one core if pinned)."""
    prefix = ["taskset", "-c", os.environ.get("CPU", "0")] if pinned else []
    if arch == "arm64" and platform.machine() != "aarch64":
        prefix += ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]
    return prefix


CLOCK = os.environ.get("CLOCK", "wall")
if CLOCK not in ("wall", "cpu"):
    sys.exit("compare: CLOCK must be wall or cpu")


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(argv, cwd, env=None, timeout=RUN_TIMEOUT):
    """Runs argv; returns (seconds, exit status, stdout, stderr), seconds of
    wall time or, with CLOCK=cpu, of the process's user and system time."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure("timed out after %d s" % timeout)
    wall = time.perf_counter() - start
    secs = cpu_of_children() - cpu if CLOCK == "cpu" else wall
    return secs, p.returncode, p.stdout, p.stderr


def peak_rss(argv, cwd):
    """Runs argv once, its output discarded; returns its peak resident set
    size in KiB (the kernel's maxrss of that one process)."""
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise Failure("run failed: exit status %d" % p.returncode)
    return ru.ru_maxrss


def run_checked(prefix, exe, cwd, want):
    """Runs exe; returns its time (as `timed` measures it) and output, or
    raises Failure if it fails or its output (stdout and stderr: println
    writes to stderr) is not `want`."""
    secs, rc, out, err = timed(prefix + [exe], cwd)
    if rc != 0:
        how = "killed by signal %d" % -rc if rc < 0 else "exit status %d" % rc
        raise Failure("run failed: %s: %s" % (how, crash_line((err + out).decode(errors="replace"))))
    if want is not None and (out, err) != want:
        got = first_line((err + out).decode(errors="replace"))
        raise Failure("output differs from gc's (first line: %s)" % got)
    return secs, (out, err)


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def compilers(arch):
    return [Gc(arch), Gccgo(arch), Origo(arch)]


def fmt_secs(x):
    return "%.3f" % x if isinstance(x, float) else x


# ---------------------------------------------------------------------------
# code: speed of generated code


class Suite:
    """A set of programs and the targets origo's ratios are held to."""

    def __init__(self, cmd, folder, title, geomean_max, ratio_max, pinned, rss=None):
        self.cmd, self.folder, self.title = cmd, folder, title
        self.geomean_max, self.ratio_max = geomean_max, ratio_max
        self.pinned, self.rss = pinned, rss


CODE = Suite("code.sh", "programs", "speed of generated code", CODE_GEOMEAN_MAX, CODE_RATIO_MAX, True)
SCHED = Suite("sched.sh", "sched", "speed of goroutine code", SCHED_GEOMEAN_MAX, SCHED_RATIO_MAX, False,
              SCHED_RSS_PROGRAM)


def code(args, suite=CODE):
    arch = args.arch
    runs = int(os.environ.get("RUNS", "3"))
    progdir = os.path.join(HERE, suite.folder)
    names = args.programs or sorted(f[:-3] for f in os.listdir(progdir) if f.endswith(".go"))
    comps = compilers(arch)
    gc, gccgo, origo = comps
    if gc.skip:
        sys.exit(suite.cmd + ": " + gc.skip)
    prefix = runner(arch, suite.pinned)
    active = [c for c in comps if not c.skip]
    where = ("one core (taskset -c %s)" % os.environ.get("CPU", "0") if suite.pinned
             else "every core (%d)" % os.cpu_count())
    print("== %s, linux/%s, %s, best of %d %s times" % (suite.title, arch, where, runs, CLOCK))
    for c in comps:
        if c.skip:
            print("note: %s skipped: %s" % (c.name, c.skip))
    if arch == "arm64" and platform.machine() != "aarch64":
        print("note: under qemu-aarch64: the times are informative only")
    print()
    head = "%-15s %9s %9s %9s %9s %9s" % ("program", "gc s", "gccgo s", "origo s", "origo/gc", "gccgo/gc")
    print(head)
    print("-" * len(head))
    failed = False
    ratios = {"origo": [], "gccgo": []}
    rss = {}  # compiler name -> peak RSS (KiB) of the suite's RSS program
    tmp = tempfile.mkdtemp(prefix="origo-bench-")
    try:
        for name in names:
            src = os.path.join(progdir, name + ".go")
            if not os.path.exists(src):
                sys.exit("%s: no program %s" % (suite.cmd, src))
            # Phase 1: build with every compiler.
            status = {}  # compiler name -> Failure message
            exes = {}
            for c in active:
                exe = os.path.join(tmp, "%s.%s" % (name, c.name))
                try:
                    c.build(src, exe, tmp)
                    exes[c.name] = exe
                except Failure as e:
                    status[c.name] = str(e)
            # Phase 2: runs interleaved between the compilers, so a change
            # of load on the machine touches them alike. gc's first run
            # gives the expected output.
            best = {}
            want = None
            order = [c.name for c in active if c.name in exes]
            if "gc" not in exes:
                for n in order:
                    status.setdefault(n, "not checked: gc's build failed")
                order = []
            for _ in range(runs):
                for n in order:
                    if n in status:
                        continue
                    try:
                        secs, out = run_checked(prefix, exes[n], tmp, want)
                        if n == "gc" and want is None:
                            want = out
                        best[n] = min(best.get(n, secs), secs)
                    except Failure as e:
                        status[n] = str(e)
                        if n == "gc":
                            # Nothing left to compare with.
                            for m in order:
                                status.setdefault(m, "not checked: gc's run failed")
            if name == suite.rss:
                for n in order:
                    if n not in status:
                        try:
                            rss[n] = peak_rss(prefix + [exes[n]], tmp)
                        except Failure as e:
                            status[n] = str(e)
            for f in os.listdir(tmp):
                os.unlink(os.path.join(tmp, f))
            # Phase 3: the row.
            cells = []
            for c in comps:
                if c.skip:
                    cells.append("-")
                elif c.name in status:
                    cells.append("FAIL")
                    failed = True
                else:
                    cells.append(fmt_secs(best[c.name]))
            rcells = []
            for n in ("origo", "gccgo"):
                if n in best and "gc" in best:
                    r = best[n] / best["gc"]
                    ratios[n].append(r)
                    rcells.append("%.2f" % r)
                else:
                    rcells.append("-")
            print("%-15s %9s %9s %9s %9s %9s" % tuple([name] + cells + rcells))
            for c in comps:
                if c.name in status:
                    print("  %s: %s" % (c.name, status[c.name]))
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("-" * len(head))
    for n in ("gccgo", "origo"):
        rs = ratios[n]
        if rs:
            print("%s/gc: geometric mean %.2f, max %.2f (%d of %d programs)"
                  % (n, geomean(rs), max(rs), len(rs), len(names)))
        elif not (n == "gccgo" and gccgo.skip):
            print("%s/gc: no program timed" % n)
    rs = ratios["origo"]
    ok = (len(rs) == len(names) and geomean(rs) <= suite.geomean_max
          and max(rs) <= suite.ratio_max)
    rss_note = ""
    if suite.rss and suite.rss in names:
        print("peak RSS of %s: %s" % (suite.rss, ", ".join(
            "%s %.0f MiB" % (n, rss[n] / 1024.0) for n in ("gc", "gccgo", "origo") if n in rss)))
        if "origo" in rss and "gc" in rss:
            ok = ok and rss["origo"] <= rss["gc"]
        else:
            ok = False
        rss_note = ", peak RSS of %s no more than gc's" % suite.rss
    why = ("" if len(rs) == len(names)
           else " (origo timed on %d of %d programs)" % (len(rs), len(names)))
    verdict = "PASS" if ok else "FAIL"
    informative = arch == "arm64" and platform.machine() != "aarch64"
    print("origo target (geometric mean <= %.1f, none above %.1f%s): %s%s%s"
          % (suite.geomean_max, suite.ratio_max, rss_note, verdict, why,
             " (informative: under qemu)" if informative else ""))
    if failed or (not ok and not informative):
        sys.exit(1)


# ---------------------------------------------------------------------------
# compile: speed of compiling


def gc_tools(gc, arch, tmp):
    """gc's compiler and linker and an importcfg naming the compiled runtime
    and its dependencies (built into the go cache once, not timed)."""
    env = go_env(arch)
    tooldir = subprocess.run([gc.go, "env", "GOTOOLDIR"], env=env, stdout=subprocess.PIPE,
                             check=True).stdout.decode().strip()
    p = subprocess.run([gc.go, "list", "-export", "-deps", "-f",
                        "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}",
                        "runtime"], env=env, cwd=tmp, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise Failure("go list runtime: " + first_line(p.stderr.decode(errors="replace")))
    cfg = os.path.join(tmp, "importcfg")
    with open(cfg, "wb") as f:
        f.write(p.stdout)
    return os.path.join(tooldir, "compile"), os.path.join(tooldir, "link"), cfg, env


def compile_(args):
    arch = args.arch
    runs = int(os.environ.get("RUNS", "3"))
    prefix = runner(arch)
    one_core = prefix[:3]
    gc, gccgo, origo = compilers(arch)
    if gc.skip:
        sys.exit("compile.sh: " + gc.skip)
    tmp = tempfile.mkdtemp(prefix="origo-bench-")
    failed = False
    rows = []  # (label, seconds or None, failure message, note)
    try:
        text = gen_big.generate(args.lines)
        nlines = text.count("\n")

        def variant(i):
            """The program with a different last line in each run, so no
            cache can hand back the previous run's object."""
            d = os.path.join(tmp, "run%d" % i)
            os.makedirs(d, exist_ok=True)
            src = os.path.join(d, "big.go")
            with open(src, "w") as f:
                f.write(text + "\n// run %d\n" % i)
            return d, src

        def best_of(build):
            """Best wall time of `build(dir, src)` over the runs; build
            returns the commands to time, run one after the other. Returns
            the best total, the times of its commands and the executable."""
            best = None
            for i in range(runs):
                d, src = variant(i)
                parts = []
                for argv, env in build(d, src):
                    s, rc, out, err = timed(one_core + argv, d, env, BUILD_TIMEOUT)
                    if rc != 0:
                        msg = (err + out).decode(errors="replace").replace(d + "/", "")
                        raise Failure("build failed: " + first_line(msg))
                    parts.append(s)
                if best is None or sum(parts) < sum(best):
                    best = parts
            return sum(best), best, os.path.join(d, "big")

        print("== compile speed, linux/%s: a %d-line program from gen_big.py, "
              "one core (taskset -c %s), best of %d %s times"
              % (arch, nlines, os.environ.get("CPU", "0"), runs, CLOCK))
        # gc: compiler and linker, called directly as go build does.
        want = None
        gc_secs = None
        try:
            compile_tool, link_tool, cfg, env = gc_tools(gc, arch, tmp)

            def gc_build(d, src):
                obj = os.path.join(d, "main.a")
                return [([compile_tool, "-p", "main", "-complete", "-importcfg", cfg,
                          "-pack", "-o", obj, src], env),
                        ([link_tool, "-importcfg", cfg, "-buildmode=exe",
                          "-o", os.path.join(d, "big"), obj], env)]
            gc_secs, parts, exe = best_of(gc_build)
            _, want = run_checked(prefix, exe, tmp, None)
            rows.append(("gc (compile + link)", gc_secs, None,
                         "compile %.3f s + link %.3f s" % tuple(parts)))
        except Failure as e:
            rows.append(("gc (compile + link)", None, str(e), None))
            failed = True
        # gc through the go command, for scale: its cache holds the
        # standard library, and the changed source is recompiled.
        try:
            secs, _, exe = best_of(lambda d, src: [([gc.go, "build", "-o",
                                                  os.path.join(d, "big"), src],
                                                 go_env(arch))])
            run_checked(prefix, exe, tmp, want)
            rows.append(("gc (go build)", secs, None, "informative"))
        except Failure as e:
            rows.append(("gc (go build)", None, str(e), "informative"))
        # gccgo, for scale. gccgo 12 predates generics, which the program
        # uses, so today this reports its first error.
        if gccgo.skip:
            rows.append(("gccgo", None, "skipped: " + gccgo.skip, "informative"))
        else:
            label = "gccgo %s" % " ".join(gccgo.flags)
            try:
                secs, _, exe = best_of(lambda d, src: [([gccgo.gccgo] + gccgo.flags +
                                                        ["-o", os.path.join(d, "big"), src], None)])
                run_checked(prefix, exe, tmp, want)
                rows.append((label, secs, None, "informative"))
            except Failure as e:
                rows.append((label, None, str(e) + " (gccgo 12 has no generics)", "informative"))
        # origo: one build first, untimed, so its package cache is warm.
        origo_secs = None
        try:
            d, src = variant(runs)
            origo.build(src, os.path.join(d, "big"), d)
            env = dict(os.environ, GOARCH=arch, GOOS="linux")
            origo_secs, _, exe = best_of(lambda d, src: [([origo.origo, "build", "-o",
                                                           os.path.join(d, "big"), src], env)])
            run_checked(prefix, exe, tmp, want)
            rows.append(("origo build", origo_secs, None, None))
        except Failure as e:
            rows.append(("origo build", None, str(e), None))
            origo_secs = None
            failed = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    for label, secs, msg, note in rows:
        notes = [note] if note else []
        if secs is not None and gc_secs and label != "gc (compile + link)":
            notes.insert(0, "%.2fx gc" % (secs / gc_secs))
        if msg:
            print("%-22s %s" % (label, msg if note == "informative" else "FAIL: " + msg))
        else:
            print("%-22s %7.3f s%s" % (label, secs, "  (%s)" % ", ".join(notes) if notes else ""))
    print()
    ok = origo_secs is not None and gc_secs is not None and origo_secs / gc_secs < COMPILE_RATIO_MAX
    ratio = "%.2f" % (origo_secs / gc_secs) if origo_secs and gc_secs else "-"
    print("origo/gc compile time: %s; target (< %.0fx): %s"
          % (ratio, COMPILE_RATIO_MAX, "PASS" if ok else "FAIL"))
    if failed or not ok:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code", help="speed of generated code")
    c.add_argument("--arch", choices=["amd64", "arm64"], default="amd64")
    c.add_argument("programs", nargs="*", help="program names (default all in programs/)")
    g = sub.add_parser("sched", help="speed of goroutine code")
    g.add_argument("--arch", choices=["amd64", "arm64"], default="amd64")
    g.add_argument("programs", nargs="*", help="program names (default all in sched/)")
    k = sub.add_parser("compile", help="speed of compiling the generated 5,000-line program")
    k.add_argument("--arch", choices=["amd64", "arm64"], default="amd64")
    k.add_argument("--lines", type=int, default=5000, help="size of the program (default 5000)")
    args = ap.parse_args()
    if args.cmd == "code":
        code(args)
    elif args.cmd == "sched":
        code(args, SCHED)
    else:
        compile_(args)


if __name__ == "__main__":
    main()
