// Generic errors gc reports beyond the plain type rules: instantiation
// cycles (types2's mono check), a wrong number of type arguments that
// still names a type, conversions to //go:notinheap types (reported only
// when nothing else is), indexing and delete through type sets.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s
// RUN: not %origo tool compile -e %S/Inputs/notinheap.go 2>&1 | FileCheck --check-prefix=NIH %s
// RUN: not %origo tool compile -e %S/Inputs/instcycle.go 2>&1 | FileCheck --check-prefix=CYCLE %s
// RUN: not %origo tool compile -e %S/Inputs/instcycle.go %s 2>&1 | FileCheck --check-prefix=NOCYCLE %s

package p

type G[A, B any] struct{ x int }
type I[A, B any] interface{ M() }

func g[R any]() I[R] {
	return &G[R]{x: 1}
}

func h[T interface{ []int | map[int]int }](x T) int { return x[0] }

func k[T interface{ map[string]int | map[int]int }](m T) { delete(m, 1) }

func l[T interface{ []int | []string }](x T) { _ = x[0] }

// CHECK: generics_errors2.go:15:17: got 1 arguments but 2 type parameters
// CHECK-NEXT: generics_errors2.go:16:9: cannot use &G[R]{…} (value of type *G[R]) as type I[R] in return statement
// CHECK-NEXT: generics_errors2.go:16:10: got 1 arguments but 2 type parameters
// CHECK-NEXT: generics_errors2.go:19:63: invalid operation: cannot index x (variable of type T constrained by interface{[]int|map[int]int})
// CHECK-NEXT: generics_errors2.go:21:67: invalid argument: maps of m (variable of type T constrained by interface{map[string]int|map[int]int}) must have identical key types
// CHECK-NEXT: generics_errors2.go:23:53: invalid operation: cannot index x (variable of type T constrained by interface{[]int|[]string})

// NIH: notinheap.go:11:13: cannot convert new(a) (type *a) to type *b:
// NIH-NEXT: b is incomplete (or unallocatable), but a is not
// NIH-NEXT: notinheap.go:12:12: cannot convert "x" (type string) to type []c:
// NIH-NEXT: c is incomplete (or unallocatable)

// CYCLE: instcycle.go:3:8: instantiation cycle:
// CYCLE-NEXT: {{.*}}instcycle.go:7:4: T instantiated as []T

// Only for an otherwise correct package, as types2.
// NOCYCLE-NOT: instantiation cycle
