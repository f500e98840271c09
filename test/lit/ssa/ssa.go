// The SSA dump after the pass pipeline: gc's layout, constants folded,
// the division check as an Exit block calling the runtime.
// RUN: %origo build -stop-after=ssa %s | FileCheck %s

package main

// CHECK-LABEL: main.div func(int, int) int
// CHECK: b1:
// CHECK-NEXT: v{{[0-9]+}} ([[@LINE+3]]) = Arg <int> [0] {a}
// CHECK-NEXT: v{{[0-9]+}} ([[@LINE+2]]) = Arg <int> [1] {b}
// CHECK: If v{{[0-9]+}} -> b{{[0-9]+}} b{{[0-9]+}}
func div(a, b int) int {
	return a / b
	// CHECK: RuntimeCall <()> {runtime.panicdivide}
	// CHECK: Exit v
	// CHECK: Div <int>
	// CHECK: Ret v
}

// CHECK-LABEL: main.loop func(int) int
func loop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	// The loop header merges the two variables with phis.
	// CHECK: Phi <int>
	// CHECK: Phi <int>
	// CHECK: Less <bool>
	return s
}

// CHECK-LABEL: main.main func()
func main() {
	// 3 * 4 + 1 is folded; the argument to printint is a constant.
	// CHECK: ConstInt <int64> [13]
	// CHECK: RuntimeCall <()> {runtime.printint}
	println(3*4 + 1)
	println(div(7, 2), loop(4))
}
