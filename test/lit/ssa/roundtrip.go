// The SSA text form reads back: origo_ssaparse parses every function of
// -stop-after=ssa and -d=ssa/<pass>/dump output, verifies it and prints the
// same text (-check); malformed text is reported with its position.
// RUN: %origo build -stop-after=ssa -d=ssa/all/dump -d=ssa/all/time %s > %t.ssa
// RUN: origo_ssaparse -check %t.ssa | FileCheck %s
// RUN: origo_ssaparse %t.ssa | FileCheck %s --check-prefix=DUMP
// RUN: not origo_ssaparse -check %S/Inputs/bad_op.ssa 2>&1 | FileCheck %s --check-prefix=BADOP
// RUN: not origo_ssaparse -check %S/Inputs/noncanonical.ssa 2>&1 | FileCheck %s --check-prefix=DIFF
// RUN: not origo_ssaparse %S/Inputs/unverified.ssa 2>&1 | FileCheck %s --check-prefix=VERIFY

package main

var g = 3

func pair(a int) (int, bool) { return a + g, a > 0 }

func ñ() string { return "q\"b\\s\n\x01é" }

func main() {
	x, ok := pair(4)
	g = x
	println(ok, ñ())
}

// CHECK: ok {{.*}}.ssa ({{[0-9]+}} functions)
// DUMP-LABEL: main.pair func(int) (int, bool)
// DUMP: LoadGlobal <int> {main.g}
// DUMP: Return <(int, bool)> v
// DUMP-LABEL: main.ñ func() string
// DUMP: ConstString <string> {"q\"b\\s\n\x01\xc3\xa9"}
// DUMP-LABEL: main.main func()
// DUMP: StaticCall <(int, bool)> {main.pair}
// DUMP: Select <bool> [1] v
// DUMP: StoreGlobal <()> {main.g} v
// DUMP: StaticCall <string> {main.ñ}
// BADOP: bad_op.ssa:4:14: unknown op Frobnicate
// DIFF: noncanonical.ssa: round trip differs at dump line 3:
// DIFF-NEXT: input: v1 (2) = ConstInt <int>  [1]
// DIFF-NEXT: printed: v1 (2) = ConstInt <int> [1]
// VERIFY: unverified.ssa: parsed function does not verify:
// VERIFY-NEXT: main.f: b1 (If) has 1 successors
