// Composite literal, switch case and interface satisfaction errors use
// types2's compiler wording.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type T struct {
	a    int
	next *T
}

type I interface{ M() }

type P struct{}

func (*P) M() {}

var _ = T{b: 1}
var _ = T{a: 1, next: {}}
var _ = T{1, nil, 2}
var _ I = P{}

func f(x int, e interface{}, i I) {
	switch x {
	case 1, 2, 1:
	}
	switch e {
	case 0:
	case 0:
	}
	switch i.(type) {
	case *P:
	case *P:
	}
	switch {
	default:
	default:
	}
}

// CHECK: literals.go:18:11: unknown field 'b' in struct literal of type T
// CHECK: literals.go:19:23: missing type in composite literal
// CHECK: literals.go:20:19: too many values in T{…}
// CHECK: literals.go:21:11: cannot use P{} (value of type P) as type I in variable declaration:
// CHECK-NEXT: P does not implement I (M method has pointer receiver)
// CHECK: literals.go:25:13: duplicate case 1 (constant of type int) in expression switch
// CHECK-NEXT: literals.go:25:7: previous case
// CHECK: literals.go:29:7: duplicate case 0 (constant of type int) in expression switch
// CHECK-NEXT: literals.go:28:7: previous case
// CHECK: literals.go:33:7: duplicate case *P in type switch
// CHECK-NEXT: literals.go:32:7: previous case
// CHECK: literals.go:37:2: multiple defaults (first at {{.*}}literals.go:36:2)
