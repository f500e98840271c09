// Calls through func values that LLVM resolves to direct calls (method
// expressions, functions, literals passed to inlined callers) keep their
// arguments in place: every Go function takes the context parameter.
package main

type T struct{ v int }

func (t T) Get() int { return t.v }

func add(a, b int) int { return a + b }

func apply(f func(int, int) int, x, y int) int { return f(x, y) }

func main() {
	g := T.Get
	println(g(T{3}))
	f := add
	println(f(1, 2), apply(add, 3, 4))
	h := func(a, b int) int { return a * b }
	println(apply(h, 5, 6))
}
