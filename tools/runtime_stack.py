#!/usr/bin/env python3
"""Bounds the stack that runtime code called from Go uses below a goroutine's
stackguard0 (runtime/stack.h: the slack, StackGuard bytes).

Compiled Go code calls the C++ runtime without checking the stack first, so
everything such a call can reach on the goroutine's stack must fit in the
slack, less what the calling frame may already have used of it
(MaxCheckedFrame). This reads the runtime's objects (built with
-fstack-size-section), makes the call graph from their direct calls and
tail jumps, and gives every Go-callable entry point (a symbol with a dot,
as `runtime.chanrecv1`) the deepest chain of frames it can reach. Chains end
at:
  - runtime code that moves to a segment of its own (onBigStack, the relay
    of stack.h), or to the thread's system stack (mcall);
  - functions that never come back to Go code and whose work runs on a
    segment of its own (listed in OWN_SEGMENT below);
  - calls outside the archive (libc, libgcc), charged EXTERNAL bytes each
    unless listed in EXTERNAL_COST.
Indirect calls are not followed: the runtime calls Go code through them
(compiled Go checks its own stack) or mcall's continuation (on g0).

usage: runtime_stack.py OBJDIR [--budget N] [-v]
The budget is RuntimeStackMax of runtime/stack.h unless given. Exits 1 if
an entry point's bound exceeds it, listing the chain; -v lists every bound.
"""
import argparse
import os
import re
import subprocess
import sys

# Bytes charged for a call into libc: its wrappers of system calls and
# mem* routines use a few dozen bytes.
EXTERNAL = 128
EXTERNAL_COST = {
    # The unwinder: only ever called on a segment of its own (onBigStack).
    "_Unwind_RaiseException": 1 << 20,
    "_Unwind_Resume": 1 << 20,
    "_Unwind_Backtrace": 1 << 20,
    "_Unwind_ForcedUnwind": 1 << 20,
}
# The return address (x86-64) or frame record a call adds beyond the
# callee's own frame as .stack_sizes counts it.
CALL = 16


def tool(name):
    """LLVM 19's `name` (llvm-objdump, ...)."""
    p = os.path.join("/usr/lib/llvm-19/bin", name)
    return p if os.path.exists(p) else name + "-19"


def stack_sizes(obj):
    out = subprocess.run([tool("llvm-readobj"), "--stack-sizes", obj], capture_output=True, text=True,
                         check=True).stdout
    sizes = {}
    names = None
    for line in out.splitlines():
        m = re.match(r"\s*Functions: \[(.*)\]", line)
        if m:
            names = m.group(1).split(", ")
            continue
        m = re.match(r"\s*Size: (0x[0-9a-fA-F]+)", line)
        if m and names:
            for n in names:
                sizes[n] = int(m.group(1), 16)
            names = None
    return sizes


CALL_INSN = re.compile(r"^\s*[0-9a-f]+:\s+(callq|call|jmpq|jmp|bl|b)\s+(?:0x)?[0-9a-f]+(?: <([^>+]+)(\+0x[0-9a-f]+)?>)?")
RELOC = re.compile(r"^\s*[0-9a-f]+:\s+(R_X86_64_PLT32|R_X86_64_PC32|R_AARCH64_CALL26|R_AARCH64_JUMP26)\s+([^\s+-]+)")
FUNC = re.compile(r"^[0-9a-f]+ <(.*)>:$")


def calls(obj):
    """{function: set(callees)} of obj's direct calls and tail jumps."""
    out = subprocess.run([tool("llvm-objdump"), "-dr", "--no-show-raw-insn", obj], capture_output=True,
                         text=True, check=True).stdout.splitlines()
    graph = {}
    cur = None
    for i, line in enumerate(out):
        m = FUNC.match(line)
        if m:
            cur = m.group(1)
            graph.setdefault(cur, set())
            continue
        m = CALL_INSN.match(line)
        if not m or cur is None:
            continue
        target = None
        if i + 1 < len(out):
            r = RELOC.match(out[i + 1])
            if r:
                target = r.group(2)
        if target is None:
            # Resolved by the assembler: a local function, or a branch
            # inside this one (an offset into the function itself).
            if m.group(2) and not m.group(3) and m.group(2) != cur:
                target = m.group(2)
        if target and not target.startswith(".L"):
            graph[cur].add(target)
    return graph


def demangle(names):
    out = subprocess.run([tool("llvm-cxxfilt")], input="\n".join(names), capture_output=True, text=True).stdout
    return dict(zip(names, out.splitlines()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("objdir")
    ap.add_argument("--budget", type=int)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    if args.budget is None:
        header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "runtime", "stack.h")
        m = re.search(r"constexpr uintptr_t RuntimeStackMax = (\d+);", open(header).read())
        args.budget = int(m.group(1))
    objs = sorted(os.path.join(args.objdir, f) for f in os.listdir(args.objdir) if f.endswith(".o"))
    sizes, graph = {}, {}
    for o in objs:
        sizes.update(stack_sizes(o))
        for f, cs in calls(o).items():
            graph.setdefault(f, set()).update(cs)
    # Where the runtime leaves the goroutine's stack: the chain ends.
    stops = {"onBigStack", "origo_morestack_switch", "origo_swapcontext"}

    memo, onpath = {}, set()

    def depth(f):
        """(bytes, chain) of the deepest chain from f."""
        if f in memo:
            return memo[f]
        if any(s in f for s in stops):
            return (CALL, [f])
        if f not in graph:
            return (EXTERNAL_COST.get(f, EXTERNAL), [f])
        if f in onpath:
            # Recursion: the runtime's recursive functions (printing of
            # nested panics, the map's) are bounded by their data; charge
            # the cycle once.
            return (0, [f + " (recursion)"])
        onpath.add(f)
        best = (0, [])
        for c in graph[f]:
            d = depth(c)
            if d[0] > best[0]:
                best = d
        onpath.discard(f)
        r = (sizes.get(f, 0) + CALL + best[0], [f] + best[1])
        memo[f] = r
        return r

    entries = sorted(f for f in graph if "." in f and not f.startswith(".") and not f.startswith("_Z"))
    over = []
    names = set()
    for e in entries:
        d = depth(e)
        names.update(d[1])
        if d[0] > args.budget:
            over.append((e, d))
    dm = demangle(sorted(n.split(" ")[0] for n in names))
    if args.v:
        for e in entries:
            print(f"{depth(e)[0]:8d}  {e}")
    for e, (n, chain) in over:
        print(f"{e}: {n} bytes > {args.budget}:")
        for c in chain:
            base = c.split(" ")[0]
            print(f"    {sizes.get(base, 0):6d}  {dm.get(base, base)}{c[len(base):]}")
    print(f"{len(entries)} entry points, {len(over)} over the budget of {args.budget} bytes")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
