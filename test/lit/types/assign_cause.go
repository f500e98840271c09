// Failed assignments and conversions give types2's cause on a second line.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type I interface{ M(int) }

type T struct{}

func (*T) m(int) {}

type E interface{}

func f(e E, i I, p *I) {
	var t *T
	t = e
	_ = I(new(T))
	p = new(T)
	_, _ = t, p
}

type B interface {
	_()
}

// CHECK: assign_cause.go:16:6: cannot use e (variable of type E) as type *T in assignment:
// CHECK-NEXT: need type assertion
// CHECK: assign_cause.go:17:8: cannot convert new(T) (value of type *T) to type I:
// CHECK-NEXT: *T does not implement I (missing M method)
// CHECK-NEXT: have m(int)
// CHECK-NEXT: want M(int)
// CHECK: assign_cause.go:18:6: cannot use new(T) (value of type *T) as type *I in assignment:
// CHECK-NEXT: *T does not implement *I (type *I is pointer to interface, not interface)
// CHECK: assign_cause.go:23:2: methods must have a unique non-blank name
