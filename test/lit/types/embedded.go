// Embedded fields may not be pointers (also through a defined type still
// being declared), unsafe.Pointer, pointers to interfaces or type
// parameters; package names may not also be imported names.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

import (
	"fmt"
	"unsafe"
)

var _ = fmt.Println

var fmt int

type T *struct {
	T
}

type I interface{ m() }

type P *int

type S[X any] struct {
	unsafe.Pointer
	*I
	P
	*int
	X
}

// CHECK: embedded.go:15:5: fmt already declared through import of package fmt ("fmt")
// CHECK-NEXT: {{^}}	{{.*}}embedded.go:9:2: other declaration of fmt
// CHECK-NEXT: embedded.go:18:2: embedded field type cannot be a pointer
// CHECK-NEXT: embedded.go:26:2: embedded field type cannot be unsafe.Pointer
// CHECK-NEXT: embedded.go:27:2: embedded field type cannot be a pointer to an interface
// CHECK-NEXT: embedded.go:28:2: embedded field type cannot be a pointer
// CHECK-NEXT: embedded.go:30:2: embedded field type cannot be a (pointer to a) type parameter
