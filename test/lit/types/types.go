// The types dump: package objects, init order, then every typed expression
// of each function with its mode, type and constant value.
// RUN: %origo build -stop-after=types %s | FileCheck %s

package main

// CHECK: package main (main)
// CHECK-DAG: const k int8 @[[@LINE+1]]:7 = 3
const k int8 = 3

// CHECK-DAG: var g int @[[@LINE+1]]:5
var g = h + 1
var h = 2

// CHECK: init order: h g

// CHECK: func main.f func(int, int64) (int, bool)
func f(a int, b int64) (int, bool) {
	// CHECK: [[@LINE+1]]:9 a : var int use var a int
	return a * int(k), int64(a) < b
	// CHECK: int(k) : const int = 3
	// CHECK: k : const int8 = 3 use const k int8
	// CHECK: int64(a) < b : value bool
}

func main() {
	// Untyped constants take the type their context gives them.
	// CHECK: [[@LINE+1]]:7 1 << 3 : const int = 8
	x := 1 << 3
	// CHECK: [[@LINE+1]]:10 f(x, 2) : value (int, bool)
	y, z := f(x, 2)
	println(y, z, g)
}
