// Interface methods may be declared once; embedded interfaces may bring
// the same method only with an identical signature.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type M interface{ m() }
type M32 interface{ m() int32 }
type M64 interface{ m() int64 }

type U2 interface {
	m()
	M
}
type U4 interface{ M; M }
type U6 interface{ m(); m() }
type U7 interface{ M32; m() }
type U9 interface{ M32; M64 }

type L interface{ E; n() }
type E interface{ n() int }

// CHECK: dupmethod.go:16:25: duplicate method m
// CHECK-NEXT: {{^}}	{{.*}}dupmethod.go:16:20: other declaration of m
// CHECK-NEXT: dupmethod.go:17:20: duplicate method m
// CHECK-NEXT: {{^}}	{{.*}}dupmethod.go:17:25: other declaration of m
// CHECK-NEXT: dupmethod.go:18:25: duplicate method m
// CHECK-NEXT: {{^}}	{{.*}}dupmethod.go:18:20: other declaration of m
// CHECK-NEXT: dupmethod.go:20:19: duplicate method n
// CHECK-NEXT: {{^}}	{{.*}}dupmethod.go:20:22: other declaration of n
