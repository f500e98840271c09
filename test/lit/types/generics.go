// Generic functions and types: instantiation, inference (from arguments and
// from core types of constraints) and constraint satisfaction, in gc's words.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Zero[T any]() T {
	var z T
	return z
}

type MyInt int

func uses() {
	var l *List[string]
	l = l.Push("a")
	var n int = Sum([]int{1, 2})
	var f float64 = Sum[float64](nil)
	var ks []string = Keys(map[string]bool{})
	_, _, _, _ = l, n, f, ks
	_ = Sum([]MyInt{1})
	_ = Sum([]string{"a"})
	// CHECK: generics.go:[[@LINE-1]]:9: string does not implement Number (string missing in ~int | ~int64 | ~float64)
	_ = Zero()
	// CHECK: generics.go:[[@LINE-1]]:10: cannot infer T ({{.*}}generics.go:34:11)
	var bad List
	// CHECK: generics.go:[[@LINE-1]]:10: cannot use generic type List[T any] without instantiation
	_ = bad
	_ = Keys[map[int]int, string]
	// CHECK: generics.go:[[@LINE-1]]:10: M does not match ~map[K]V
}
