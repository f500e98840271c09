// Map keys must be comparable; a defined key type is checked once it is
// complete (it may be declared later, or be the type being declared).
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type S struct{ f []int }

var m map[S]int

type A struct{ m map[B]int }
type B struct{ a []A }

func f() {
	type C struct{ m map[C]int }
	var _ map[C]int
	var _ map[S]bool
}

// CHECK: mapkey.go:9:11: invalid map key type S
// CHECK-NEXT: mapkey.go:11:22: invalid map key type B
// CHECK-NEXT: mapkey.go:15:23: invalid map key type C
// CHECK-NEXT: mapkey.go:16:12: invalid map key type C
// CHECK-NEXT: mapkey.go:17:12: invalid map key type S
