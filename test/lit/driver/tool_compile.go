// `origo tool compile` prints gc-style diagnostics on stdout (without
// columns under -C) and exits 1; gc's flags used by the test tree are
// accepted.
// RUN: not %origo tool compile -e -C -p=p -d=panic -l -m -o %t.o %s | FileCheck %s
// RUN: not %origo tool compile -e %s | FileCheck %s --check-prefix=COL
// RUN: not %origo tool compile -nosuch %s 2>&1 | FileCheck %s --check-prefix=BAD

package p

var x int8 = 1000

// CHECK: tool_compile.go:10: cannot use 1000 (untyped int constant) as int8 value in variable declaration (overflows)
// COL: tool_compile.go:10:14: cannot use 1000
// BAD: origo: compile: flag provided but not defined: -nosuch
