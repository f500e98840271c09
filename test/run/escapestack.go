// Stack allocation decided by escape analysis must keep Go's semantics:
// each execution of new, &T{}, a literal or a closure is a new object,
// per-iteration variables captured by escaping closures stay distinct,
// closures capture by reference when variables change, and objects that
// do not escape are fresh (zeroed) on every iteration.
package main

type point struct{ x, y int }

var keep []*point
var fns []func() int

func apply(f func(int) int, n int) int { return f(n) }

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func sumPoints(ps []*point) int {
	s := 0
	for _, p := range ps {
		s += p.x + p.y
	}
	return s
}

func newCounter() (func() int, func() int) {
	n := 0
	return func() int { n++; return n }, func() int { return n }
}

func (p *point) move(dx int) { p.x += dx }

func fill(b []int) {
	for i := range b {
		b[i] = i * i
	}
}

func main() {
	// Closures created per iteration capturing a per-iteration variable:
	// the ones that escape keep their own copy.
	for i := 0; i < 4; i++ {
		k := i * 10
		fns = append(fns, func() int { return k })
	}
	for _, f := range fns {
		println("escaped closure:", f())
	}
	// A non-escaping closure per iteration, capturing by reference a
	// variable it changes.
	total := 0
	for i := 0; i < 5; i++ {
		calls := 0
		each([]int{1, 2, 3}, func(x int) { calls++; total += x * i })
		println("calls:", calls, "total:", total)
	}
	// new and &T{} inside a loop: fresh and zeroed each time when they do
	// not escape, distinct objects when they do.
	for i := 0; i < 3; i++ {
		p := new(point)
		println("fresh new:", p.x, p.y)
		p.x = i
		q := &point{y: i}
		println("fresh lit:", q.x, q.y)
		q.x = 99
		r := &point{i, i + 1}
		keep = append(keep, r)
	}
	println("kept:", sumPoints(keep), keep[0] != keep[1])
	// Slices from make with a constant size and from literals, per
	// iteration: zeroed each time.
	for i := 0; i < 3; i++ {
		b := make([]int, 4)
		println("make zero:", b[0], b[1], b[2], b[3])
		fill(b)
		println("make filled:", b[3])
		s := []int{i, i}
		s[0]++
		println("lit:", s[0], s[1])
	}
	// Address of a local passed to a pointer method and a closure called
	// directly.
	var pt point
	pt.move(3)
	v := func() int { return pt.x * 2 }()
	println("direct:", pt.x, v)
	// Captured variables shared by two closures.
	inc, get := newCounter()
	inc()
	inc()
	println("counter:", get())
	// Capture by value of a variable never reassigned, and by reference
	// of one reassigned after the closure is made.
	a, b := 5, 6
	f := func() int { return a*100 + b }
	b = 7
	println("capture:", apply(func(x int) int { return x + f() }, 1))
	// A method value that does not escape.
	m := pt.move
	m(10)
	println("method value:", pt.x)
	// A pointer to a loop-local variable kept past its iteration.
	var ptrs []*int
	for i := 0; i < 3; i++ {
		x := i * 7
		ptrs = append(ptrs, &x)
	}
	println("loop vars:", *ptrs[0], *ptrs[1], *ptrs[2])
	// Range variables are one per loop in Go 1.19: closures share them.
	var rf []func() int
	for _, v := range []int{1, 2, 3} {
		rf = append(rf, func() int { return v })
	}
	println("range var:", rf[0](), rf[1](), rf[2]())
	// A deferred closure that changes a variable after the fact.
	println("deferred:", deferred())
	// Recursion through a closure variable.
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println("fib:", fib(15))
}

func deferred() (r int) {
	x := 1
	defer func() { r = x * 3 }()
	x = 4
	return x
}
