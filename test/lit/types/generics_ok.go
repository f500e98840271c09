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

// Indexing a type parameter without a core type: every type of its set
// has the same element type (and, for maps, the same key type).
func Index1[T interface{ []int64 | [5]int64 }](x T) int64 {
	x[2] = 5
	return x[3]
}

func Index2[T interface{ []byte | string }](x T) byte { return x[3] }

func Index3[T interface{ *[4]int | []int }](x T) int { return x[1] }

// delete through a type set of maps with one key type.
func Del[T interface{ map[string]int | map[string]float64 }](m T) { delete(m, "foo") }

// Elided &S in a literal whose element type is a type parameter with core
// type *S.
type S struct{ f int }

func Ptrs[P *S]() []P { return []P{{f: 1}} }
