// Generics by monomorphization: generic functions (inferred and explicit
// type arguments), generic types with value and pointer methods, literals
// inside instances.
package main

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

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.n++
}

func (l List[T]) Len() int { return l.n }

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.v)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type MyInt int

func main() {
	println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.5}), Sum([]MyInt{4, 5}))
	strs := Map([]int{1, 2, 3}, func(i int) string { return string(rune('a' + i)) })
	println(len(strs), strs[0], strs[2])
	var l List[string]
	l.Push("x")
	l.Push("y")
	println(l.Len())
	l.Each(func(s string) { print(s, " ") })
	println()
	var li List[int]
	li.Push(42)
	li.Each(func(i int) { println(i * 2) })
	p := Pair[string, int]{"k", 7}
	println(p.Key, p.Val)
	println(Max(3, 9), Max("abc", "abd"), Max[float64](2.5, 1))
}
