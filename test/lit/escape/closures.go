// Closures: on the stack when called directly or passed to parameters
// that do not leak; on the heap when stored in a global, a slice or
// returned. Variables they capture by reference follow them; variables
// never reassigned are captured by value and stay put.
// RUN: %origo build -stop-after=escape %s | FileCheck %s --implicit-check-not='{{heap|not escape|leaking}}'

package main

var hooks []func() int
var hook func() int

func call(f func() int) int { return f() }

func store(f func() int) { hook = f }

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func main() {
	a := 1
	b := 2
	x := call(func() int { a++; return a + b })
	y := func() int { return a * 2 }()
	c := 3
	store(func() int { c++; return c })
	for i := 0; i < 2; i++ {
		// Captured by value (never reassigned): the closure escapes, the
		// variable does not move.
		k := i
		hooks = append(hooks, func() int { return k })
	}
	hook = func() int { return b }
	println(x, y, counter()(), hooks[1](), hook())
}

// gc 1.19 -gcflags=-m says the same (sorted by position):
// CHECK: closures.go:12:11: f does not escape
// CHECK-NEXT: closures.go:14:12: leaking param: f
// CHECK-NEXT: closures.go:17:2: moved to heap: n
// CHECK-NEXT: closures.go:18:9: func literal escapes to heap
// CHECK-NEXT: closures.go:24:12: func literal does not escape
// CHECK-NEXT: closures.go:25:7: func literal does not escape
// CHECK-NEXT: closures.go:26:2: moved to heap: c
// CHECK-NEXT: closures.go:27:8: func literal escapes to heap
// CHECK-NEXT: closures.go:32:25: func literal escapes to heap
// CHECK-NEXT: closures.go:34:9: func literal escapes to heap
