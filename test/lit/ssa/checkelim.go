// Checks that dominating facts prove are removed: bounds checks of an
// index guarded by the loop test (prove), repeated nil checks of one
// pointer and checks of new objects (nilcheckelim, after cse merges the
// pointers); unguarded ones stay.
// RUN: %origo build -stop-after=ssa %s | FileCheck %s

package main

// CHECK-LABEL: main.sum func([]int) int
// CHECK-NOT: runtime.panicIndex
// CHECK-LABEL: main.first func([]int, int) int
func sum(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

// CHECK: runtime.panicIndex
// CHECK-LABEL: main.twice func(*T) int
func first(s []int, k int) int { return s[k] }

type T struct{ a, b int }

// One check for both fields.
// CHECK: runtime.panicmem
// CHECK-NOT: runtime.panicmem
// CHECK-LABEL: main.fresh func() int
func twice(p *T) int { return p.a + p.b }

// CHECK-NOT: runtime.panicmem
// CHECK-LABEL: main.swap func([]int, int, int)
func fresh() int {
	p := &T{1, 2}
	return p.a + p.b
}

// Each index is checked once, though each is used twice.
// CHECK-COUNT-2: runtime.panicIndex
// CHECK-NOT: runtime.panicIndex
// CHECK-LABEL: main.tails func([]int) int
func swap(s []int, i, j int) {
	s[i], s[j] = s[j], s[i]
}

// s[i:] with i < len(s) from the loop test, s[:len(s)] and s[0:1]'s low
// bound need no slicing check; s[0:1]'s high bound keeps one.
// CHECK-COUNT-1: runtime.panicSlice
// CHECK-NOT: runtime.panicSlice
// CHECK-LABEL: main.main func()
func tails(s []int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += len(s[i:])
	}
	return n + len(s[:len(s)]) + len(s[0:1])
}

func main() {
	s := []int{1, 2}
	swap(s, 0, 1)
	println(tails(s))
	println(sum(s), first([]int{3}, 0), twice(&T{4, 5}), fresh())
}
