// Package initialization order (spec "Package initialization"): in
// `var a, b = x, y` each variable is initialized when its own expression is
// ready; `a, b = f()` initializes both at once; functions pass on what
// they refer to.
// RUN: %origo build -stop-after=types %s | FileCheck %s
// RUN: %origo run %s 2>&1 | FileCheck %s --check-prefix=OUT

package main

var x, y = z, 1

var z = y + 1

var p, q = f()

var r = g()

func f() (int, int) { return r, r + 1 }

func g() int { return 10 }

func main() {
	println(x, y, z, p, q, r)
}

// CHECK: init order: y z x r p q
// OUT: 2 1 2 10 11 10
