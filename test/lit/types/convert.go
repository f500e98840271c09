// Conversions ignore struct tags at any depth; append spreads a lone
// multi-value call over its parameters.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type S struct {
	f func(struct {
		x int "foo"
	})
}

type T struct {
	f func(struct {
		x int "bar"
	})
}

func g() (_, _ []int) { return }

func f(t T) {
	_ = S(t)
	_ = (*S)(&t)
	_ = append(g())
}

// CHECK-NOT: convert.go:22
// CHECK-NOT: convert.go:23
// CHECK: convert.go:24:13: cannot use g() (value of type []int) as type int in argument to append
