// Generic functions as values (inferred and explicit instances) and
// methods of a type parameter's constraint called on a type argument.
package main

type lesser[T any] interface{ less(T) bool }

type num int

func (a num) less(b num) bool { return a < b }

func min[T lesser[T]](a, b T) T {
	if a.less(b) {
		return a
	}
	return b
}

func apply[T any](xs []T, f func(T) T) {
	for i := range xs {
		xs[i] = f(xs[i])
	}
}

func double[T int | float64](x T) T { return x * 2 }

func main() {
	println(min(num(3), num(2)))
	xs := []int{1, 2, 3}
	apply(xs, double[int])
	f := double[float64]
	println(xs[0], xs[2], f(1.25))
}
