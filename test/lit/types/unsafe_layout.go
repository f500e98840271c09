// unsafe.Sizeof, Alignof and Offsetof with gc's layout (types/layout.cpp):
// embedded fields summed along the path, a trailing zero-size field padded,
// complex64 aligned to 4; the values are gc 1.19's on amd64 and arm64.
// RUN: %origo build -stop-after=types %s | FileCheck %s
// RUN: not %origo tool compile -e %S/Inputs/offsetof_bad.go 2>&1 | FileCheck --check-prefix=BAD %s

package main

import "unsafe"

type E struct {
	a byte
	b int32
}
type S struct {
	x byte
	E
	y [0]int
}

var s S

func main() {
	println(unsafe.Sizeof(s), unsafe.Alignof(s), unsafe.Offsetof(s.b), unsafe.Offsetof(s.E), unsafe.Offsetof(s.y), unsafe.Sizeof(struct {
		a int64
		b struct{}
	}{}), unsafe.Sizeof(complex64(0)), unsafe.Alignof(complex64(0)))
}

// CHECK: unsafe.Sizeof(s) : const uintptr = 24
// CHECK: unsafe.Alignof(s) : const uintptr = 8
// CHECK: unsafe.Offsetof(s.b) : const uintptr = 8
// CHECK: unsafe.Offsetof(s.E) : const uintptr = 4
// CHECK: unsafe.Offsetof(s.y) : const uintptr = 16
// CHECK: unsafe.Sizeof(struct{...}{}) : const uintptr = 16
// CHECK: unsafe.Sizeof(complex64(0)) : const uintptr = 8
// CHECK: unsafe.Alignof(complex64(0)) : const uintptr = 4

// BAD: offsetof_bad.go:16:28: invalid argument: field X is embedded via a pointer in T
// BAD-NEXT: offsetof_bad.go:17:28: invalid argument: t.Method is a method value
