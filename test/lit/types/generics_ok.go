// Generic code gc accepts type-checks without errors: operators defined on
// every type of a type set, recursive inference, constant conversions to a
// type parameter, channel operations through core types, assertions to a
// type parameter.
// RUN: %origo tool compile %s

package p

func Add[T ~int | ~string](a, b T) T { return a + b }

func Fact[T ~int | ~int64 | ~float64](n T) T {
	if n == 1 {
		return 1
	}
	return n * Fact(n-1)
}

func Consts[T ~int | ~float64]() (T, T) { return T(0), T(3) }

func Close[T chan int | chan<- int](ch T) { close(ch); ch <- 1 }

func Append[S ~string | ~[]byte](buf []byte, s S) []byte { return append(buf, s...) }

func Assert[T any](x interface{}) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

func Switch[T, A any](x interface{ M() T }) bool {
	switch x.(type) {
	case A:
		return true
	}
	return false
}

type MyInt int

var _ = Add(MyInt(1), 2)
var _ = Fact(5.0)
