// Redeclarations name the other declaration, as gc does; methods are
// redeclared through aliases of their receiver type too.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

var x int
var x string

func f(a, b int) (c int, d string) { return }

type I interface{ m(i, i int) }

type T struct{}

type A = T

func (T) m()  {}
func (A) m()  {}
func (*A) n() {}
func (T) n()  {}

func (t T) o(t int) {}

type S = struct{}

func (S) m() {}

var _ = T{}
var _ int = T{}

func (*int) p() {}

func (x *struct{}) q() {}

// CHECK: redeclared.go:8:5: x redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}redeclared.go:7:5: other declaration of x
// CHECK-NEXT: redeclared.go:12:24: i redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}redeclared.go:12:21: other declaration of i
// CHECK-NEXT: redeclared.go:19:10: T.m redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}redeclared.go:18:10: other declaration of m
// CHECK-NEXT: redeclared.go:21:10: T.n redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}redeclared.go:20:11: other declaration of n
// CHECK-NEXT: redeclared.go:23:14: t redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}redeclared.go:23:7: other declaration of t
// CHECK-NEXT: redeclared.go:27:7: invalid receiver type struct{}
// CHECK-NEXT: redeclared.go:30:13: cannot use T{} (value of type T) as type int in variable declaration
// CHECK-NEXT: redeclared.go:32:7: cannot define new methods on non-local type int
// CHECK-NEXT: redeclared.go:34:7: invalid receiver type *struct{}
