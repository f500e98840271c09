// Methods promoted into generic struct instances: converting *A[int] to an
// interface lists the (*A[int]).get wrapper made with the instance, which
// calls the embedded instance's method (this once left a null method in
// the itab); the method tables give the instances' signatures.
package main

type B[T any] struct{ val T }

func (b *B[T]) get() T { return b.val }

func (b B[T]) show() T { return b.val }

type A[T any] struct{ B[T] }

type getter[T any] interface{ get() T }

type shower[T any] interface{ show() T }

func use[T any](g getter[T]) T { return g.get() }

func main() {
	a := A[int]{B[int]{3}}
	var g getter[int] = &a
	println(g.get(), use[int](&a))
	var s shower[string] = &A[string]{B[string]{"x"}}
	println(s.show())
	// Asserted at run time: the method tables list the instance's
	// signatures, with the type arguments in them.
	var x any = &B[string]{"direct"}
	println(x.(getter[string]).get())
	var y any = &A[string]{B[string]{"promoted"}}
	println(y.(getter[string]).get(), y.(shower[string]).show())
	_, ok := y.(getter[int])
	println(ok)
}
