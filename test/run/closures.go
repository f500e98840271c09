// Closures share the variables they capture (by reference, Go 1.19 loop
// variables: one per loop), nested closures, recursion through a variable.
package main

type Acc struct{ total int }

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	c := counter()
	c()
	c()
	println(c())
	k := 3
	ys := apply([]int{1, 2, 3}, func(x int) int { return x * k })
	println(ys[0], ys[1], ys[2])
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	var gs []func() int
	for _, v := range []int{10, 20, 30} {
		gs = append(gs, func() int { return v })
	}
	println(gs[0](), gs[2]())
	a := Acc{}
	add := func(x int) {
		a.total += x
		func() { a.total *= 2 }()
	}
	add(5)
	add(1)
	println(a.total)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))
	s := "str"
	defer1 := func() string { return s + "!" }
	s = "changed"
	println(defer1())
}
