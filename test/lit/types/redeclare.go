// Range variables declared twice, _ := x.(type), and pointer methods
// through a value type.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type T struct{}

func (*T) g() {}

func f(r interface{}) {
	for a, a := range []int{1} {
		println(a)
	}
	switch _ := r.(type) {
	}
	_ = (T).g
	T{}.g()
}

// CHECK: redeclare.go:12:9: a redeclared in this block
// CHECK-NEXT: redeclare.go:12:6: other declaration of a
// CHECK: redeclare.go:15:9: no new variable on left side of :=
// CHECK: redeclare.go:17:10: cannot call pointer method g on T
// CHECK: redeclare.go:18:6: cannot call pointer method g on T
// CHECK-NOT: declared but not used
