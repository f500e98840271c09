// defer: deferred calls run newest first at every return, after the
// results are set; the function value and arguments are evaluated at the
// defer statement; defers in loops; deferred calls of built-ins, methods,
// func values and literals; a deferred call changing a named result
// through a pointer.
package main

type T int

func (t T) show(s string) { println("T.show", int(t), s) }

func trace(s string, n int) { println("trace", s, n) }

func set(p *int, v int) { *p = v }

func order() {
	for i := 0; i < 3; i++ {
		defer println("loop defer", i)
	}
	defer trace("second", 2)
	defer trace("first", 1)
	println("order body")
}

func openCoded(x int) int {
	defer trace("x at defer", x)
	x = x * 10
	if x > 50 {
		defer println("big", x)
		return x + 1
	}
	return x - 1
}

func named() (r int) {
	defer set(&r, 99)
	r = 1
	return r + 1
}

func named2() (r int) {
	defer trace("r is set before deferred calls run", 0)
	return 7
}

func funcValues() {
	f := trace
	defer f("func value", 1)
	f = nil
	var t T = 3
	defer t.show("method")
	t = 4
	defer func() { println("literal") }()
	defer func(a, b int) { println("literal with args", a, b) }(1, 2)
	defer print("print ", 5, "\n")
}

func manyReturns(n int) (s string) {
	defer println("manyReturns done", n)
	switch n {
	case 0:
		return "zero"
	case 1:
		return "one"
	}
	s = "many"
	return
}

func main() {
	order()
	println(openCoded(3))
	println(openCoded(7))
	println(named())
	println(named2())
	funcValues()
	println(manyReturns(0), manyReturns(1), manyReturns(2))
	defer println("main's deferred call runs at its return")
}
