// Values computed and dropped: built-ins that only compute a value (also
// package unsafe's) are "not used" as statements and "discarded" by go and
// defer; selectors suggest a name differing in case.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

import "unsafe"

type T struct{ Floats []float64 }

func g() {}

func f(t T, a []int) {
	func() {}
	struct{}{}
	unsafe.Sizeof(t)
	defer len(a)
	go int(0)
	_ = g()[:]
	_ = t.floats
	var x int
	var _ x
}

// CHECK: unused.go:15:2: func() {} (value of type func()) is not used
// CHECK: unused.go:16:2: struct{}{} (value of type struct{}) is not used
// CHECK: unused.go:17:2: unsafe.Sizeof(t) (constant 24 of type uintptr) is not used
// CHECK: unused.go:18:8: defer discards result of len(a) (value of type int)
// CHECK: unused.go:19:5: go requires function call, not conversion int(0) (constant 0 of type int)
// CHECK: unused.go:20:6: g() (no value) used as value
// CHECK: unused.go:21:8: t.floats undefined (type T has no field or method floats, but does have Floats)
// CHECK: unused.go:23:8: x (variable of type int) is not a type
